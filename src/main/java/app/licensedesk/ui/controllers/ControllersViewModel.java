package app.licensedesk.ui.controllers;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.shared.Search;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.KeepSelection;
import app.licensedesk.ui.shared.LicenseListModel;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The Controllers page: the searchable, customer-filtered controller table and the licenses linked to one. */
public final class ControllersViewModel {

    private final LicenseDeskService service;
    private final LicenseRegistry registry;
    private final Directory directory;
    private final DialogService dialogs;
    // fields, not locals: the directory hands out wrappers that listen to its lists only while referenced
    private final ObservableList<Controller> all;
    private final ObservableList<Customer> directoryCustomers;
    private final FilteredList<Controller> controllers;
    /** The "All customers" choice of the filter; compared by identity, never sent anywhere. */
    private final Customer allCustomers = new Customer(-1, null, I18n.t("controllers.filter.all"));
    private final ObservableList<Customer> customerChoices = FXCollections.observableArrayList();
    // kept: a read-only view listens to its list weakly, so a view made per call could stop passing changes on
    private final ObservableList<Customer> customerChoicesView =
            FXCollections.unmodifiableObservableList(customerChoices);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Customer> customerFilter =
            new SimpleObjectProperty<>(this, "customerFilter", allCustomers);
    private final ObjectProperty<Controller> selectedController =
            new SimpleObjectProperty<>(this, "selectedController");
    private final LicenseListModel licenses;
    private final StringBinding countText;
    private final StringBinding tablePlaceholder;
    private final StringBinding headerText;
    private final BooleanBinding canClaim = selectedController.isNotNull();
    private boolean shownBefore;

