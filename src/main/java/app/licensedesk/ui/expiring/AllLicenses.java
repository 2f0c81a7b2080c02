package app.licensedesk.ui.expiring;

import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every license of every customer as shared rows of the {@link LicenseRegistry}, loaded the way the Licenses page
 * loads them ({@link LicenseDeskService#loadLicenses}: bounded concurrency, customer by customer). Customers whose
 * answer was "session ended" are loaded again after the password prompt; the others that failed are named.
 */
final class AllLicenses {

    /** How many failed customers the warning line names before it says "…". */
    private static final int NAMED_FAILURES = 3;

    private final LicenseDeskService service;
    private final TaskRunner tasks;
    private final LicenseRegistry registry;
    private final Directory directory;
    private final ObservableList<LicenseRow> rows = FXCollections.observableArrayList();
    private final Set<LicenseRow> known = new HashSet<>();
    // what the page is told when a shown row really changes (an activation in a dialog), not when another page
    // loads the same license again: that sets equal values, and 100,000 recomputations would freeze the window
    private final Runnable rowChanged;
    private final ChangeListener<Instant> endChanged = (o, before, now) -> {
        if (!Objects.equals(before, now)) {
            changed();
        }
    };
    private final ChangeListener<License> licenseChanged = (o, before, now) -> {
        if (before == null || now == null || !Objects.equals(before.type(), now.type())
                || !Capacity.of(before).equals(Capacity.of(now))) {
            changed();
        }
    };
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper warningText = new ReadOnlyStringWrapper(this, "warningText", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final List<String> failedNames = new ArrayList<>();
    private final Set<String> failureReasons = new LinkedHashSet<>();
    private AtomicBoolean cancelRunning = new AtomicBoolean();
    private int generation;
    private int done;
    private int total;

    /**
     * @param rowChanged told when the end, type or a capacity of a loaded row changes
     */
    AllLicenses(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry, Directory directory,
                Runnable rowChanged) {
        this.rowChanged = rowChanged;
        this.service = service;
        this.tasks = tasks;
        this.registry = registry;
        this.directory = directory;
        directory.customersErrorProperty().addListener((o, old, message) -> {
            if (loading.get() && total == 0 && message != null && !message.isEmpty()) {
                loading.set(false);
                progressText.set("");
                errorText.set(message);
            }
        });
    }

    /** Loads everything again; a load still running is cancelled and its answers dropped. */
    void load() {
        cancelRunning.set(true);
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRunning = cancelled;
        int current = ++generation;
        for (LicenseRow row : rows) {
            row.endProperty().removeListener(endChanged);
            row.licenseProperty().removeListener(licenseChanged);
        }
        rows.clear();
        known.clear();
        failedNames.clear();
        failureReasons.clear();
        warningText.set("");
        errorText.set("");
        done = 0;
        total = 0;
        loading.set(true);
        progressText.set(I18n.t("expiring.progress.customers"));
        directory.withCustomers(all -> {
            if (current == generation) {
                loadLicenses(all.stream().filter(Customer::hasLicenseView).toList(), current, cancelled);
            }
        });
    }

    private record Batch(Customer customer, List<License> licenses, RuntimeException error) {
    }

    private void loadLicenses(List<Customer> customers, int current, AtomicBoolean cancelled) {
        total = customers.size();
        updateProgress();
        if (customers.isEmpty()) {
            loading.set(false);
            return;
        }
        AtomicReference<List<Customer>> pending = new AtomicReference<>(customers);
        tasks.<Void, Batch>run(I18n.t("expiring.task"), publish -> {
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
            // after the password prompt the TaskRunner runs this again: then only for those customers
            pending.set(List.copyOf(signedOut));
            if (sessionEnded.get() != null) {
                throw sessionEnded.get();
            }
            return null;
        }, batch -> {
            if (current == generation) {
                accept(batch);
            }
        }, finished -> {
            if (current == generation) {
                loading.set(false);
                updateProgress();
            }
        }, failure -> {
            if (current == generation) {
                loading.set(false);
                updateProgress();
                errorText.set(ErrorMessages.describe(failure, ErrorMessages.Action.LOAD_LICENSES));
            }
        });
    }

    private void accept(Batch batch) {
        done++;
        if (batch.error() != null) {
            failedNames.add(batch.customer().name());
            failureReasons.add(ErrorMessages.describe(batch.error(), ErrorMessages.Action.LOAD_LICENSES));
            List<String> named = failedNames.size() <= NAMED_FAILURES ? failedNames
                    : failedNames.subList(0, NAMED_FAILURES);
            String names = String.join(", ", named) + (failedNames.size() > NAMED_FAILURES ? ", \u2026" : "");
            warningText.set(I18n.t("expiring.failed", failedNames.size(), names, String.join(" ", failureReasons)));
        } else {
            List<LicenseRow> added = new ArrayList<>(batch.licenses().size());
            for (License license : batch.licenses()) {
                LicenseRow row = registry.put(license, batch.customer());
                if (known.add(row)) {
                    added.add(row);
                    row.endProperty().addListener(endChanged);
                    row.licenseProperty().addListener(licenseChanged);
                }
            }
            rows.addAll(added);
        }
        updateProgress();
    }

    private void changed() {
        rowChanged.run();
    }

    private void updateProgress() {
        progressText.set(loading.get() ? I18n.t("expiring.progress", done, total, rows.size()) : "");
    }

    ObservableList<LicenseRow> rows() {
        return rows;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty warningTextProperty() {
        return warningText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }
}
