package app.licensedesk.ui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The license table's rows at a width that shows only some of its columns: a row holds the cells of the columns
 * that can be seen (the others are not styled or laid out), covers all that is seen of it, and a sideways scroll
 * brings the cells of the columns scrolled into view, with their text.
 */
class LicenseTableRowsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final double WIDTH = 800;
    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW,
            ZoneOffset.UTC));
    private LicenseTable table;
    private Stage stage;

    @BeforeEach
    void showTable() throws Exception {
        FxToolkit.registerPrimaryStage();
        Customer acme = new Customer(1, "u-1", "Acme");
        List<LicenseRow> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(registry.put(new License("id-" + i, "SG1-RES-" + i, 10, 2, 3, null, NOW, null, 12, null,
                    "residential", List.of("node-" + i)), acme));
        }
        WaitForAsyncUtils.asyncFx(() -> {
            table = new LicenseTable();
            table.setItems(FXCollections.observableArrayList(rows));
            stage = new Stage();
            stage.setScene(new Scene(table, WIDTH, 400));
            stage.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aRowHoldsTheCellsOfTheColumnsInViewAndASidewaysScrollBringsTheOthers() throws Exception {
        Map<String, Double> starts = onFx(() -> {
            Map<String, Double> at = new TreeMap<>();
            double x = 0;
            for (TableColumn<LicenseRow, ?> column : table.getColumns()) {
                at.put(column.getId(), x);
                x += column.getWidth();
            }
            return at;
        });
        assertThat(onFx(() -> cellsOf(row(0)))).as("at the start, the columns that begin within %s px", WIDTH)
                .containsOnlyKeys(starts.entrySet().stream().filter(e -> e.getValue() < WIDTH)
                        .map(Map.Entry::getKey).toList())
                .containsEntry("col-key", "SG1-RES-0");
        double seen = onFx(() -> table.lookup(".clipped-container").getLayoutBounds().getWidth());
        assertThat(seen).isBetween(WIDTH - 30, WIDTH);
        assertThat(onFx(() -> row(0).getWidth())).isGreaterThanOrEqualTo(seen);

        ScrollBar sideways = onFx(this::hbar);
        onFx(() -> {
            sideways.setValue(sideways.getMax());
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> cellsOf(row(0)).containsKey(
                "col-controllers")));
        double scrolled = onFx(sideways::getValue);
        assertThat(scrolled).isPositive();
        Map<String, String> cells = onFx(() -> cellsOf(row(0)));
        String linked = onFx(() -> LicenseTable.linkedText((LicenseRow) row(0).getItem()));
        assertThat(cells.get("col-controllers")).isEqualTo(linked).contains("node-0");
        assertThat(cells).as("the key column is scrolled out of view").doesNotContainKey("col-key");
        assertThat(onFx(() -> row(0).getWidth())).as("the row covers what is seen of it")
                .isGreaterThanOrEqualTo(scrolled + seen);

        onFx(() -> {
            sideways.setValue(0);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> cellsOf(row(0)).containsKey("col-key")));
        assertThat(onFx(() -> cellsOf(row(0)))).doesNotContainKey("col-controllers")
                .containsEntry("col-key", "SG1-RES-0");
    }

    private TableRow<?> row(int index) {
        return table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index).findFirst().orElseThrow();
    }

    /** The row's cells in the scene graph: column id to text. */
    private static Map<String, String> cellsOf(TableRow<?> row) {
        Map<String, String> cells = new TreeMap<>();
        for (Node child : row.getChildrenUnmodifiable()) {
            if (child instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
                cells.put(cell.getTableColumn().getId(), cell.getText() == null ? "" : cell.getText());
            }
        }
        return cells;
    }

    private ScrollBar hbar() {
        return table.lookupAll(".scroll-bar").stream().map(n -> (ScrollBar) n)
                .filter(b -> b.getOrientation() == Orientation.HORIZONTAL).findFirst().orElseThrow();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
