package app.licensedesk.ui.controllers;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicensePane;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.common.TableState;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.common.TaskRunner;
import atlantafx.base.controls.Spacer;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Controllers page: the controller table with search and customer filter, and the licenses linked to one. */
public final class ControllersView implements ShellPage {

    private static final KeyCombination CLAIM = Shortcut.CLAIM_TO_CONTROLLER.key();

    private final ControllersViewModel vm;
    private final TextField search;
    private final TableView<Controller> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final TaskRunner tasks;

    /** @param tasks where the license table's export writes its file */
    public ControllersView(ControllersViewModel vm, TaskRunner tasks) {
        this.vm = vm;
        this.tasks = tasks;
        search = PageParts.searchField("controllersSearchField", I18n.t("controllers.search.prompt"),
                () -> PageParts.toFirstItem(table, table.getItems(), table.getSelectionModel()));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        root.getStyleClass().add("controllers-page");
        root.setTop(buildTop());
        SplitPane split = new SplitPane(buildTable(), buildLicenses());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root.setCenter(split);
        // on the page, not the scene: the shortcut must not fire while another page is shown
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (CLAIM.match(e) && vm.canClaimProperty().get()) {
                e.consume();
                vm.claim();
            }
        });
    }

    private VBox buildTop() {
        search.setPrefColumnCount(24);
        ComboBox<Customer> filter = new ComboBox<>(vm.customerChoices());
        filter.setId("controllersCustomerFilter");
        filter.setPrefWidth(260);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Customer customer) {
                return customer == null ? "" : customer.name();
            }

            @Override
            public Customer fromString(String text) {
                return null;
            }
        });
        filter.valueProperty().bindBidirectional(vm.customerFilterProperty());

        Label count = new Label();
        count.setId("controllersCountLabel");
        count.getStyleClass().add("detail-key");
        count.textProperty().bind(vm.countTextProperty());

        HBox bar = new HBox(8, search, filter, new Spacer(),
                PageParts.busyIndicator(vm.controllersLoadingProperty(), 14), count);
        bar.setAlignment(Pos.CENTER_LEFT);
        // a partial list: the customers whose controllers are missing are named, as on the Licenses page
        Label warning = new Label();
        warning.setId("controllersWarningLabel");
        warning.getStyleClass().add("licenses-warning");
        warning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        warning.setWrapText(true);
        warning.textProperty().bind(vm.controllersWarningProperty());
        Button retry = new Button(I18n.t("page.retry"), new FontIcon(Feather.REFRESH_CW));
        retry.setId("controllersWarningRetry");
        retry.setMinWidth(Region.USE_PREF_SIZE);
        retry.setOnAction(e -> vm.retryControllers());
        HBox warningLine = new HBox(8, warning, retry);
        warningLine.setAlignment(Pos.CENTER_LEFT);
        PageParts.visibleWhen(warningLine, vm.controllersWarningProperty().isNotEmpty());
        VBox top = new VBox(8, bar, PageParts.inlineError(vm.controllersErrorProperty(), vm::retryControllers,
                "controllersDirectoryError"), warningLine);
        top.setPadding(new Insets(12, 12, 8, 12));
        return top;
    }

    private TableView<Controller> buildTable() {
        table.setId("controllersTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Controller, String> nodeId = column("nodeId", 240, Controller::nodeId);
        // on the cells only: a style class on the column would set the header in monospace too
        nodeId.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("mono");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        TableColumn<Controller, Instant> lastUpdate = new TableColumn<>(I18n.t("controllers.col.lastUpdate"));
        lastUpdate.setId("col-lastUpdate");
        lastUpdate.setPrefWidth(170);
        lastUpdate.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().lastUpdate()));
        lastUpdate.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        lastUpdate.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : Formats.dateTime(item));
            }
        });
        table.getColumns().add(column("name", 240, Controller::name));
        table.getColumns().add(nodeId);
        table.getColumns().add(column("customer", 220, Controller::customerName));
        table.getColumns().add(column("nodeType", 190, Controller::nodeType));
        table.getColumns().add(lastUpdate);

        SortedList<Controller> sorted = new SortedList<>(vm.controllers());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TableState.remember(table, "controllers");
        Label placeholder = new Label();
        placeholder.getStyleClass().add("inline-info");
        placeholder.textProperty().bind(vm.tablePlaceholderProperty());
        table.setPlaceholder(placeholder);
        PageParts.followSelection(table.getSelectionModel(), sorted, vm.selectedControllerProperty());
        return table;
    }

    private static TableColumn<Controller, String> column(String key, double width,
                                                          Function<Controller, String> value) {
        TableColumn<Controller, String> col = new TableColumn<>(I18n.t("controllers.col." + key));
        col.setId("col-" + key);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return col;
    }

    private LicensePane buildLicenses() {
        Label title = new Label();
        title.setId("controllerHeader");
        title.getStyleClass().add("customer-title");
        title.textProperty().bind(vm.headerTextProperty());
        PageParts.visibleWhen(title, vm.headerTextProperty().isNotEmpty());

        Button claim = new Button(I18n.t("controllers.claim"), new FontIcon(Feather.LINK));
        claim.setId("controllerClaimButton");
        claim.setMnemonicParsing(true);
        claim.getStyleClass().add("accent");
        claim.setTooltip(new Tooltip(I18n.t("controllers.claim.tooltip", CLAIM.getDisplayText())));
        claim.disableProperty().bind(vm.canClaimProperty().not());
        claim.setOnAction(e -> vm.claim());

        HBox titleRow = new HBox(12, title, new Spacer(), claim);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, titleRow, LicensePane.statusPills(vm.licenses()));
        LicensePane pane = new LicensePane(vm.licenses(), "controller", header, tasks);
        pane.setPadding(new Insets(10, 12, 12, 12));
        return pane;
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
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void select(Object item) {
        if (item instanceof Controller controller) {
            vm.reveal(controller);
            table.scrollTo(controller);
            PageParts.focus(table);
        }
    }
}
