package app.licensedesk.ui.licenses;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.FilteredRows;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The Licenses page: every license of every customer the user can see, loaded customer by customer with progress,
 * filtered by status, type, customer and key, with the actions on the selected license.
 */
public final class LicensesViewModel {

    private final LicenseRegistry registry;
    private final Directory directory;
    private final DialogService dialogs;

    // inputs
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<LicenseStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty typeFilter = new SimpleStringProperty(this, "typeFilter");
    private final ObjectProperty<Customer> customerFilter = new SimpleObjectProperty<>(this, "customerFilter");
    private final ObjectProperty<LicenseRow> selected = new SimpleObjectProperty<>(this, "selected");

    // rows: every loaded row, once (filled by PageRows as LicensesLoad delivers)
    private final ObservableList<LicenseRow> rows = FXCollections.observableArrayList();
    // rows stay in the customers' order (then by key) however the answers arrive, so the table needs no sorting
    // until the user asks for it
    private final Map<Long, Integer> customerOrder = new HashMap<>();
    // the rows on this page, to list a license found under two customers once (identity: one row per license)
    private final Set<LicenseRow> onPage = Collections.newSetFromMap(new IdentityHashMap<>());
    // all rows sorted as the table asks, then filtered: a filter change keeps the sorted order and never sorts
    // again (at 100,000 rows a sort per keystroke was most of its cost)
    private final SortedList<LicenseRow> sorted = new SortedList<>(rows);
    private final FilteredRows<LicenseRow> filtered;
    private final ObservableList<String> types = FXCollections.observableArrayList("residential", "commercial");
    // one read-only view of each, kept: such a view listens to its list weakly, so a listener added to a view made
    // per call would stop hearing once the view was collected
    private final ObservableList<LicenseRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> typesView = FXCollections.unmodifiableObservableList(types);
    // the directory's customers: the customer filter's choices
    private final ObservableList<Customer> customers;

    private final StringBinding countText;
    private final StringBinding noLicenseViewText;
    private final LicensesLoad load;
    private boolean started;
    /** The row {@link #reveal} asked for while it was not loaded yet: selected when it arrives. */
    private LicenseRow wanted;

    // the selected license's actions
    private final ReadOnlyBooleanWrapper canAct = new ReadOnlyBooleanWrapper(this, "canAct");
    private final ReadOnlyBooleanWrapper canActivate = new ReadOnlyBooleanWrapper(this, "canActivate");
    private final InvalidationListener selectedLicenseChanged = o -> updateActions();

