package app.licensedesk.ui.export;

import app.licensedesk.model.LicenseStatus;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.common.TaskRunner;
import java.io.File;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Binding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Exports what a table shows to CSV: its visible columns in the user's order, its rows as filtered and sorted, each
 * cell as text for people (statuses by name, dates as {@code 2026-12-01 09:30} in the user's zone, which Excel reads
 * as a date in any language). The file chooser runs on the FX thread; the writing runs through the
 * {@link TaskRunner}.
 */
public final class TableExport {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Where the last export went, so the next one starts there (this run only). */
    private static File lastFolder;

    private TableExport() {
    }

    /**
     * Adds Export… to the table: Ctrl/Cmd+E while it has the focus, and an item at the end of its context menu (call
     * this after the view has set its context menu).
     *
     * @param fileStem the start of the proposed file name, e.g. "licenses"; the date is added
     */
    public static void install(TableView<?> table, Supplier<Window> owner, TaskRunner tasks, String fileStem) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (Shortcut.EXPORT.matches(e)) {
                e.consume();
                export(table, owner.get(), tasks, fileStem);
            }
        });
        MenuItem item = new MenuItem(I18n.t("export.action", Shortcut.text(Shortcut.EXPORT.key())),
                new FontIcon(Feather.DOWNLOAD));
        item.setId("exportMenuItem");
        item.setOnAction(e -> export(table, owner.get(), tasks, fileStem));
        if (table.getContextMenu() == null) {
            table.setContextMenu(new ContextMenu(item));
        } else {
            table.getContextMenu().getItems().addAll(new SeparatorMenuItem(), item);
        }
    }

    /** Asks where to save (and with which separator), then writes the table's content there in the background. */
    public static void export(TableView<?> table, Window owner, TaskRunner tasks, String fileStem) {
        Separator choice = Separator.ask();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("dialog.title", I18n.t("export.title")));
        chooser.setInitialFileName(fileStem + "-" + LocalDate.now(Formats.zone()) + ".csv");
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        chooser.getExtensionFilters().setAll(choice.filters());
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return;
        }
        lastFolder = chosen.getParentFile();
        CsvWriter.Separator separator = choice.chosen(chooser.getSelectedExtensionFilter());
        Path file = withCsvExtension(chosen.toPath());
        // read on the FX thread, which owns the rows; only the writing goes to the background
        List<String> header = header(table);
        List<List<String>> rows = rows(table, TableExport::cellText);
        tasks.run(I18n.t("export.task", rows.size(), file.getFileName()), () -> {
            CsvWriter.write(file, separator, header, rows);
            return file;
        }, done -> { }, failure -> {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            BaseDialog.decorate(alert, owner, I18n.t("export.title"));
            alert.setHeaderText(I18n.t("export.failed.header"));
            alert.setContentText(I18n.t("export.failed", file, reason(failure)));
            alert.show();
        });
    }

    /** The headers of the visible columns, in the order the user sees them. */
    public static List<String> header(TableView<?> table) {
        List<String> header = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            // a header set on two lines to keep its column narrow is one line in the file
            String text = column.getText() == null ? "" : column.getText().replace('\n', ' ');
            if (column.getParentColumn() != null && column.getParentColumn().getText() != null) {
                text = (column.getParentColumn().getText() + " " + text).trim();
            }
            header.add(text);
        }
        return header;
    }

    /** The table's items as shown (filtered, sorted), each visible column's value turned into text. */
    public static <S> List<List<String>> rows(TableView<S> table, Function<Object, String> cellText) {
        List<TableColumn<S, ?>> columns = List.copyOf(table.getVisibleLeafColumns());
        List<List<String>> rows = new ArrayList<>(table.getItems().size());
        for (S item : table.getItems()) {
            List<String> row = new ArrayList<>(columns.size());
            for (TableColumn<S, ?> column : columns) {
                ObservableValue<?> value = column.getCellObservableValue(item);
                row.add(cellText.apply(value == null ? null : value.getValue()));
                if (value instanceof Binding<?> binding) {
                    // a cell value factory's binding listens to the row: made for this read only, so let go of it
                    binding.dispose();
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** A cell value as text for a spreadsheet: no digit grouping, dates in a form Excel reads in every language. */
    public static String cellText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LicenseStatus status) {
            return I18n.t("status." + status.name());
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(Formats.zone()));
        }
        if (value instanceof YearMonth month) {
            return month.toString();
        }
        return value.toString();
    }

    private static Path withCsvExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? file : file.resolveSibling(name + ".csv");
    }

    private static String reason(Throwable failure) {
        if (failure instanceof AccessDeniedException) {
            return I18n.t("export.failed.denied");
        }
        if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    /** The separator choice, offered as the save dialog's file types: the locale's own first. */
    private record Separator(FileChooser.ExtensionFilter semicolon, FileChooser.ExtensionFilter comma,
                             CsvWriter.Separator preferred) {

        static Separator ask() {
            return new Separator(
                    new FileChooser.ExtensionFilter(I18n.t("export.type.semicolon"), "*.csv"),
                    new FileChooser.ExtensionFilter(I18n.t("export.type.comma"), "*.csv"),
                    CsvWriter.Separator.forLocale(Locale.getDefault(Locale.Category.FORMAT)));
        }

        List<FileChooser.ExtensionFilter> filters() {
            return preferred == CsvWriter.Separator.SEMICOLON ? List.of(semicolon, comma) : List.of(comma, semicolon);
        }

        CsvWriter.Separator chosen(FileChooser.ExtensionFilter filter) {
            if (filter == semicolon) {
                return CsvWriter.Separator.SEMICOLON;
            }
            return filter == comma ? CsvWriter.Separator.COMMA : preferred;
        }
    }
}
