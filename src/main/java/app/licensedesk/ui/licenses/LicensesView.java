package app.licensedesk.ui.licenses;

import app.licensedesk.model.Customer;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.common.TableState;
import app.licensedesk.ui.shared.LicenseTable;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.export.TableExport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Licenses page: all licenses of all customers, filters, a detail pane, and Activate / Claim / Copy key. */
public final class LicensesView implements ShellPage {

    static final KeyCombination ACTIVATE_KEY = Shortcut.ACTIVATE.key();
    static final KeyCombination CLAIM_KEY = Shortcut.CLAIM.key();
    static final KeyCombination COPY_KEY = Shortcut.COPY_KEY.key();
    static final KeyCombination RELOAD_FAILED_KEY = Shortcut.RELOAD_FAILED.key();

    private final LicensesViewModel vm;
    private final BorderPane root = new BorderPane();
    private final LicenseTable table = new LicenseTable(LicenseTable.Option.CUSTOMER_COLUMN);
    private final TextField searchField = PageParts.searchField("licensesSearchField",
            I18n.t("licenses.search.prompt"), () -> PageParts.toFirstItem(table, table.getItems(),
                    table.getSelectionModel()));

    /** @param tasks where the table's export writes its file */
    public LicensesView(LicensesViewModel vm, TaskRunner tasks) {
        this.vm = vm;
        root.getStyleClass().add("licenses-page");
        root.setPadding(new Insets(12));

        searchField.setPrefColumnCount(18);
        searchField.textProperty().bindBidirectional(vm.searchProperty());

        HBox filters = new HBox(8, searchField, statusFilter(), typeFilter(), customerFilter());
        filters.setAlignment(Pos.CENTER_LEFT);

        Button activate = action("licensesActivateButton", "licenses.action.activate", Feather.ZAP,
                vm::activateSelected);
        activate.disableProperty().bind(vm.canActivateProperty().not());
        Button claim = action("licensesClaimButton", "licenses.action.claim", Feather.LINK, vm::claimSelected);
        claim.disableProperty().bind(vm.canActProperty().not());
        claim.setTooltip(new Tooltip(I18n.t("licenses.tip.claim", CLAIM_KEY.getDisplayText())));
        Button copy = action("licensesCopyButton", "licenses.action.copy", Feather.COPY, this::copyKey);
        copy.disableProperty().bind(vm.canActProperty().not());
        copy.setTooltip(new Tooltip(I18n.t("licenses.tip.copy", COPY_KEY.getDisplayText())));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("licensesRefreshButton");
        refresh.setTooltip(new Tooltip(I18n.t("licenses.tip.refresh")));
        refresh.setOnAction(e -> refresh());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, filters, spacer, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("licenses-toolbar");
        // the actions get their own row so that their labels are never cut by the filters
        HBox actions = new HBox(8, activateWithReason(activate), claim, copy);
        actions.setAlignment(Pos.CENTER_LEFT);

        root.setTop(new VBox(10, toolbar, actions, statusLine()));
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 10, 0));

        table.setId("licensesTable");
        // the view model sorts all rows and filters the sorted ones, so a filter change never sorts again
        table.setItems(vm.filtered());
        table.sortRows(vm.sorted());
        TableState.remember(table, "licenses");
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> vm.selectedProperty().set(row));
        // a row the view model selects (the command palette's pick) is highlighted and scrolled to
        vm.selectedProperty().addListener((o, old, row) -> {
            if (row != null && row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
        table.setContextMenu(contextMenu());
        TableExport.install(table, () -> root.getScene() == null ? null : root.getScene().getWindow(), tasks,
                "licenses");
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY_KEY.match(e)) {
                copyKey();
                e.consume();
            }
        });

        LicenseDetailPane detail = new LicenseDetailPane(this::copyKey);
        vm.selectedProperty().addListener((o, old, row) -> detail.setRow(row));
        detail.setMinWidth(260);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(detail, false);
        root.setCenter(split);

        // Shortcuts work while the focus is anywhere on this page (also in a field), and nowhere else.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ACTIVATE_KEY.match(e)) {
                vm.activateSelected();
                e.consume();
            } else if (CLAIM_KEY.match(e)) {
                vm.claimSelected();
                e.consume();
            } else if (RELOAD_FAILED_KEY.match(e)) {
                vm.reloadFailed();
                e.consume();
            }
        });
    }

    private Node statusLine() {
        ProgressBar bar = new ProgressBar();
        bar.setId("licensesProgress");
        bar.setPrefWidth(180);
        bar.progressProperty().bind(vm.progressProperty());
        PageParts.visibleWhen(bar, vm.loadingProperty());
        Label progress = new Label();
        progress.setId("licensesProgressLabel");
        progress.textProperty().bind(vm.progressTextProperty());
        progress.getStyleClass().add("inline-info");
        Label warning = new Label();
        warning.setId("licensesWarningLabel");
        warning.getStyleClass().add("licenses-warning");
        warning.textProperty().bind(vm.warningTextProperty());
        warning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        hideWhenEmpty(warning);
        Button reloadFailed = new Button(I18n.t("licenses.reloadFailed"), new FontIcon(Feather.REFRESH_CW));
        reloadFailed.setId("licensesReloadFailedButton");
        reloadFailed.setMinWidth(Region.USE_PREF_SIZE);
        reloadFailed.setTooltip(new Tooltip(I18n.t("licenses.tip.reloadFailed",
                RELOAD_FAILED_KEY.getDisplayText())));
        reloadFailed.setOnAction(e -> vm.reloadFailed());
        reloadFailed.disableProperty().bind(vm.canReloadFailedProperty().not());
        PageParts.visibleWhen(reloadFailed, vm.failedCountProperty().greaterThan(0));
        Label error = new Label();
        error.setId("licensesErrorLabel");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(vm.errorTextProperty());
        hideWhenEmpty(error);
        Label noView = new Label();
        noView.setId("licensesNoViewLabel");
        noView.getStyleClass().add("inline-info");
        noView.textProperty().bind(vm.noLicenseViewTextProperty());
        Tooltip noViewTip = new Tooltip();
        noViewTip.setWrapText(true);
        noViewTip.setMaxWidth(480);
        noViewTip.setOnShowing(e -> noViewTip.setText(vm.noLicenseViewDetail()));
        noView.setTooltip(noViewTip);
        noView.setMinWidth(Region.USE_PREF_SIZE);
        PageParts.visibleWhen(noView, noView.textProperty().isNotEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = new Label();
        count.setId("licensesCountLabel");
        count.textProperty().bind(vm.countTextProperty());
        count.getStyleClass().add("licenses-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, bar, progress, warning, reloadFailed, error, noView, spacer, count);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static void hideWhenEmpty(Label label) {
        label.setWrapText(true);
        label.setMinWidth(0);
        HBox.setHgrow(label, Priority.SOMETIMES);
        PageParts.visibleWhen(label, label.textProperty().isNotEmpty());
    }

    private Node statusFilter() {
        List<FilterChoice<LicenseStatus>> choices = new ArrayList<>();
        choices.add(new FilterChoice<>(null, I18n.t("licenses.filter.allStatuses")));
        for (LicenseStatus status : LicenseStatus.values()) {
            choices.add(new FilterChoice<>(status, I18n.t("status." + status.name())));
        }
        ComboBox<FilterChoice<LicenseStatus>> box = new ComboBox<>();
        box.getItems().setAll(choices);
        box.setId("licensesStatusFilter");
        bindChoice(box, vm.statusFilterProperty());
        box.setTooltip(new Tooltip(I18n.t("licenses.filter.status")));
        return box;
    }

    private Node typeFilter() {
        ComboBox<FilterChoice<String>> box = new ComboBox<>();
        box.setId("licensesTypeFilter");
        fill(box.getItems(), vm.types(), LicenseTable::typeName, I18n.t("licenses.filter.allTypes"));
        vm.types().addListener((ListChangeListener<String>) c ->
                refill(box, vm.types(), LicenseTable::typeName, I18n.t("licenses.filter.allTypes")));
        bindChoice(box, vm.typeFilterProperty());
        box.setTooltip(new Tooltip(I18n.t("licenses.filter.type")));
        return box;
    }

    private Node customerFilter() {
        // ControlsFX's SearchableComboBox clashes with the AtlantaFX theme (unresolved CSS lookups, a mis-sized
        // popup), so a plain combo box with type-to-select does the searching.
        ComboBox<FilterChoice<Customer>> box = new ComboBox<>();
        box.setVisibleRowCount(16);
        TypeAhead.install(box);
        box.setId("licensesCustomerFilter");
        box.setPrefWidth(220);
        fill(box.getItems(), vm.customers(), Customer::name, I18n.t("licenses.filter.allCustomers"));
        vm.customers().addListener((ListChangeListener<Customer>) c ->
                refill(box, vm.customers(), Customer::name, I18n.t("licenses.filter.allCustomers")));
        bindChoice(box, vm.customerFilterProperty());
        box.setTooltip(new Tooltip(I18n.t("licenses.filter.customer")));
        return box;
    }

    private static <T> void fill(ObservableList<FilterChoice<T>> items, List<T> values, Function<T, String> text,
                                 String all) {
        List<FilterChoice<T>> choices = new ArrayList<>(values.size() + 1);
        choices.add(new FilterChoice<>(null, all));
        values.forEach(v -> choices.add(new FilterChoice<>(v, text.apply(v))));
        items.setAll(choices);
    }

    /** New choices, keeping the chosen value when it is still there, else back to "All". */
    private static <T> void refill(ComboBox<FilterChoice<T>> box, List<T> values, Function<T, String> text,
                                   String all) {
        T chosen = box.getValue() == null ? null : box.getValue().value();
        fill(box.getItems(), values, text, all);
        box.setValue(box.getItems().stream().filter(c -> Objects.equals(c.value(), chosen)).findFirst()
                .orElse(box.getItems().get(0)));
    }

    /** The combo box shows the view model's filter value (also when it changes there) and sets it; "All" is null. */
    private static <T> void bindChoice(ComboBox<FilterChoice<T>> box, Property<T> filter) {
        Runnable show = () -> box.setValue(box.getItems().stream()
                .filter(c -> Objects.equals(c.value(), filter.getValue())).findFirst().orElse(box.getItems().get(0)));
        show.run();
        box.valueProperty().addListener((o, old, choice) -> filter.setValue(choice == null ? null : choice.value()));
        filter.addListener((o, old, value) -> {
            if (box.getValue() == null || !Objects.equals(box.getValue().value(), value)) {
                show.run();
            }
        });
    }

    private static Button action(String id, String textKey, Feather icon, Runnable run) {
        Button button = new Button(I18n.t(textKey), new FontIcon(icon));
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setOnAction(e -> run.run());
        return button;
    }

    /** Wraps the Activate button so its tooltip also shows while it is disabled, saying why. */
    private Node activateWithReason(Button activate) {
        StackPane wrapper = new StackPane(activate);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> {
            LicenseRow row = vm.selectedProperty().get();
            if (row != null && row.getLicense().activationDate() != null) {
                return I18n.t("licenses.tip.alreadyActivated", Formats.dateTime(row.getLicense().activationDate()));
            }
            return I18n.t("licenses.tip.activate", ACTIVATE_KEY.getDisplayText());
        }, vm.selectedProperty(), vm.canActivateProperty()));
        Tooltip.install(wrapper, tip);
        return wrapper;
    }

    private ContextMenu contextMenu() {
        MenuItem activate = new MenuItem(I18n.t("licenses.action.activate"), new FontIcon(Feather.ZAP));
        activate.setId("licensesActivateMenuItem");
        activate.disableProperty().bind(vm.canActivateProperty().not());
        activate.setOnAction(e -> vm.activateSelected());
        MenuItem claim = new MenuItem(I18n.t("licenses.action.claim"), new FontIcon(Feather.LINK));
        claim.setId("licensesClaimMenuItem");
        claim.disableProperty().bind(vm.canActProperty().not());
        claim.setOnAction(e -> vm.claimSelected());
        MenuItem copy = new MenuItem(I18n.t("licenses.action.copy"), new FontIcon(Feather.COPY));
        copy.setId("licensesCopyMenuItem");
        copy.disableProperty().bind(vm.canActProperty().not());
        copy.setOnAction(e -> copyKey());
        // No setAccelerator here: context-menu accelerators are installed scene-wide and would fire on other pages.
        return new ContextMenu(activate, claim, new SeparatorMenuItem(), copy);
    }

    private void copyKey() {
        PageParts.copyKey(root, vm.selectedKey());
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

    @Override
    public void select(Object item) {
        if (item instanceof LicenseRow row) {
            vm.reveal(row);
            PageParts.focus(table);
        }
    }
}
