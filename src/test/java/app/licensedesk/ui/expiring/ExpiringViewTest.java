package app.licensedesk.ui.expiring;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.common.UserSettings;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Expiring page in a real window (headless): a click on a bar or a customer filters, Clear filter undoes it. */
class ExpiringViewTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static final Customer BETA = new Customer(2, "u-2", "Beta NV");

    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        // closing this test's window must not end the toolkit the other UI tests share
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void show() throws Exception {
        EstateService service = new EstateService();
        service.licenses.put(ACME, List.of(
                EstateService.license("A-JUN", "residential", "2026-06-20T00:00:00Z", 10, 5, 4, null),
                EstateService.license("A-SEP", "commercial", "2026-09-10T00:00:00Z", 30, null, null, null)));
        service.licenses.put(BETA, List.of(
                EstateService.license("B-JUN", "residential", "2026-06-16T00:00:00Z", 3, 3, 3, 3),
                EstateService.license("B-JUL", "commercial", "2026-07-10T00:00:00Z", 7, 0, 0, 0)));
        robot.interact(() -> {
            TaskRunner tasks = TaskRunner.inline();
            LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), CLOCK);
            ExpiringView page = new ExpiringView(new ExpiringViewModel(service, tasks, registry,
                    new Directory(service, tasks), CLOCK, UserSettings.DEFAULT_LOOK_AHEAD_DAYS), tasks);
            stage = new Stage();
            stage.setScene(new Scene(page.root(), 1300, 850));
            stage.show();
            page.shown();
        });
        // a bar can be clicked once the charts are laid out with the data
        waitUntil(() -> bar("#expiringMonthsChart", 0, 3).getLayoutBounds().getHeight() > 0
                && bar("#expiringTypesChart", 0, 1).getLayoutBounds().getHeight() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        robot.interact(() -> stage.close());
    }

    private List<String> shownKeys() {
        TableView<LicenseRow> table = robot.lookup("#expiringLicensesTable").queryTableView();
        return table.getItems().stream().map(LicenseRow::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    private Node bar(String chartId, int series, int index) {
        BarChart<String, Number> chart = (BarChart<String, Number>) robot.lookup(chartId).query();
        return chart.getData().get(series).getData().get(index).getNode();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @Test
    void aClickOnAMonthBarShowsThatMonthAndClearFilterShowsAllAgain() throws Exception {
        assertThat(shownKeys()).containsExactly("B-JUN", "B-JUL", "A-JUN");
        Label filter = robot.lookup("#expiringFilterLabel").queryAs(Label.class);
        // the filter line (the label with its Clear button) shows only while a filter is on
        assertThat(filter.getParent().isVisible()).isFalse();

        robot.clickOn(bar("#expiringMonthsChart", 0, 3)); // September 2026
        waitUntil(() -> shownKeys().equals(List.of("A-SEP")));
        assertThat(filter.getText()).isEqualTo("Showing only: ending in September 2026");
        assertThat(filter.getParent().isVisible()).isTrue();
        assertThat(bar("#expiringMonthsChart", 0, 3).getStyleClass()).contains("bar-chosen");

        robot.clickOn("#expiringClearFilterButton");
        waitUntil(() -> shownKeys().size() == 3);
        assertThat(filter.getParent().isVisible()).isFalse();
    }

    @Test
    void aClickOnATypeBarOrACustomerNarrowsTheList() throws Exception {
        robot.clickOn(bar("#expiringTypesChart", 0, 1)); // commercial, grid kW
        waitUntil(() -> shownKeys().equals(List.of("B-JUL")));

        robot.clickOn(bar("#expiringTypesChart", 0, 1)); // again: all types
        waitUntil(() -> shownKeys().size() == 3);

        Node acme = robot.lookup("#expiringGroupsTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof CustomerGroup group && ACME.equals(group.customer()))
                .findFirst().orElseThrow();
        robot.clickOn(acme);
        waitUntil(() -> shownKeys().equals(List.of("A-JUN")));
        assertThat(robot.lookup("#expiringFilterLabel").queryAs(Label.class).getText())
                .isEqualTo("Showing only: Acme BV");
    }
}
