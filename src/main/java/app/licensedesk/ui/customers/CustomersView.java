package app.licensedesk.ui.customers;

import app.licensedesk.model.Customer;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseListModel;
import app.licensedesk.ui.shared.LicensePane;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import atlantafx.base.controls.Spacer;
import app.licensedesk.ui.common.TaskRunner;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Customers page: customer list with search on the left, the selected customer's licenses on the right. */
public final class CustomersView implements ShellPage {

    private static final KeyCombination ASSIGN = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);

    private final CustomersViewModel vm;
    private final TextField search;
    private final ListView<Customer> list = new ListView<>();
    private final SplitPane root;
    private final TaskRunner tasks;

    /** @param tasks where the license table's export writes its file */
    public CustomersView(CustomersViewModel vm, TaskRunner tasks) {
        this.vm = vm;
        this.tasks = tasks;
        search = PageParts.searchField("customersSearchField", I18n.t("customers.search.prompt"),
                () -> PageParts.toFirstItem(list, list.getItems(), list.getSelectionModel()));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        root = new SplitPane(buildList(), buildLicenses());
        root.getStyleClass().add("customers-page");
        root.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
        // on the page, not the scene: the shortcut must not fire while another page is shown
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ASSIGN.match(e) && vm.hasCustomerProperty().get()) {
                e.consume();
                vm.assignSelected();
            }
        });
    }

    private VBox buildList() {
        Label count = new Label();
        count.setId("customersCountLabel");
        count.getStyleClass().add("detail-key");
        count.textProperty().bind(vm.countTextProperty());
        HBox countRow = new HBox(6, count, PageParts.busyIndicator(vm.customersLoadingProperty(), 14));
        countRow.setAlignment(Pos.CENTER_LEFT);

        list.setId("customersList");
        list.setItems(vm.customers());
        list.setCellFactory(v -> new CustomerCell());
        Label placeholder = new Label();
        placeholder.getStyleClass().add("inline-info");
        placeholder.textProperty().bind(vm.listPlaceholderProperty());
        list.setPlaceholder(placeholder);
        PageParts.followSelection(list.getSelectionModel(), vm.customers(), vm.selectedCustomerProperty());
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox box = new VBox(8, search, countRow,
                PageParts.inlineError(vm.customersErrorProperty(), vm::retryCustomers, "customersDirectoryError"),
                list);
        box.setPadding(new Insets(12, 8, 12, 12));
        box.setMinWidth(240);
        return box;
    }

    private LicensePane buildLicenses() {
        Label name = new Label();
        name.getStyleClass().add("customer-title");
        name.textProperty().bind(vm.selectedNameProperty());
        Button assign = new Button(I18n.t("customers.action.assign"), new FontIcon(Feather.SHUFFLE));
        assign.setId("customerAssignButton");
        assign.setMnemonicParsing(true);
        assign.setTooltip(new Tooltip(I18n.t("customers.action.assign.tooltip", ASSIGN.getDisplayText())));
        assign.setOnAction(e -> vm.assignSelected());
        HBox nameRow = new HBox(12, name, new Spacer(), assign);
        nameRow.setAlignment(Pos.CENTER_LEFT);

        Label uuidCaption = new Label(I18n.t("customers.uuid"));
        uuidCaption.getStyleClass().add("detail-key");
        // a read-only field, not a label, so the UUID can be selected and copied
        TextField uuid = new TextField();
        uuid.setId("customerUuidField");
        uuid.setEditable(false);
        uuid.getStyleClass().addAll("copyable-text", "mono");
        uuid.textProperty().bind(vm.selectedUuidProperty());
        uuid.setPrefColumnCount(36);
        Label noView = new Label(I18n.t("customers.noLicenseView"));
        noView.getStyleClass().add("muted-tag");
        PageParts.visibleWhen(noView, vm.selectedUuidProperty().isEmpty());
        PageParts.visibleWhen(uuid, vm.selectedUuidProperty().isNotEmpty());
        HBox uuidRow = new HBox(6, uuidCaption, uuid, noView);
        uuidRow.setAlignment(Pos.CENTER_LEFT);

        VBox header = new VBox(4, nameRow, uuidRow, LicensePane.statusPills(vm.licenses()));
        header.setId("customerHeader");
        PageParts.visibleWhen(header, vm.hasCustomerProperty());

        LicenseListModel licenses = vm.licenses();
        LicensePane pane = new LicensePane(licenses, "customer", header, tasks,
                new LicensePane.Action(I18n.t("customers.action.claim"), Feather.LINK, "customerClaimButton",
                        licenses.hasSelectionProperty().not(), licenses::claimSelected));
        pane.setPadding(new Insets(12, 12, 12, 8));
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
        if (item instanceof Customer customer) {
            vm.reveal(customer);
            list.scrollTo(customer);
            PageParts.focus(list);
        }
    }

    /** A customer as name plus its UUID in small muted type, or a "no license view" mark. */
    private static final class CustomerCell extends ListCell<Customer> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(1, name, detail);

        CustomerCell() {
            name.getStyleClass().add("customer-name");
            detail.getStyleClass().add("customer-uuid");
        }

        @Override
        protected void updateItem(Customer item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            boolean hasView = item.hasLicenseView();
            detail.setText(hasView ? item.uuid() : I18n.t("customers.noLicenseView"));
            detail.getStyleClass().removeAll("mono", "muted-tag");
            detail.getStyleClass().add(hasView ? "mono" : "muted-tag");
            setGraphic(box);
        }
    }
}
