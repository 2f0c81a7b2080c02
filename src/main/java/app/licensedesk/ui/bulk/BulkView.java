package app.licensedesk.ui.bulk;

import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import atlantafx.base.controls.Spacer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The bulk page: a toolbar (open, template, run, pause, resume, cancel, export), the preview's summary and
 * problems, a progress bar and one table row per file row with its verdict and outcome; below it the results file.
 * A path can be typed or pasted instead of chosen.
 */
public final class BulkView implements ShellPage {

    private final BulkViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<BulkRowItem> table = new TableView<>();
    private TextField path;

    public BulkView(BulkViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("bulk-page");
        root.setTop(buildTop());
        root.setCenter(buildTable());
        root.setBottom(buildBottom());
    }

    private VBox buildTop() {
        Label caption = new Label(I18n.t("bulk.ui.file"));
        path = pathField("bulkPath", vm.pathProperty(), "bulk.ui.path.prompt");
        path.setOnAction(e -> vm.openTyped());
        // not disabled while a file is read or sent: the caret stays where the user typed
        path.editableProperty().bind(vm.canOpenProperty());
        caption.setLabelFor(path);
        Button open = button("bulkOpen", "bulk.ui.open", Feather.FOLDER, this::chooseInput);
        open.disableProperty().bind(vm.canOpenProperty().not());
        Button reload = button("bulkReload", "bulk.ui.reload", Feather.REFRESH_CW, vm::reload);
        reload.disableProperty().bind(vm.canOpenProperty().not().or(Bindings.isEmpty(vm.pathProperty())));
        Button template = button("bulkTemplate", "bulk.ui.template", Feather.FILE_PLUS, this::chooseTemplate);
        Button run = button("bulkRun", "bulk.ui.run", Feather.PLAY, vm::run);
        run.disableProperty().bind(vm.canRunProperty().not());
        Button pause = button("bulkPause", "bulk.ui.pause", Feather.PAUSE, vm::pause);
        PageParts.visibleWhen(pause, vm.canResumeProperty().not());
        pause.disableProperty().bind(vm.canPauseProperty().not());
        Button resume = button("bulkResume", "bulk.ui.resume", Feather.PLAY_CIRCLE, vm::resume);
        PageParts.visibleWhen(resume, vm.canResumeProperty());
        Button cancel = button("bulkCancel", "bulk.ui.cancel", Feather.X_SQUARE, vm::cancel);
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        HBox bar = new HBox(8, caption, path, open, reload, template, new Spacer(16), run, pause, resume, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = label("bulkSummary", vm.summaryProperty(), "detail-key");
        PageParts.visibleWhen(summary, Bindings.isNotEmpty(vm.summaryProperty()));
        Label status = label("bulkStatus", vm.statusProperty(), null);
        PageParts.visibleWhen(status, Bindings.isNotEmpty(vm.statusProperty()));
        Label error = label("bulkError", vm.errorProperty(), "inline-error");
        PageParts.visibleWhen(error, Bindings.isNotEmpty(vm.errorProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("bulkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        PageParts.visibleWhen(progress, vm.phaseProperty().isNotEqualTo(BulkViewModel.Phase.EMPTY)
                .and(vm.phaseProperty().isNotEqualTo(BulkViewModel.Phase.PREVIEW)));

        VBox top = new VBox(8, bar, summary, error, progress, status);
        top.setPadding(new Insets(12, 12, 8, 12));
        return top;
    }

    /** Below the table: where the results go, and the export. */
    private HBox buildBottom() {
        Label caption = new Label(I18n.t("bulk.ui.results"));
        TextField target = pathField("bulkResultsPath", vm.resultsPathProperty(), "bulk.ui.results.prompt");
        target.setOnAction(e -> vm.exportTyped());
        caption.setLabelFor(target);
        Button choose = button("bulkResultsChoose", "bulk.ui.resultsChoose", Feather.FOLDER, this::chooseResults);
        Button export = button("bulkExport", "bulk.ui.export", Feather.DOWNLOAD, vm::exportTyped);
        export.disableProperty().bind(vm.canExportProperty().not());
        HBox bottom = new HBox(8, caption, target, choose, export);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8, 12, 12, 12));
        return bottom;
    }

    private static TextField pathField(String id, StringProperty text, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("mono");
        field.setPromptText(I18n.t(promptKey));
        field.textProperty().bindBidirectional(text);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private TableView<BulkRowItem> buildTable() {
        table.setId("bulkTable");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(I18n.t("bulk.ui.empty"));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getColumns().add(column("line", 50, item -> new ReadOnlyObjectWrapper<>(String.valueOf(item.line()))));
        table.getColumns().add(column("key", 170, item -> new ReadOnlyObjectWrapper<>(item.key())));
        table.getColumns().add(column("nodeId", 140, item -> new ReadOnlyObjectWrapper<>(item.nodeId())));
        table.getColumns().add(column("activation", 130, item -> new ReadOnlyObjectWrapper<>(item.activation())));
        table.getColumns().add(column("verdict", 110, item -> new ReadOnlyObjectWrapper<>(item.verdictText())));
        table.getColumns().add(column("message", 290, item -> new ReadOnlyObjectWrapper<>(item.message())));
        table.getColumns().add(column("outcome", 95, BulkRowItem::outcomeProperty));
        table.getColumns().add(column("reason", 180, BulkRowItem::reasonProperty));
        return table;
    }

    /** A text column whose cells show their whole text as a tooltip, for what a narrow column cuts off. */
    private static TableColumn<BulkRowItem, String> column(String name, double width,
                                                           Function<BulkRowItem, ObservableValue<String>> value) {
        TableColumn<BulkRowItem, String> column = new TableColumn<>(I18n.t("bulk.ui.col." + name));
        column.setId("bulk-col-" + name);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 95)); // a header is never cut: "Outcome", "Line"
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean blank = empty || text == null || text.isEmpty();
                setText(blank ? null : text);
                setTooltip(blank ? null : new Tooltip(text));
            }
        });
        return column;
    }

    private static Button button(String id, String textKey, Feather icon, Runnable action) {
        Button button = new Button(I18n.t(textKey), new FontIcon(icon));
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label label(String id, ObservableValue<String> text, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    /** A chooser for CSV files that starts in the folder of {@code near} (when there is one) and proposes its name. */
    private FileChooser chooser(Path near, boolean proposeName) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("bulk.ui.fileType"), "*.csv"));
        if (near != null && near.getParent() != null && Files.isDirectory(near.getParent())) {
            chooser.setInitialDirectory(near.getParent().toFile());
        }
        if (near != null && proposeName) {
            chooser.setInitialFileName(near.getFileName().toString());
        }
        return chooser;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The path in a field, when it is one; null otherwise (the chooser then starts where it likes). */
    private static Path pathIn(String text, String fallbackName) {
        try {
            return text.isBlank() ? Path.of(fallbackName) : Path.of(text.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void chooseInput() {
        File chosen = chooser(pathIn(vm.pathProperty().get(), "rows.csv"), false).showOpenDialog(window());
        if (chosen != null) {
            vm.open(chosen.toPath());
        }
    }

    private void chooseTemplate() {
        File target = chooser(Path.of("bulk-template.csv"), true).showSaveDialog(window());
        if (target != null) {
            vm.writeTemplate(target.toPath());
        }
    }

    private void chooseResults() {
        File target = chooser(pathIn(vm.resultsPathProperty().get(), "results.csv"), true).showSaveDialog(window());
        if (target != null) {
            vm.resultsPathProperty().set(target.getAbsolutePath());
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        // nothing to load: the page starts from a file the user opens
    }

    /** F5: reads the file again. */
    @Override
    public void refresh() {
        vm.reload();
    }

    /** Ctrl/Cmd+F and page switches land in the path field, the page's first useful control. */
    @Override
    public void focusSearch() {
        PageParts.focus(path);
    }
}
