package app.licensedesk.ui.licenses;

import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the pages load every customer's licenses (the Licenses page, and the Expiring page through its own
 * {@link Rows}): customer by customer with progress, a new load cancelling the one before, the failed customers
 * named and reloadable on their own, and customers refused because the session ended kept back until the password
 * prompt has renewed it. Where the rows go is the page's business ({@link Rows}).
 */
public final class LicensesLoad {

    private static final Logger LOG = LoggerFactory.getLogger(LicensesLoad.class);
    /** How many failed customers the warning line names before it says "…". */
    private static final int NAMED_FAILURES = 3;

    /** Where the loaded licenses go, on the FX thread. */
    public interface Rows {
        /** A new load starts: forget every row. */
        void clear();

        /** The customers whose licenses will arrive, in the order their rows should be listed. */
        void expect(List<Customer> customers);

        /** One customer's licenses arrived. */
        void arrived(Customer customer, List<License> licenses);

        int size();
    }

    /** What the background load publishes per customer: its licenses or why they could not be loaded. */
    private record Batch(Customer customer, List<License> licenses, RuntimeException error) {
    }

    private final LicenseDeskService service;
    private final TaskRunner tasks;
    private final Directory directory;
    private final DialogService dialogs;
    private final String taskDescription;
    private final Rows rows;

    final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    final ReadOnlyIntegerWrapper customersDone = new ReadOnlyIntegerWrapper(this, "customersDone");
    final ReadOnlyIntegerWrapper customersTotal = new ReadOnlyIntegerWrapper(this, "customersTotal");
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    final ReadOnlyIntegerWrapper failedCount = new ReadOnlyIntegerWrapper(this, "failedCount");
    final ReadOnlyStringWrapper warningText = new ReadOnlyStringWrapper(this, "warningText", "");
    final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    final BooleanBinding canReloadFailed = failedCount.greaterThan(0).and(loading.not());

    private final List<Customer> failedCustomers = new ArrayList<>();
    private final Set<String> failureReasons = new LinkedHashSet<>();
    private int generation;
    private boolean waitingForCustomers;
    private AtomicBoolean cancelRunning = new AtomicBoolean();

    LicensesLoad(LicenseDeskService service, TaskRunner tasks, Directory directory, DialogService dialogs,
                 Rows rows) {
        this(service, tasks, directory, dialogs, I18n.t("task.loadLicenses"), rows);
    }

    /**
     * @param dialogs         shows a failure that is not one of the expected kinds; null: the error line only
     * @param taskDescription what the status bar says while the licenses load
     */
    public LicensesLoad(LicenseDeskService service, TaskRunner tasks, Directory directory, DialogService dialogs,
                        String taskDescription, Rows rows) {
        this.service = service;
        this.tasks = tasks;
        this.directory = directory;
        this.dialogs = dialogs;
        this.taskDescription = taskDescription;
        this.rows = rows;
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

    /** Cancels a running load, clears the rows, and loads every customer's licenses once the directory has them. */
    public void start() {
        cancelRunning.set(true);
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRunning = cancelled;
        int current = ++generation;
        rows.clear();
        clearFailures();
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

    private void clearFailures() {
        failedCustomers.clear();
        failureReasons.clear();
        failedCount.set(0);
        warningText.set("");
        errorText.set("");
    }

    private void loadLicenses(List<Customer> all, int current, AtomicBoolean cancelled) {
        List<Customer> customers = all.stream().filter(Customer::hasLicenseView).toList();
        rows.expect(customers);
        customersTotal.set(customers.size());
        updateProgress();
        if (customers.isEmpty()) {
            loading.set(false);
            return;
        }
        fetch(customers, current, cancelled);
    }

    /** Loads again the customers that failed in the last load, and only them. Nothing while a load runs. */
    void reloadFailed() {
        if (!canReloadFailed.get()) {
            return;
        }
        List<Customer> again = List.copyOf(failedCustomers);
        clearFailures();
        customersDone.set(customersDone.get() - again.size());
        loading.set(true);
        updateProgress();
        fetch(again, generation, cancelRunning);
    }

    private void fetch(List<Customer> customers, int current, AtomicBoolean cancelled) {
        // Customers whose answer was "session ended" are kept back, not counted as failed: the TaskRunner asks
        // for the password and runs this work again, which then loads only them.
        AtomicReference<List<Customer>> pending = new AtomicReference<>(customers);
        tasks.<Void, Batch>run(taskDescription, publish -> {
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
            if (dialogs != null && !ErrorMessages.isExpected(failure)) {
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
            failureReasons.add(ErrorMessages.describe(batch.error(), ErrorMessages.Action.LOAD_LICENSES));
            if (!ErrorMessages.isExpected(batch.error())) {
                LOG.error("Loading the licenses of customer {} failed", batch.customer().id(), batch.error());
            }
            updateWarning();
        } else {
            rows.arrived(batch.customer(), batch.licenses());
        }
        updateProgress();
    }

    private void updateProgress() {
        int total = customersTotal.get();
        progress.set(total == 0 ? (loading.get() ? -1 : 1) : (double) customersDone.get() / total);
        progressText.set(I18n.t("licenses.progress", customersDone.get(), total, rows.size()));
    }

    private void updateWarning() {
        List<String> names = failedCustomers.stream().limit(NAMED_FAILURES).map(Customer::name).toList();
        String named = String.join(", ", names) + (failedCustomers.size() > NAMED_FAILURES ? ", \u2026" : "");
        warningText.set(I18n.t("licenses.failed", failedCustomers.size(), named, String.join(" ", failureReasons)));
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Loaded 3 of 40 customers · 52 licenses"; it stays after the load. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningTextProperty() {
        return warningText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }
}
