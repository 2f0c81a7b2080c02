package app.licensedesk.ui.customers;

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
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The Customers page: the searchable list of companies and the licenses of the selected one. */
public final class CustomersViewModel {

    private final LicenseDeskService service;
    private final LicenseRegistry registry;
    private final Directory directory;
    private final ObservableList<Customer> all;
    private final FilteredList<Customer> customers;
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Customer> selectedCustomer = new SimpleObjectProperty<>(this, "selectedCustomer");
    private final LicenseListModel licenses;
    private final StringBinding countText;
    private final StringBinding listPlaceholder;
    private final StringBinding selectedName;
    private final StringBinding selectedUuid;
    private final BooleanBinding hasCustomer = selectedCustomer.isNotNull();
    private final Consumer<Customer> assign;
    private boolean shownBefore;

    public CustomersViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                              Directory directory, DialogService dialogs) {
        this(service, tasks, registry, directory, dialogs, customer -> { });
    }

    /**
     * @param assign opens the assignment workspace for a customer ("Assign…")
     */
    public CustomersViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                              Directory directory, DialogService dialogs, Consumer<Customer> assign) {
        this.assign = assign;
        this.service = service;
        this.registry = registry;
        this.directory = directory;
        this.all = directory.customers();
        this.customers = new FilteredList<>(all);
        this.licenses = new LicenseListModel(tasks, registry, dialogs, ErrorMessages.Action.LOAD_CUSTOMER_LICENSES);
        customers.predicateProperty().bind(
            Bindings.createObjectBinding(() -> Search.customers(searchText.get()), searchText));
        countText = Bindings.createStringBinding(() -> {
            if (all.isEmpty() && directory.customersLoadingProperty().get()) {
                return "";
            }
            return customers.size() == all.size() ? I18n.t("customers.count", all.size())
                    : I18n.t("customers.countFiltered", customers.size(), all.size());
        }, customers, all, directory.customersLoadingProperty());
        listPlaceholder = Bindings.createStringBinding(() -> {
            if (directory.customersLoadingProperty().get()) {
                return I18n.t("customers.loading");
            }
            return all.isEmpty() ? I18n.t("customers.none") : I18n.t("customers.noMatch", searchText.get().trim());
        }, directory.customersLoadingProperty(), all, searchText);
        selectedName = Bindings.createStringBinding(
                () -> selectedCustomer.get() == null ? "" : selectedCustomer.get().name(), selectedCustomer);
        selectedUuid = Bindings.createStringBinding(() -> selectedCustomer.get() == null
                || selectedCustomer.get().uuid() == null ? "" : selectedCustomer.get().uuid(), selectedCustomer);
        KeepSelection.keep(selectedCustomer, all, Customer::id);
        selectedCustomer.addListener((o, before, now) -> loadSelected());
        licenses.clear(I18n.t("customers.selectHint"));
    }

    /** The page became visible: load the customers the first time. */
    public void shown() {
        if (!shownBefore) {
            shownBefore = true;
            directory.ensureCustomers();
        }
    }

    /** F5: customers and controllers again, and the selected customer's licenses. */
    public void refresh() {
        directory.reloadAll();
        loadSelected();
    }

    /** "Assign…": opens the assignment workspace for the selected customer. */
    public void assignSelected() {
        if (selectedCustomer.get() != null) {
            assign.accept(selectedCustomer.get());
        }
    }

    /** Retry after the customer list failed to load. */
    public void retryCustomers() {
        directory.reloadCustomers();
    }

    private void loadSelected() {
        Customer customer = selectedCustomer.get();
        if (customer == null) {
            licenses.clear(I18n.t("customers.selectHint"));
        } else if (!customer.hasLicenseView()) {
            licenses.clear(I18n.t("customers.noLicenseView.detail"));
        } else {
            licenses.load(I18n.t("customers.task.loadLicenses", customer.name()),
                    I18n.t("customers.error.loadLicenses", customer.name()),
                    () -> service.licensesOfCustomer(customer),
                    license -> registry.put(license, customer));
        }
    }

    /** Selects this customer (the command palette found it); a search that hides it is cleared first. */
    public void reveal(Customer customer) {
        if (!Search.customers(searchText.get()).test(customer)) {
            searchText.set("");
        }
        selectedCustomer.set(customer);
    }

    /** Input: the search text; matches name or UUID as the user types. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The customers that match the search, in the directory's order (by name). */
    public ObservableList<Customer> customers() {
        return customers;
    }

    /** Input: the customer whose licenses are shown, or null. */
    public ObjectProperty<Customer> selectedCustomerProperty() {
        return selectedCustomer;
    }

    public BooleanBinding hasCustomerProperty() {
        return hasCustomer;
    }

    /** "120 customers", or "3 of 120 customers" while a search hides some. */
    public StringBinding countTextProperty() {
        return countText;
    }

    /** What the empty list says: loading, no customers, or nothing matches. */
    public StringBinding listPlaceholderProperty() {
        return listPlaceholder;
    }

    public ReadOnlyBooleanProperty customersLoadingProperty() {
        return directory.customersLoadingProperty();
    }

    /** Why the customer list failed to load, or "". */
    public ReadOnlyStringProperty customersErrorProperty() {
        return directory.customersErrorProperty();
    }

    public StringBinding selectedNameProperty() {
        return selectedName;
    }

    public StringBinding selectedUuidProperty() {
        return selectedUuid;
    }

    /** The selected customer's licenses and the actions on them. */
    public LicenseListModel licenses() {
        return licenses;
    }
}
