package app.licensedesk.ui.expiring;

import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.export.TableExport;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.shared.LicenseTable;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Expiring page: the charts on top (a click on a bar filters), below them the customers with their counts and
 * capacities (a click on one filters), and under those the licenses of the period, grouped by customer and by end.
 */
public final class ExpiringView implements ShellPage {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    /**
     * The license table's columns that this page is about, first and in this order: which license ends when, whose,
     * of what kind, on which controller. They fit the table's width at 1400 px (ExpiringLayoutTest); the capacities
     * (summed per customer in the table above) and the other dates follow, sideways.
     */
    public static final List<String> FIRST_LICENSE_COLUMNS = List.of("col-key", "col-customer", "col-type",
            "col-status", "col-endDate", "col-controllers");

    private final ExpiringViewModel vm;
    private final TaskRunner tasks;
    private final BorderPane root = new BorderPane();
    private final LicenseTable licenses = new LicenseTable(LicenseTable.Option.CUSTOMER_COLUMN);
    private final TableView<CustomerGroup> groups = new TableView<>();

    public ExpiringView(ExpiringViewModel vm, TaskRunner tasks) {
        this.vm = vm;
        this.tasks = tasks;
        root.getStyleClass().add("expiring-page");
        root.setPadding(new Insets(12));
        root.setTop(header());

        BarChart<String, Number> months = ExpiringCharts.months(vm);
        BarChart<String, Number> types = ExpiringCharts.types(vm);
        HBox.setHgrow(months, Priority.ALWAYS);
        HBox.setHgrow(types, Priority.ALWAYS);
        months.setPrefWidth(620);
        types.setPrefWidth(420);
        HBox charts = new HBox(12, months, types);
        Tooltip.install(charts, new Tooltip(I18n.t("expiring.chart.tip")));

        buildGroups();
        licenses.setId("expiringLicensesTable");
        licenses.getColumns().setAll(licenses.getColumns().stream().sorted(Comparator.comparingInt(c -> {
            int place = FIRST_LICENSE_COLUMNS.indexOf(c.getId());
            return place < 0 ? FIRST_LICENSE_COLUMNS.size() : place;
        })).toList());
        SortedList<LicenseRow> sorted = new SortedList<>(vm.licenses());
        sorted.comparatorProperty().bind(licenses.comparatorProperty());
        licenses.setItems(sorted);
        // one above the other, each as wide as the page: side by side at 1400 px the customers table, which shows
        // all its columns, left the licenses about 490 px, less than their key, customer, type and status need
        SplitPane tables = new SplitPane(groups, licenses);
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.45);
        // what one table asks for, as side by side: the two tables' own 400 px stacked would squeeze the charts
        // below the height at which the types chart still shows its legend; the tables take the rest (Vgrow)
        tables.setPrefHeight(400);
        VBox.setVgrow(tables, Priority.ALWAYS);
        root.setCenter(new VBox(10, charts, tables));

