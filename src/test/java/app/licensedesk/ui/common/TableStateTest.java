package app.licensedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A table's column order, widths and sort survive the table being built again. */
class TableStateTest {

    private final FxRobot robot = new FxRobot();
    private final Preferences node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);
    private final TableState state = new TableState(prefs);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    /** A fresh table as a view builds it: key, name, city, and a column without id. */
    private static TableView<String> table() {
        TableView<String> table = new TableView<>();
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (String id : List.of("col-key", "col-name", "col-city")) {
            TableColumn<String, String> column = new TableColumn<>(id);
            column.setId(id);
            column.setPrefWidth(100);
            table.getColumns().add(column);
        }
        table.getColumns().add(new TableColumn<>("no id"));
        return table;
    }

    private static List<String> ids(TableView<String> table) {
        return table.getColumns().stream().map(c -> String.valueOf(c.getId())).toList();
    }

    @Test
    void orderWidthsAndSortComeBack() {
        robot.interact(() -> {
            TableView<String> first = table();
            state.bind(first, "customers");
            TableColumn<String, ?> city = first.getColumns().get(2);
            TableColumn<String, ?> key = first.getColumns().get(0);
            first.getColumns().setAll(List.of(city, first.getColumns().get(1), key, first.getColumns().get(3)));
            city.setPrefWidth(240);
            first.getSortOrder().setAll(List.of(key, city));
            key.setSortType(TableColumn.SortType.DESCENDING);
            state.save(first, "customers"); // what the pause after a resize does
        });

        robot.interact(() -> {
            TableView<String> again = table();
            state.bind(again, "customers");
            assertThat(ids(again)).containsExactly("col-city", "col-name", "col-key", "null");
            assertThat(again.getColumns().get(0).getPrefWidth()).isEqualTo(240);
            assertThat(again.getSortOrder()).extracting(TableColumn::getId).containsExactly("col-key", "col-city");
            assertThat(again.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
            assertThat(again.getSortOrder().get(1).getSortType()).isEqualTo(TableColumn.SortType.ASCENDING);
        });
    }

    @Test
    void aColumnMovedOrSortedIsSavedWithoutAnyCall() {
        robot.interact(() -> {
            TableView<String> first = table();
            state.bind(first, "controllers");
            first.getColumns().add(0, first.getColumns().remove(1));
            first.getSortOrder().setAll(List.of(first.getColumns().get(0)));
        });
        assertThat(prefs.get(TableState.columnsKey("controllers"), "")).startsWith("col-name=");
        assertThat(prefs.get(TableState.sortKey("controllers"), "")).isEqualTo("col-name:ASCENDING");
    }

    @Test
    void aResizeIsSavedShortlyAfter() throws Exception {
        robot.interact(() -> {
            TableView<String> first = table();
            FxToolkit.toolkitContext().getRegisteredStage().setScene(new Scene(first, 600, 300));
            state.bind(first, "licenses");
            first.getColumns().get(1).setPrefWidth(333);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> prefs.get(TableState.columnsKey("licenses"), "").contains("col-name=333"));
    }

    @Test
    void nothingRememberedAndUnknownColumnsChangeNothing() {
        prefs.put(TableState.columnsKey("old"), "col-gone=80,col-name=notanumber");
        prefs.put(TableState.sortKey("old"), "col-gone:DESCENDING");
        robot.interact(() -> {
            TableView<String> fresh = table();
            state.restore(fresh, "nothing");
            assertThat(ids(fresh)).containsExactly("col-key", "col-name", "col-city", "null");
            TableView<String> old = table();
            state.restore(old, "old");
            // the named one first, the new ones after it; a width that cannot be read is left alone
            assertThat(ids(old)).containsExactly("col-name", "col-key", "col-city", "null");
            assertThat(old.getColumns().get(0).getPrefWidth()).isEqualTo(100);
            assertThat(old.getSortOrder()).isEmpty();
        });
    }
}
