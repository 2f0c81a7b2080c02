package app.licensedesk.ui.shared;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The customers and controllers the user can see, loaded once and shared by every view and dialog. FX thread
 * only; loading goes through the {@link TaskRunner}.
 */
public final class Directory {

    /** How many failed customers a warning names before it says "…". */
    private static final int NAMED_FAILURES = 3;

    private final LicenseDeskService service;
    private final TaskRunner tasks;
    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final ObservableList<Controller> controllers = FXCollections.observableArrayList();
    // one read-only view each, kept here: a view made per call listens weakly and can be collected
    private final ObservableList<Customer> customersView = FXCollections.unmodifiableObservableList(customers);
    private final ObservableList<Controller> controllersView = FXCollections.unmodifiableObservableList(controllers);
    private final ReadOnlyBooleanWrapper customersLoading = new ReadOnlyBooleanWrapper(this, "customersLoading");
    private final ReadOnlyBooleanWrapper controllersLoading = new ReadOnlyBooleanWrapper(this, "controllersLoading");
    private final ReadOnlyStringWrapper customersError = new ReadOnlyStringWrapper(this, "customersError", "");
    private final ReadOnlyStringWrapper controllersError = new ReadOnlyStringWrapper(this, "controllersError", "");
    private final ReadOnlyStringWrapper controllersWarning =
            new ReadOnlyStringWrapper(this, "controllersWarning", "");
    private boolean customersLoaded;
    private boolean controllersLoaded;
    private final List<Consumer<List<Customer>>> customerWaiters = new ArrayList<>();

    public Directory(LicenseDeskService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    public ObservableList<Customer> customers() {
        return customersView;
    }

    public ObservableList<Controller> controllers() {
        return controllersView;
    }

    public ReadOnlyBooleanProperty customersLoadingProperty() {
        return customersLoading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty controllersLoadingProperty() {
        return controllersLoading.getReadOnlyProperty();
    }

    /** The message of the last failed customer load, or "". */
    public ReadOnlyStringProperty customersErrorProperty() {
        return customersError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty controllersErrorProperty() {
        return controllersError.getReadOnlyProperty();
    }

    /** Which customers' controllers are missing from a partial list, and why; "" when none are. */
    public ReadOnlyStringProperty controllersWarningProperty() {
        return controllersWarning.getReadOnlyProperty();
    }

    /** Loads the customers unless they are loaded or loading. */
    public void ensureCustomers() {
        if (!customersLoaded && !customersLoading.get()) {
            reloadCustomers();
        }
    }

    /** Calls {@code then} with the customers once they are loaded (at once if they are). */
    public void withCustomers(Consumer<List<Customer>> then) {
        if (customersLoaded) {
            then.accept(List.copyOf(customers));
            return;
        }
        customerWaiters.add(then);
        ensureCustomers();
    }

    public void reloadCustomers() {
        // callers of withCustomers wait for the fresh list, not the one being replaced
        customersLoaded = false;
        customersLoading.set(true);
        customersError.set("");
        tasks.run(I18n.t("task.loadCustomers"), service::customers, loaded -> {
            customersLoading.set(false);
            customersLoaded = true;
            customers.setAll(loaded);
            List<Consumer<List<Customer>>> waiting = List.copyOf(customerWaiters);
            customerWaiters.clear();
            waiting.forEach(w -> w.accept(List.copyOf(loaded)));
        }, error -> {
            customersLoading.set(false);
            customerWaiters.clear();
            String message = ErrorMessages.describe(error, ErrorMessages.Action.LOAD_CUSTOMERS);
            customersError.set(message);
            if (controllersLoading.get()) {
                // the controllers were waiting for these customers: they fail with them
                controllersLoading.set(false);
                controllersError.set(message);
            }
        });
    }

    /** Loads the controllers (after the customers) unless they are loaded or loading. */
    public void ensureControllers() {
        if (!controllersLoaded && !controllersLoading.get()) {
            reloadControllers();
        }
    }

    public void reloadControllers() {
        controllersLoading.set(true);
        controllersError.set("");
        controllersWarning.set("");
        withCustomers(list -> tasks.run(I18n.t("task.loadControllers"), () -> service.controllers(list),
                loaded -> {
                    controllersLoading.set(false);
                    controllersLoaded = true;
                    controllers.setAll(loaded.controllers());
                    controllersWarning.set(warning(loaded.failures()));
                }, error -> {
                    controllersLoading.set(false);
                    controllersError.set(ErrorMessages.describe(error, ErrorMessages.Action.LOAD_CONTROLLERS));
                }));
    }

    /** "The controllers of 2 customers could not be loaded (A, B): reason.", or "" when none failed. */
    private static String warning(Map<Customer, RuntimeException> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        List<String> names = failures.keySet().stream().map(Customer::name).limit(NAMED_FAILURES).toList();
        String named = String.join(", ", names) + (failures.size() > NAMED_FAILURES ? ", \u2026" : "");
        Set<String> reasons = new LinkedHashSet<>();
        failures.values().forEach(e -> reasons.add(ErrorMessages.describe(e, ErrorMessages.Action.LOAD_CONTROLLERS)));
        return I18n.t("controllers.failed", failures.size(), named, String.join(" ", reasons));
    }

    /** F5 in any view: the customers again, and the controllers if they were wanted (40 queries are not free). */
    public void reloadAll() {
        boolean controllersWanted = controllersLoaded || controllersLoading.get();
        controllersLoaded = false;
        reloadCustomers();
        if (controllersWanted) {
            reloadControllers();
        }
    }
}
