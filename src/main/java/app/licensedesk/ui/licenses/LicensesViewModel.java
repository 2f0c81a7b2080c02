package app.licensedesk.ui.licenses;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Licenses page: every license of every customer the user can see, loaded customer by customer with progress,
 * filtered by status, type, customer and key, with the actions on the selected license.
 */
public final class LicensesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LicensesViewModel.class);
    /** How many failed customers the warning line names before it says "…". */
    private static final int NAMED_FAILURES = 3;

    private final LicenseDeskService service;
    private final TaskRunner tasks;
    private final LicenseRegistry registry;
    private final Directory directory;
    private final DialogService dialogs;

    // inputs
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<LicenseStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty typeFilter = new SimpleStringProperty(this, "typeFilter");
    private final ObjectProperty<Customer> customerFilter = new SimpleObjectProperty<>(this, "customerFilter");
    private final ObjectProperty<LicenseRow> selected = new SimpleObjectProperty<>(this, "selected");

    // rows: every loaded row, once; the lower-case key of each is computed once, for the search
    private final ObservableList<LicenseRow> rows = FXCollections.observableArrayList();
    // rows stay in the customers' order (then by key) however the answers arrive, so the table needs no sorting
    // until the user asks for it: a filter change at 100,000 rows then costs no re-sort
    private final Map<Long, Integer> customerOrder = new HashMap<>();
    private final Map<LicenseRow, String> lowerKeys = new HashMap<>();
    private final FilteredList<LicenseRow> filtered = new FilteredList<>(rows);
    private final SortedList<LicenseRow> sorted = new SortedList<>(filtered);
    private final ObservableList<String> types = FXCollections.observableArrayList("residential", "commercial");
    // held here: the directory hands out a fresh read-only view per call, which listens to it only weakly
    private final ObservableList<Customer> customers;

    // loading
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyIntegerWrapper customersDone = new ReadOnlyIntegerWrapper(this, "customersDone");
    private final ReadOnlyIntegerWrapper customersTotal = new ReadOnlyIntegerWrapper(this, "customersTotal");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyIntegerWrapper failedCount = new ReadOnlyIntegerWrapper(this, "failedCount");
    private final ReadOnlyStringWrapper warningText = new ReadOnlyStringWrapper(this, "warningText", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final StringBinding countText;
    private final BooleanBinding canReloadFailed = failedCount.greaterThan(0).and(loading.not());
    private final List<Customer> failedCustomers = new ArrayList<>();
    private final StringBinding noLicenseViewText;
    private final List<String> failedNames = new ArrayList<>();
    private final Set<String> failureReasons = new LinkedHashSet<>();
    private int generation;
    private boolean waitingForCustomers;
    private boolean started;
    private AtomicBoolean cancelRunning = new AtomicBoolean();

    // the selected license's actions
    private final ReadOnlyBooleanWrapper canAct = new ReadOnlyBooleanWrapper(this, "canAct");
    private final ReadOnlyBooleanWrapper canActivate = new ReadOnlyBooleanWrapper(this, "canActivate");
    private final InvalidationListener selectedLicenseChanged = o -> updateActions();

    public LicensesViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                             Directory directory, DialogService dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.registry = registry;
        this.directory = directory;
        this.dialogs = dialogs;
        this.customers = directory.customers();
        InvalidationListener refilter = o -> filtered.setPredicate(predicate());
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
            }
            updateActions();
        });
        directory.customersErrorProperty().addListener((o, old, message) -> {
            if (waitingForCustomers && message != null && !message.isEmpty()) {
                // the customers could not be loaded, so there is nothing to load licenses for
                waitingForCustomers = false;
                loading.set(false);
                progressText.set("");
                errorText.set(message);
            }
        });
    }

    /**
     * One predicate for all filters, built when a filter changes: it captures plain values, so testing a row is a
     * few field reads and one {@code contains} even with 100,000 rows.
     */
    private Predicate<LicenseRow> predicate() {
        LicenseStatus status = statusFilter.get();
        String type = typeFilter.get() == null || typeFilter.get().isEmpty() ? null : typeFilter.get();
        Customer customer = customerFilter.get();
        String query = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        if (status == null && type == null && customer == null && query.isEmpty()) {
            return null;
        }
        return row -> (status == null || row.getStatus() == status)
                && (type == null || type.equals(row.getLicense().type()))
                && (customer == null || (row.getCustomer() != null && row.getCustomer().id() == customer.id()))
                && (query.isEmpty() || lowerKeys.get(row).contains(query));
    }

    /** The page became visible: loads the licenses the first time. */
    public void shown() {
        if (!started) {
            started = true;
            load();
        }
    }

    /**
     * Loads every license again: cancels a running load, clears the list, and asks the directory for the
     * customers again first.
     */
    public void refresh() {
        started = true;
        directory.reloadCustomers();
        load();
    }

    private void load() {
        cancelRunning.set(true);
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRunning = cancelled;
        int current = ++generation;
        selected.set(null);
        rows.clear();
        lowerKeys.clear();
        failedCustomers.clear();
        failedNames.clear();
        failureReasons.clear();
        failedCount.set(0);
        warningText.set("");
        errorText.set("");
        customersDone.set(0);
        customersTotal.set(0);
        progress.set(-1);
        loading.set(true);
        waitingForCustomers = true;
        progressText.set(I18n.t("licenses.progress.customers"));
        directory.withCustomers(all -> {
            if (current == generation) {
                waitingForCustomers = false;
                loadLicenses(all, current, cancelled);
            }
        });
    }

    /** What the background load publishes per customer: its licenses or why they could not be loaded. */
    private record Batch(Customer customer, List<License> licenses, RuntimeException error) {
    }

    private void loadLicenses(List<Customer> all, int current, AtomicBoolean cancelled) {
        List<Customer> customers = all.stream().filter(Customer::hasLicenseView).toList();
        customerOrder.clear();
        for (int i = 0; i < customers.size(); i++) {
            customerOrder.put(customers.get(i).id(), i);
        }
        customersTotal.set(customers.size());
        updateProgress();
        if (customers.isEmpty()) {
            loading.set(false);
            return;
        }
        fetch(customers, current, cancelled);
    }

    /**
     * Loads the customers that failed in the last load again, and only them: the rows of the others stay. Does
     * nothing while a load runs or when none failed.
     */
    public void reloadFailed() {
        if (!canReloadFailed.get()) {
            return;
        }
        List<Customer> again = List.copyOf(failedCustomers);
        failedCustomers.clear();
        failedNames.clear();
        failureReasons.clear();
        failedCount.set(0);
        warningText.set("");
        errorText.set("");
        customersDone.set(customersDone.get() - again.size());
        loading.set(true);
        updateProgress();
        fetch(again, generation, cancelRunning);
    }

    private void fetch(List<Customer> customers, int current, AtomicBoolean cancelled) {
        // Customers whose answer was "session ended" are kept back, not counted as failed: the TaskRunner asks
        // for the password and runs this work again, which then loads only them.
        AtomicReference<List<Customer>> pending = new AtomicReference<>(customers);
        tasks.<Void, Batch>run(I18n.t("task.loadLicenses"), publish -> {
            List<Customer> signedOut = new CopyOnWriteArrayList<>();
            AtomicReference<RuntimeException> sessionEnded = new AtomicReference<>();
            service.loadLicenses(pending.get(), new LicenseDeskService.CustomerLicensesListener() {
                @Override
                public void loaded(Customer customer, List<License> licenses) {
                    publish.accept(new Batch(customer, licenses, null));
                }

                @Override
                public void failed(Customer customer, RuntimeException error) {
                    if (Failure.is(error, ErrorKind.SIGNED_OUT)) {
                        signedOut.add(customer);
                        sessionEnded.set(error);
                    } else {
                        publish.accept(new Batch(customer, null, error));
                    }
                }
            }, cancelled::get);
            pending.set(List.copyOf(signedOut));
            if (sessionEnded.get() != null) {
                throw sessionEnded.get();
            }
            return null;
        }, batch -> {
            if (current == generation) {
                accept(batch);
            }
        }, done -> {
            if (current == generation) {
                loading.set(false);
                updateProgress();
            }
        }, failure -> {
            if (current != generation) {
                return;
            }
            loading.set(false);
            updateProgress();
            errorText.set(ErrorMessages.describe(failure, ErrorMessages.Action.LOAD_LICENSES));
            if (!ErrorMessages.isExpected(failure)) {
                dialogs.showError(I18n.t("licenses.error.header"), failure);
            }
        });
    }

    /** One customer's answer, on the FX thread: its rows are added at once, so they appear as they arrive. */
    private void accept(Batch batch) {
        customersDone.set(customersDone.get() + 1);
        if (batch.error() != null) {
            failedCount.set(failedCount.get() + 1);
            failedCustomers.add(batch.customer());
            failedNames.add(batch.customer().name());
            failureReasons.add(ErrorMessages.describe(batch.error(), ErrorMessages.Action.LOAD_LICENSES));
            if (!ErrorMessages.isExpected(batch.error())) {
                LOG.error("Loading the licenses of customer {} failed", batch.customer().id(), batch.error());
            }
            updateWarning();
        } else {
            List<LicenseRow> added = new ArrayList<>(batch.licenses().size());
            for (License license : batch.licenses()) {
                LicenseRow row = registry.put(license, batch.customer());
                // a license listed under two customers is one row
                if (!lowerKeys.containsKey(row)) {
                    lowerKeys.put(row, row.getKey().toLowerCase(Locale.ROOT));
                    added.add(row);
                }
                String type = license.type();
                if (type != null && !type.isEmpty() && !types.contains(type)) {
                    types.add(type);
                }
            }
            added.sort(Comparator.comparing(LicenseRow::getKey));
            rows.addAll(insertionPoint(batch.customer()), added);
        }
        updateProgress();
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

    private void updateProgress() {
        int total = customersTotal.get();
        progress.set(total == 0 ? (loading.get() ? -1 : 1) : (double) customersDone.get() / total);
        progressText.set(I18n.t("licenses.progress", customersDone.get(), total, rows.size()));
    }

    private void updateWarning() {
        List<String> names = failedNames.size() <= NAMED_FAILURES ? failedNames
                : new ArrayList<>(failedNames.subList(0, NAMED_FAILURES));
        String named = String.join(", ", names) + (failedNames.size() > NAMED_FAILURES ? ", \u2026" : "");
        warningText.set(I18n.t("licenses.failed", failedNames.size(), named, String.join(" ", failureReasons)));
    }

    private void updateActions() {
        LicenseRow row = selected.get();
        canAct.set(row != null);
        canActivate.set(row != null && row.getLicense().activationDate() == null);
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
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The rows that pass the filters. */
    public ObservableList<LicenseRow> filtered() {
        return filtered;
    }

    /** The filtered rows, sorted by the comparator the table binds to {@link SortedList#comparatorProperty()}. */
    public SortedList<LicenseRow> sorted() {
        return sorted;
    }

    /** The type filter's choices: residential, commercial and any other type that has arrived. */
    public ObservableList<String> types() {
        return FXCollections.unmodifiableObservableList(types);
    }

    /** The customer filter's choices. */
    public ObservableList<Customer> customers() {
        return customers;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty customersDoneProperty() {
        return customersDone.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty customersTotalProperty() {
        return customersTotal.getReadOnlyProperty();
    }

    /** Done/total customers for a progress bar; -1 while the number of customers is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Loaded 12 of 40 customers · 312 licenses". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedCountProperty() {
        return failedCount.getReadOnlyProperty();
    }

    /** Whether {@link #reloadFailed()} has something to do: some customers failed and nothing is loading. */
    public BooleanBinding canReloadFailedProperty() {
        return canReloadFailed;
    }

    /** "2 customers could not be loaded (A, B): No access to this customer.", or "". */
    public ReadOnlyStringProperty warningTextProperty() {
        return warningText.getReadOnlyProperty();
    }

    /** Why the whole load failed, or "". */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
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
