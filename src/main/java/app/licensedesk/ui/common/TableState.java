package app.licensedesk.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Remembers a table's columns under a key: their order, widths and the sort (columns and directions), restored
 * when the table is built again. Columns are known by their ids; a column without one is left as it is, and a
 * column the saved state does not name (new in this version) goes after the named ones.
 */
public final class TableState {

    /** The preferences the views' tables use, set once by the app; tables are not remembered without it. */
    private static volatile AppPreferences installed;

    private final AppPreferences prefs;

    public TableState(AppPreferences prefs) {
        this.prefs = prefs;
    }

    /** Sets where the views' tables are remembered (the app's preferences). */
    public static void install(AppPreferences prefs) {
        installed = prefs;
    }

    /**
     * Restores the table's columns as remembered under the key and remembers every later change. A no-op until
     * {@link #install} was called, so a view built in a test without the app remembers nothing.
     */
    public static void remember(TableView<?> table, String key) {
        AppPreferences prefs = installed;
        if (prefs != null) {
            new TableState(prefs).bind(table, key);
        }
    }

    /** Restores now, then saves after each change: at once for order and sort, shortly after a column resize. */
    public void bind(TableView<?> table, String key) {
        restore(table, key);
        PauseTransition resized = new PauseTransition(Duration.millis(400));
        resized.setOnFinished(e -> save(table, key));
        InvalidationListener widthChanged = o -> resized.playFromStart();
        table.getColumns().forEach(c -> c.widthProperty().addListener(widthChanged));
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> save(table, key));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<?, ?>>) change -> save(table, key));
        table.getColumns().forEach(c -> c.sortTypeProperty().addListener(o -> save(table, key)));
    }

    /** Writes the table's column order, widths and sort under the key. */
    public void save(TableView<?> table, String key) {
        List<String> columns = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (column.getId() != null) {
                columns.add(column.getId() + "=" + Math.round(column.getWidth()));
            }
        }
        List<String> sort = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getSortOrder()) {
            if (column.getId() != null) {
                sort.add(column.getId() + ":" + column.getSortType().name());
            }
        }
        prefs.put(columnsKey(key), String.join(",", columns));
        prefs.put(sortKey(key), String.join(",", sort));
    }

    /** Puts the table's columns in the remembered order, widths and sort; nothing remembered changes nothing. */
    public <S> void restore(TableView<S> table, String key) {
        Map<String, TableColumn<S, ?>> byId = new HashMap<>();
        table.getColumns().forEach(c -> {
            if (c.getId() != null) {
                byId.put(c.getId(), c);
            }
        });
        Map<String, Double> widths = new LinkedHashMap<>();
        for (String entry : split(prefs.get(columnsKey(key), ""))) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0 && byId.containsKey(entry.substring(0, eq))) {
                try {
                    widths.put(entry.substring(0, eq), Double.parseDouble(entry.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    widths.put(entry.substring(0, eq), null);
                }
            }
        }
        if (!widths.isEmpty()) {
            List<TableColumn<S, ?>> ordered = new ArrayList<>();
            widths.keySet().forEach(id -> ordered.add(byId.get(id)));
            table.getColumns().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
            table.getColumns().setAll(ordered);
            widths.forEach((id, width) -> {
                if (width != null && width >= 10) {
                    byId.get(id).setPrefWidth(width);
                }
            });
        }
        List<TableColumn<S, ?>> sort = new ArrayList<>();
        for (String entry : split(prefs.get(sortKey(key), ""))) {
            int colon = entry.lastIndexOf(':');
            TableColumn<S, ?> column = colon > 0 ? byId.get(entry.substring(0, colon)) : null;
            if (column != null && column.isSortable()) {
                column.setSortType(entry.endsWith(":DESCENDING") ? TableColumn.SortType.DESCENDING
                        : TableColumn.SortType.ASCENDING);
                sort.add(column);
            }
        }
        if (!sort.isEmpty()) {
            table.getSortOrder().setAll(sort);
        }
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(","));
    }

    static String columnsKey(String key) {
        return "table." + key + ".columns";
    }

    static String sortKey(String key) {
        return "table." + key + ".sort";
    }
}