    public LicensesViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                             Directory directory, DialogService dialogs) {
        this.registry = registry;
        this.directory = directory;
        this.dialogs = dialogs;
        this.customers = directory.customers();
        this.filtered = new FilteredRows<>(sorted, registry::version, LicenseRow::searchKey);
        InvalidationListener refilter = o -> filtered.setFilter(filter());
        search.addListener(refilter);
        statusFilter.addListener(refilter);
        typeFilter.addListener(refilter);
        customerFilter.addListener(refilter);
        countText = Bindings.createStringBinding(() -> I18n.t("licenses.count", filtered.size(), rows.size()),
                filtered, rows);
        noLicenseViewText = Bindings.createStringBinding(() -> {
            long count = customers.stream().filter(c -> !c.hasLicenseView()).count();
            return count == 0 ? "" : I18n.t("licenses.noLicenseView", count);
        }, customers);
        selected.addListener((o, old, row) -> {
            if (old != null) {
                old.licenseProperty().removeListener(selectedLicenseChanged);
            }
            if (row != null) {
                row.licenseProperty().addListener(selectedLicenseChanged);
                if (row != wanted) {
                    wanted = null; // the user picked another row meanwhile
                }
            }
            updateActions();
        });
        load = new LicensesLoad(service, tasks, directory, dialogs, new PageRows());
    }

    /**
     * One filter for all the inputs, made when one changes: it holds plain values, so testing a row is a few field
     * reads and one {@code contains} even with 100,000 rows; null when nothing is filtered.
     */
    private LicenseFilter filter() {
        String type = typeFilter.get() == null || typeFilter.get().isEmpty() ? null : typeFilter.get();
        Customer customer = customerFilter.get();
        String query = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        Long customerId = customer == null ? null : customer.id();
        LicenseFilter filter = new LicenseFilter(statusFilter.get(), type, customerId, query);
        return filter.equals(LicenseFilter.NONE) ? null : filter;
    }

    /** The page became visible: loads the licenses the first time. */
    public void shown() {
        if (!started) {
            started = true;
            load.start();
        }
    }

    /**
     * Loads every license again: cancels a running load, clears the list, and asks the directory for the
     * customers again first.
     */
    public void refresh() {
        started = true;
        directory.reloadCustomers();
        load.start();
    }

    /** Loads again the customers that failed in the last load, and only them; the other rows stay. */
    public void reloadFailed() {
        load.reloadFailed();
    }

    /** The page's rows: each license once, in the customers' order then by key, as the answers arrive. */
    private final class PageRows implements LicensesLoad.Rows {

        @Override
        public void clear() {
            selected.set(null);
            rows.clear();
            onPage.clear();
        }

        @Override
        public void expect(List<Customer> customers) {
            customerOrder.clear();
            for (int i = 0; i < customers.size(); i++) {
                customerOrder.put(customers.get(i).id(), i);
            }
        }

        @Override
        public void arrived(Customer customer, List<License> licenses) {
            List<LicenseRow> added = new ArrayList<>(licenses.size());
            for (License license : licenses) {
                LicenseRow row = registry.put(license, customer);
                // a license listed under two customers is one row
                if (onPage.add(row)) {
                    added.add(row);
                }
                String type = license.type();
                if (type != null && !type.isEmpty() && !types.contains(type)) {
                    types.add(type);
                }
            }
            added.sort(Comparator.comparing(LicenseRow::getKey));
            rows.addAll(insertionPoint(customer), added);
            if (wanted != null && onPage.contains(wanted)) {
                LicenseRow found = wanted;
                wanted = null;
                selected.set(found);
            }
        }

        @Override
        public int size() {
            return rows.size();
        }
    }

    /** Where a customer's rows go: after every row of the customers before it in the directory's order. */
    private int insertionPoint(Customer customer) {
        int order = orderOf(customer);
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (orderOf(rows.get(mid).getCustomer()) <= order) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int orderOf(Customer customer) {
        return customer == null ? Integer.MAX_VALUE : customerOrder.getOrDefault(customer.id(), Integer.MAX_VALUE);
    }

    private void updateActions() {
        LicenseRow row = selected.get();
        canAct.set(row != null);
        canActivate.set(row != null && row.getLicense().activationDate() == null);
    }

    /**
     * Shows this row (the command palette found it): its key in the search, a status, type or customer filter that
     * would hide it cleared, and the row selected, at once or, while the page is still loading, when it arrives.
     */
    public void reveal(LicenseRow row) {
        if (statusFilter.get() != null && statusFilter.get() != row.getStatus()) {
            statusFilter.set(null);
        }
        String type = typeFilter.get();
        if (type != null && !type.isEmpty() && !type.equals(row.getLicense().type())) {
            typeFilter.set(null);
        }
        Customer customer = customerFilter.get();
        if (customer != null && (row.getCustomer() == null || row.getCustomer().id() != customer.id())) {
            customerFilter.set(null);
        }
        search.set(row.getKey());
        if (onPage.contains(row)) {
            wanted = null;
            selected.set(row);
        } else {
            wanted = row;
        }
    }

    /** Opens the activation dialog for the selected license; the dialog updates the shared row itself. */
    public void activateSelected() {
        if (canActivate.get()) {
            dialogs.activate(selected.get().getKey());
        }
    }

    /** Opens the claim dialog for the selected license. */
    public void claimSelected() {
        if (canAct.get()) {
            dialogs.claim(selected.get().getKey(), null);
        }
    }

    /** The key to copy, or null when nothing is selected (the view owns the clipboard). */
    public String selectedKey() {
        return selected.get() == null ? null : selected.get().getKey();
    }

    /** Key search text; case-insensitive "contains". */
    public StringProperty searchProperty() {
        return search;
    }

    /** The status to show, or null for all. */
    public ObjectProperty<LicenseStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** The type to show as the server spells it ("residential"), or null for all. */
    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    /** The customer to show, or null for all. */
    public ObjectProperty<Customer> customerFilterProperty() {
        return customerFilter;
    }

    public ObjectProperty<LicenseRow> selectedProperty() {
        return selected;
    }

    /** Every loaded row, in arrival order. */
    public ObservableList<LicenseRow> rows() {
        return rowsView;
    }

    /** The rows that pass the filters, in the order of {@link #sorted()}: what the table shows. */
    public ObservableList<LicenseRow> filtered() {
        return filtered;
    }

    /**
     * Every row, sorted by the comparator the table sets ({@code LicenseTable.sortRows}); {@link #filtered()} is a
     * view of it, so sorting happens once per sort change and never per filter change.
     */
    public SortedList<LicenseRow> sorted() {
        return sorted;
    }

    /** The type filter's choices: residential, commercial and any other type that has arrived. */
    public ObservableList<String> types() {
        return typesView;
    }

    /** The customer filter's choices. */
    public ObservableList<Customer> customers() {
        return customers;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return load.loading.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty customersDoneProperty() {
        return load.customersDone.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty customersTotalProperty() {
        return load.customersTotal.getReadOnlyProperty();
    }

    /** Done/total customers for a progress bar; -1 while the number of customers is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return load.progress.getReadOnlyProperty();
    }

    /** "Loaded 12 of 40 customers · 312 licenses". */
    public ReadOnlyStringProperty progressTextProperty() {
        return load.progressText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedCountProperty() {
        return load.failedCount.getReadOnlyProperty();
    }

    /** Whether {@link #reloadFailed()} has something to do: some customers failed and nothing is loading. */
    public BooleanBinding canReloadFailedProperty() {
        return load.canReloadFailed;
    }

    /** "2 customers could not be loaded (A, B): No access to this customer.", or "". */
    public ReadOnlyStringProperty warningTextProperty() {
        return load.warningText.getReadOnlyProperty();
    }

    /** Why the whole load failed, or "". */
    public ReadOnlyStringProperty errorTextProperty() {
        return load.errorText.getReadOnlyProperty();
    }

    /** "N of M licenses". */
    public StringBinding countTextProperty() {
        return countText;
    }

    /**
     * "2 customers without a license view (no UUID)", so nobody wonders why their licenses are missing; "" when every
     * customer has one.
     */
    public StringBinding noLicenseViewTextProperty() {
        return noLicenseViewText;
    }

    /** Which customers those are and why, for a tooltip; "" when there are none. */
    public String noLicenseViewDetail() {
        List<String> names = customers.stream().filter(c -> !c.hasLicenseView()).map(Customer::name).toList();
        return names.isEmpty() ? "" : I18n.t("licenses.noLicenseView.detail", String.join(", ", names));
    }

    /** Whether a license is selected (Claim, Copy key). */
    public ReadOnlyBooleanProperty canActProperty() {
        return canAct.getReadOnlyProperty();
    }

    /** Whether the selected license can be activated: it has no activation date yet. */
    public ReadOnlyBooleanProperty canActivateProperty() {
        return canActivate.getReadOnlyProperty();
    }
}
