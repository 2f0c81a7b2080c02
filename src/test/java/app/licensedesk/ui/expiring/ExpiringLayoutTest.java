package app.licensedesk.ui.expiring;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.testing.CutColumns;
import app.licensedesk.ui.common.AppStyles;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.common.UserSettings;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Expiring page laid out as in a 1400 x 900 main window, in each language: every column of the customers table
 * lies within the table, and no header or figure of it is cut short ("Batte…"), with a scroll bar and five-digit
 * capacities; so do the license table's first columns, the ones the page is about (key to linked controller).
 */
public class ExpiringLayoutTest {

    /**
     * The width the page gets in a 1400 px wide main window: the navigation bar beside it takes 173 px (app.css:
     * buttons 160 px wide, 6 px padding each side, a 1 px border); {@code PreferencesJourneyTest} checks this in the
     * real window.
     */
    public static final double PAGE_WIDTH_AT_1400 = 1400 - 173;
    /** What is left of 900 px below the banner and the header, above the status bar. */
    private static final double PAGE_HEIGHT_AT_900 = 760;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        // the app's theme: its paddings and fonts decide what fits
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void close() {
        if (stage != null) {
            robot.interact(() -> stage.close());
        }
        I18n.setLocale(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl", "fr", "de"})
    void everyColumnOfTheCustomersTableAndTheLicensesMainColumnsAreWhollyVisibleAt1400Pixels(String language)
            throws Exception {
        I18n.setLocale(Locale.forLanguageTag(language));
        EstateService service = new EstateService();
        for (int i = 1; i <= 40; i++) {
            Customer customer = new Customer(i, "u-" + i, "Energiegenossenschaft Nordwest " + i);
            service.licenses.put(customer, List.of(
                    // keys as long and as wide as the real ones; July is Expiring, August Active
                    EstateService.license(String.format("SG1-COM-WMWM-%04d", i), "commercial",
                            "2026-07-2" + (i % 10) + "T00:00:00Z", 12_345, 23_456, 34_567, 45_678),
                    EstateService.license(String.format("SG1-RES-WMWM-%04d", i), "residential",
                            "2026-08-1" + (i % 10) + "T00:00:00Z", 10_000, 10_000, 10_000, 10_000)));
        }
        robot.interact(() -> {
            TaskRunner tasks = TaskRunner.inline();
            ExpiringView page = new ExpiringView(new ExpiringViewModel(service, tasks,
                    new LicenseRegistry(LicenseTerms.defaults(), CLOCK), new Directory(service, tasks), CLOCK,
                    UserSettings.DEFAULT_LOOK_AHEAD_DAYS), tasks);
            stage = new Stage();
            stage.setScene(AppStyles.scene(page.root(), PAGE_WIDTH_AT_1400, PAGE_HEIGHT_AT_900));
            stage.show();
            page.shown();
        });
        TableView<?> groups = robot.lookup("#expiringGroupsTable").queryTableView();
        TableView<?> licenses = robot.lookup("#expiringLicensesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> groups.getItems().size() == 40
                && !robot.lookup("#expiringGroupsTable .table-row-cell").queryAll().isEmpty()
                && !robot.lookup("#expiringLicensesTable .table-row-cell").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(CutColumns.of(groups, Set.of("expiring-col-customer"))).as("cut in %s", language).isEmpty();
        assertThat(licenses.getVisibleLeafColumns().subList(0, ExpiringView.FIRST_LICENSE_COLUMNS.size()))
                .extracting(TableColumn::getId).containsExactlyElementsOf(ExpiringView.FIRST_LICENSE_COLUMNS);
        assertThat(CutColumns.of(licenses, Set.of("col-customer", "col-controllers"),
                ExpiringView.FIRST_LICENSE_COLUMNS)).as("licenses cut in %s", language).isEmpty();
    }
}
