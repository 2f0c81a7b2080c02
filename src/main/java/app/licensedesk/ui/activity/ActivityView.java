package app.licensedesk.ui.activity;

import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.export.TableExport;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Activity page: the activity log as a searchable, exportable table, newest first. */
public final class ActivityView implements ShellPage {

    private final ActivityViewModel vm;
    private final TaskRunner tasks;
    private final BorderPane root = new BorderPane();
    private final TableView<ActivityItem> table = new TableView<>();
    private final TextField searchField;

    public ActivityView(ActivityViewModel vm, TaskRunner tasks) {
        this.vm = vm;
        this.tasks = tasks;
        root.getStyleClass().add("activity-page");
        root.setPadding(new Insets(12));
        searchField = PageParts.searchField("activitySearchField", I18n.t("activity.search.prompt"),
                () -> PageParts.toFirstItem(table, table.getItems(), table.getSelectionModel()));
        searchField.setPrefColumnCount(28);
        searchField.textProperty().bindBidirectional(vm.searchProperty());

        Button export = new Button(I18n.t("export.button"), new FontIcon(Feather.DOWNLOAD));
        export.setId("activityExportButton");
        export.setMnemonicParsing(true);
        export.setTooltip(new Tooltip(I18n.t("export.action", Shortcut.text(Shortcut.EXPORT.key()))));
        export.setOnAction(e -> export());
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("activityRefreshButton");
        refresh.setTooltip(new Tooltip(I18n.t("activity.tip.refresh")));
        refresh.setOnAction(e -> vm.refresh());
        Label count = new Label();
        count.setId("activityCountLabel");
        count.getStyleClass().add("inline-info");
        count.textProperty().bind(vm.countTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, searchField, export, spacer, count, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(I18n.t("activity.title"));
        title.getStyleClass().add("page-title");
        Label error = new Label();
        error.setId("activityError");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(vm.errorProperty());
        PageParts.visibleWhen(error, error.textProperty().isNotEmpty());
        VBox top = new VBox(8, title, toolbar, error);
        BorderPane.setMargin(top, new Insets(0, 0, 10, 0));
        root.setTop(top);

        buildTable();
        root.setCenter(table);
        Label file = new Label(I18n.t("activity.file", vm.logFile()));
        file.setId("activityFileLabel");
        file.getStyleClass().add("inline-info");
        BorderPane.setMargin(file, new Insets(8, 0, 0, 0));
        root.setBottom(file);
        TableExport.install(table, this::window, tasks, "activity");
    }

    private void buildTable() {
        table.setId("activityTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<ActivityItem, Instant> time = new TableColumn<>(I18n.t("activity.col.time"));
        time.setId("activity-col-time");
        time.setPrefWidth(190);
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().time()));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : Formats.dateTime(item));
            }
        });
        time.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().add(time);
        // not 80: a column left at JavaFX's default width is shrunk to its content ("Claim") when first laid out
        table.getColumns().add(text("action", 90, ActivityItem::action));
        table.getColumns().add(text("key", 170, ActivityItem::key));
        table.getColumns().add(text("controller", 150, ActivityItem::controller));
        table.getColumns().add(text("user", 185, ActivityItem::user));
        table.getColumns().add(text("environment", 120, ActivityItem::environment));
        table.getColumns().add(text("outcome", 150, ActivityItem::outcomeText));
        TableColumn<ActivityItem, String> story = text("story", 520, ActivityItem::story);
        // the whole story also in a tooltip: it is often longer than the column
        story.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        table.getColumns().add(story);
        table.getColumns().add(text("server", 200, ActivityItem::server));
        table.setItems(vm.sorted());
        vm.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.getSortOrder().add(time);
        StackPane placeholder = new StackPane(new VBox(10, PageParts.busyIndicator(vm.loadingProperty(), 36),
                new Label(I18n.t("activity.empty"))));
        ((VBox) placeholder.getChildren().get(0)).setAlignment(Pos.CENTER);
        table.setPlaceholder(placeholder);
    }

    private static TableColumn<ActivityItem, String> text(String key, double width,
                                                          Function<ActivityItem, String> value) {
        TableColumn<ActivityItem, String> column = new TableColumn<>(I18n.t("activity.col." + key));
        column.setId("activity-col-" + key);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void export() {
        TableExport.export(table, window(), tasks, "activity");
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        vm.shown();
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    @Override
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }
}
