package app.licensedesk.ui.bulk;

import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import atlantafx.base.controls.Spacer;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * problems, a progress bar and one table row per file row with its verdict and outcome. Not in the shell yet.
 */
public final class BulkView implements ShellPage {

    private final BulkViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<BulkRowItem> table = new TableView<>();

    public BulkView(BulkViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("bulk-page");
        root.setTop(buildTop());
        root.setCenter(buildTable());
    }

    private VBox buildTop() {
        Button open = button("bulkOpen", "bulk.ui.open", Feather.FOLDER, () -> chooseCsv(false));
        open.disableProperty().bind(vm.canOpenProperty().not());
        Button reload = button("bulkReload", "bulk.ui.reload", Feather.REFRESH_CW, vm::reload);
        reload.disableProperty().bind(vm.canOpenProperty().not().or(Bindings.isEmpty(vm.fileNameProperty())));
        Button template = button("bulkTemplate", "bulk.ui.template", Feather.FILE_PLUS, () -> chooseCsv(true));
        Button run = button("bulkRun", "bulk.ui.run", Feather.PLAY, vm::run);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setDefaultButton(true);
        Button pause = button("bulkPause", "bulk.ui.pause", Feather.PAUSE, vm::pause);
        PageParts.visibleWhen(pause, vm.canResumeProperty().not());
        pause.disableProperty().bind(vm.canPauseProperty().not());
        Button resume = button("bulkResume", "bulk.ui.resume", Feather.PLAY_CIRCLE, vm::resume);
        PageParts.visibleWhen(resume, vm.canResumeProperty());
        Button cancel = button("bulkCancel", "bulk.ui.cancel", Feather.X_SQUARE, vm::cancel);
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        Button export = button("bulkExport", "bulk.ui.export", Feather.DOWNLOAD, this::chooseExport);
        export.disableProperty().bind(vm.canExportProperty().not());

        Label file = new Label();
        file.setId("bulkFileName");
        file.getStyleClass().add("mono");
        file.textProperty().bind(vm.fileNameProperty());
        HBox bar = new HBox(8, open, reload, template, file, new Spacer(), run, pause, resume, cancel, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = label("bulkSummary", vm.summaryProperty(), "detail-key");
        Label status = label("bulkStatus", vm.statusProperty(), null);
        Label error = label("bulkError", vm.errorProperty(), "inline-error");
        PageParts.visibleWhen(error, Bindings.isNotEmpty(vm.errorProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("bulkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        PageParts.visibleWhen(progress, vm.phaseProperty().isNotEqualTo(BulkViewModel.Phase.EMPTY)
                .and(vm.phaseProperty().isNotEqualTo(BulkViewModel.Phase.PREVIEW)));
        HBox.setHgrow(progress, Priority.ALWAYS);

        VBox top = new VBox(8, bar, summary, error, progress, status);
        top.setPadding(new Insets(12, 12, 8, 12));
        return top;
    }

    private TableView<BulkRowItem> buildTable() {
        table.setId("bulkTable");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(I18n.t("bulk.ui.empty"));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getColumns().add(column("line", 60, item -> new ReadOnlyObjectWrapper<>(String.valueOf(item.line()))));
        table.getColumns().add(column("key", 200, item -> new ReadOnlyObjectWrapper<>(item.key())));
        table.getColumns().add(column("nodeId", 190, item -> new ReadOnlyObjectWrapper<>(item.nodeId())));
        table.getColumns().add(column("activation", 150, item -> new ReadOnlyObjectWrapper<>(item.activation())));
        table.getColumns().add(column("verdict", 110, item -> new ReadOnlyObjectWrapper<>(item.verdictText())));
        table.getColumns().add(column("message", 280, item -> new ReadOnlyObjectWrapper<>(item.message())));
        table.getColumns().add(column("outcome", 110, BulkRowItem::outcomeProperty));
        table.getColumns().add(column("reason", 280, BulkRowItem::reasonProperty));
        return table;
    }

    private static TableColumn<BulkRowItem, String> column(String name, double width,
                                                           Function<BulkRowItem, ObservableValue<String>> value) {
        TableColumn<BulkRowItem, String> column = new TableColumn<>(I18n.t("bulk.ui.col." + name));
        column.setId("bulk-col-" + name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
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

    private FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("bulk.ui.fileType"), "*.csv"));
        return chooser;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Open a file to preview, or (for the template) choose where to save one. */
    private void chooseCsv(boolean template) {
        FileChooser chooser = chooser();
        if (template) {
            chooser.setInitialFileName("bulk-template.csv");
            File target = chooser.showSaveDialog(window());
            if (target != null) {
                vm.writeTemplate(target.toPath());
            }
            return;
        }
        File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            vm.open(chosen.toPath());
        }
    }

    private void chooseExport() {
        FileChooser chooser = chooser();
        chooser.setInitialFileName("results.csv");
        File target = chooser.showSaveDialog(window());
        if (target != null) {
            vm.exportResults(target.toPath());
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

    @Override
    public void focusSearch() {
        table.requestFocus();
    }
}