    public ControllersViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                                Directory directory, DialogService dialogs) {
        this.service = service;
        this.registry = registry;
        this.directory = directory;
        this.dialogs = dialogs;
        this.all = directory.controllers();
        this.controllers = new FilteredList<>(all);
        this.licenses = new LicenseListModel(tasks, registry, dialogs,
                ErrorMessages.Action.LOAD_CONTROLLER_LICENSES);
        controllers.predicateProperty().bind(Bindings.createObjectBinding(
                () -> matching(searchText.get(), customerFilter.get()), searchText, customerFilter));
        countText = Bindings.createStringBinding(() -> {
            if (all.isEmpty() && directory.controllersLoadingProperty().get()) {
                return "";
            }
            return controllers.size() == all.size() ? I18n.t("controllers.count", all.size())
                    : I18n.t("controllers.countFiltered", controllers.size(), all.size());
        }, controllers, all, directory.controllersLoadingProperty());
        tablePlaceholder = Bindings.createStringBinding(() -> {
            if (directory.controllersLoadingProperty().get()) {
                return I18n.t("controllers.loading");
            }
            return all.isEmpty() ? I18n.t("controllers.none") : I18n.t("controllers.noMatch");
        }, directory.controllersLoadingProperty(), all);
        headerText = Bindings.createStringBinding(() -> {
            Controller c = selectedController.get();
            return c == null ? "" : I18n.t("controllers.header", c.name(), c.nodeId());
        }, selectedController);
        directoryCustomers = directory.customers();
        directoryCustomers.addListener((ListChangeListener<Customer>) c -> syncChoices(directoryCustomers));
        syncChoices(directoryCustomers);
        KeepSelection.keep(selectedController, all, Controller::nodeId);
        // a controller the search or the filter hides is no longer selected: the pane must not show it
        controllers.addListener((ListChangeListener<Controller>) change -> {
            Controller selected = selectedController.get();
            if (selected != null && controllers.stream().noneMatch(c -> c.nodeId().equals(selected.nodeId()))) {
                selectedController.set(null);
            }
        });
        selectedController.addListener((o, before, now) -> loadSelected());
        licenses.clear(I18n.t("controllers.selectHint"));
    }

    /** What the search finds ({@link Search}), owned by the chosen customer (one of its owners). */
    Predicate<Controller> matching(String text, Customer owner) {
        Predicate<Controller> found = Search.controllers(text);
        boolean anyOwner = owner == null || owner == allCustomers;
        return controller -> found.test(controller) && (anyOwner || controller.ownedBy(owner));
    }

    private void syncChoices(List<Customer> customers) {
        Customer chosen = customerFilter.get();
        List<Customer> choices = new ArrayList<>(customers.size() + 1);
        choices.add(allCustomers);
        choices.addAll(customers);
        customerChoices.setAll(choices);
        // a combo box drops its value when its items are replaced: keep the chosen customer across a reload
        Customer kept = allCustomers;
        if (chosen != null && chosen != allCustomers) {
            kept = customers.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(allCustomers);
        }
        customerFilter.set(kept);
    }

    /** The page became visible: load the controllers (and the customers they need) the first time. */
    public void shown() {
        if (!shownBefore) {
            shownBefore = true;
            directory.ensureControllers();
        }
    }

    /** F5: customers and controllers again, and the selected controller's licenses. */
    public void refresh() {
        directory.reloadAll();
        loadSelected();
    }

    /** Retry after the controller list failed to load. */
    public void retryControllers() {
        directory.reloadControllers();
    }

    /** Selects this controller (the command palette found it); a search or filter that hides it is cleared first. */
    public void reveal(Controller controller) {
        if (!matching(searchText.get(), customerFilter.get()).test(controller)) {
            searchText.set("");
            customerFilter.set(allCustomers);
        }
        selectedController.set(controller);
    }

    /** Opens the claim dialog for the selected controller; after a claim its licenses are loaded again. */
    public void claim() {
        Controller controller = selectedController.get();
        if (controller == null) {
            return;
        }
        dialogs.claim(null, controller).ifPresent(result -> {
            if (controller.equals(selectedController.get())) {
                loadSelected();
            }
        });
    }

    private void loadSelected() {
        Controller controller = selectedController.get();
        if (controller == null) {
            licenses.clear(I18n.t("controllers.selectHint"));
            return;
        }
        String nodeId = controller.nodeId();
        licenses.loadController(nodeId, I18n.t("controllers.task.loadLicenses", controller.name()),
                I18n.t("controllers.error.loadLicenses", controller.name()),
                () -> service.licensesOfController(nodeId),
                license -> registry.putUnderController(license, nodeId, controller.soleCustomer()));
    }

    /** Input: the search text; matches name or nodeId as the user types. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Input: the customer whose controllers are shown, or {@link #allCustomers()}. */
    public ObjectProperty<Customer> customerFilterProperty() {
        return customerFilter;
    }

    /** The choices of the customer filter: "All customers", then every customer. */
    public ObservableList<Customer> customerChoices() {
        return customerChoicesView;
    }

    /** The "All customers" choice. */
    public Customer allCustomers() {
        return allCustomers;
    }

    /** The controllers that match the search and the customer filter. */
    public ObservableList<Controller> controllers() {
        return controllers;
    }

    /** Input: the controller whose licenses are shown, or null. */
    public ObjectProperty<Controller> selectedControllerProperty() {
        return selectedController;
    }

    /** "80 controllers", or "5 of 80 controllers" while the search or filter hides some. */
    public StringBinding countTextProperty() {
        return countText;
    }

    /** What the empty table says: loading, no controllers, or nothing matches. */
    public StringBinding tablePlaceholderProperty() {
        return tablePlaceholder;
    }

    /** "Licenses linked to Site A (node-1)", or "" without a selection. */
    public StringBinding headerTextProperty() {
        return headerText;
    }

    public BooleanBinding canClaimProperty() {
        return canClaim;
    }

    public ReadOnlyBooleanProperty controllersLoadingProperty() {
        return directory.controllersLoadingProperty();
    }

    /** Why the controller list failed to load, or "". */
    public ReadOnlyStringProperty controllersErrorProperty() {
        return directory.controllersErrorProperty();
    }

    /** Which customers' controllers are missing from the list, and why, or "". */
    public ReadOnlyStringProperty controllersWarningProperty() {
        return directory.controllersWarningProperty();
    }

    /** The selected controller's licenses and the actions on them. */
    public LicenseListModel licenses() {
        return licenses;
    }
}