        TableExport.install(licenses, this::window, tasks, "expiring-licenses");
        TableExport.install(groups, this::window, tasks, "expiring-customers");
    }

    private Node header() {
        Label title = new Label(I18n.t("expiring.title", vm.days()));
        title.getStyleClass().add("page-title");
        Label summary = new Label();
        summary.setId("expiringSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Button export = new Button(I18n.t("export.button"), new FontIcon(Feather.DOWNLOAD));
        export.setId("expiringExportButton");
        export.setMnemonicParsing(true);
        export.setTooltip(new Tooltip(I18n.t("export.action", Shortcut.text(Shortcut.EXPORT.key()))));
        export.setOnAction(e -> TableExport.export(licenses, window(), tasks, "expiring-licenses"));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("expiringRefreshButton");
        refresh.setTooltip(new Tooltip(I18n.t("expiring.tip.refresh")));
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = PageParts.busyIndicator(vm.loadingProperty(), 18);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleLine = new HBox(10, title, busy, spacer, export, refresh);
        titleLine.setAlignment(Pos.CENTER_LEFT);

        Label filter = new Label();
        filter.setId("expiringFilterLabel");
        filter.getStyleClass().add("expiring-filter");
        filter.textProperty().bind(vm.filterTextProperty());
        filter.setGraphic(new FontIcon(Feather.FILTER));
        Button clear = new Button(I18n.t("expiring.filter.clear"), new FontIcon(Feather.X));
        clear.setId("expiringClearFilterButton");
        clear.setMnemonicParsing(true);
        clear.getStyleClass().add(Styles.SMALL);
        clear.setOnAction(e -> vm.clearFilter());
        HBox filterLine = new HBox(10, filter, clear);
        filterLine.setAlignment(Pos.CENTER_LEFT);
        PageParts.visibleWhen(filterLine, vm.filteredProperty());

        VBox top = new VBox(6, titleLine, summary, filterLine, line("expiringProgress", "inline-info",
                vm.progressTextProperty()), line("expiringWarning", "licenses-warning", vm.warningTextProperty()),
                line("expiringError", "inline-error", vm.errorTextProperty()));
        BorderPane.setMargin(top, new Insets(0, 0, 10, 0));
        return top;
    }

    private static Label line(String id, String style, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.textProperty().bind(text);
        PageParts.visibleWhen(label, label.textProperty().isNotEmpty());
        return label;
    }

    private void buildGroups() {
        groups.setId("expiringGroupsTable");
        groups.getStyleClass().add(Styles.DENSE);
        // The columns share the table's width (as on the Controllers and Bulk pages); the customer's name gives and
        // takes, the others keep at least what their header needs in the longest language (ExpiringLayoutTest
        // checks all four): no column is cut or out of sight.
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CustomerGroup, String> customer = column("customer", 170, CustomerGroup::name);
        customer.setMinWidth(110);
        groups.getColumns().add(customer);
        groups.getColumns().add(number("count", 90, g -> (long) g.count())); // "Licenties"
        groups.getColumns().add(number("gridKw", 76, g -> g.capacity().gridKw())); // "Réseau"
        groups.getColumns().add(number("solarKw", 76, g -> g.capacity().solarKw())); // "Solaire"
        groups.getColumns().add(number("batteryKw", 84, g -> g.capacity().batteryKw())); // "Batterie"
        groups.getColumns().add(number("evKw", 76, g -> g.capacity().evKw())); // "E-Auto"
        groups.getColumns().add(number("totalKw", 80, g -> g.capacity().totalKw())); // "Gesamt"
        TableColumn<CustomerGroup, Instant> first = column("firstEnd", 108, CustomerGroup::firstEnd);
        first.setMinWidth(108); // "Première", "20 juil. 2026"
        first.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : Formats.date(item));
            }
        });
        groups.getColumns().add(first);
        SortedList<CustomerGroup> sorted = new SortedList<>(vm.groups());
        sorted.comparatorProperty().bind(groups.comparatorProperty());
        groups.setItems(sorted);
        groups.setPlaceholder(new Label(I18n.t("expiring.groups.empty")));
        // a click on a customer shows only its licenses; the chosen one stays marked while the list is redrawn
        groups.setRowFactory(table -> {
            TableRow<CustomerGroup> row = new TableRow<>() {
                @Override
                protected void updateItem(CustomerGroup item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(CHOSEN, !empty && item != null
                            && Objects.equals(item.customer(), vm.customerFilterProperty().get()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    vm.toggleCustomer(row.getItem().customer());
                }
            });
            return row;
        });
        groups.setOnKeyPressed(e -> {
            CustomerGroup selected = groups.getSelectionModel().getSelectedItem();
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && selected != null) {
                vm.toggleCustomer(selected.customer());
                e.consume();
            }
        });
        vm.customerFilterProperty().addListener((o, before, now) -> groups.refresh());
    }

    private static <T> TableColumn<CustomerGroup, T> column(String key, double width,
                                                            Function<CustomerGroup, T> value) {
        TableColumn<CustomerGroup, T> column = new TableColumn<>(I18n.t("expiring.groups." + key));
        column.setId("expiring-col-" + key);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** A column of figures, never narrower than its width. */
    private static TableColumn<CustomerGroup, Long> number(String key, double width,
                                                           Function<CustomerGroup, Long> value) {
        TableColumn<CustomerGroup, Long> column = column(key, width, value);
        column.setMinWidth(width);
        column.getStyleClass().add("number-column");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : Formats.number(item.intValue()));
            }
        });
        return column;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
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

    /** The page has no search field: the focus goes to the license list. */
    @Override
    public void focusSearch() {
        licenses.requestFocus();
    }
}
