package app.licensedesk.ui.assign;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.assign.QueuedPair.State;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.KeepSelection;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The assignment workspace: for one customer, its licenses that are linked to no controller, its controllers with
 * the licenses they have, a queue of license-controller pairs (each with its activation plan), suggested pairs, and
 * the run that claims and activates the queue. FX thread only; every call goes through the {@link TaskRunner}.
 */
public final class AssignViewModel {

    private final Directory directory;
    // fields, not locals: the directory hands out wrappers that listen to its lists only while referenced
    private final ObservableList<Customer> customers;
    private final ObservableList<Controller> allControllers;
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>(this, "customer");
    private final CustomerEstate estate;
    private final FilteredList<LicenseRow> freeLicenses;
    private final ObservableList<ControllerItem> controllers;
    private final ObservableList<QueuedPair> queue =
            FXCollections.observableArrayList(pair -> new Observable[] {pair.stateProperty()});
    /** Changes when pairs are queued or removed; a field, since a binding listens to the list only weakly. */
    private final IntegerBinding queueSize = Bindings.size(queue);
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObjectProperty<LicenseRow> selectedLicense = new SimpleObjectProperty<>(this, "selectedLicense");
    private final ObjectProperty<ControllerItem> selectedController =
            new SimpleObjectProperty<>(this, "selectedController");
    private final ObjectProperty<QueuedPair> selectedPair = new SimpleObjectProperty<>(this, "selectedPair");
    private final ActivationChoice when;
    private final QueueRun run;
    private final BooleanBinding canRun;
    private final BooleanBinding canRemove;
    private final BooleanBinding canClear;
    private final StringBinding pairText;
    private final StringBinding summary;
    private final StringBinding freePlaceholder;
    private final StringBinding controllersPlaceholder;
    private boolean shownBefore;

    /** For the app: the user's time zone and the system clock. */
    public AssignViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                           Directory directory) {
        this(service, tasks, registry, directory, Clock.system(Formats.zone()));
    }

    /**
     * @param clock "now" and the zone of the activation date and time
     */
    public AssignViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                           Directory directory, Clock clock) {
        this.directory = directory;
        this.customers = directory.customers();
        this.allControllers = directory.controllers();
        this.estate = new CustomerEstate(service, tasks, registry, allControllers);
        this.freeLicenses = new FilteredList<>(estate.rows());
        this.controllers = FXCollections.unmodifiableObservableList(estate.controllers());
        this.when = new ActivationChoice(clock.getZone(), clock);
        this.run = new QueueRun(service, tasks, registry, clock, estate::controllerLabel);
        // a new predicate when pairs are queued or removed (not when their state changes, which would refilter the
        // list under the user's selection): a queued license leaves the free list, a removed one comes back
        freeLicenses.setPredicate(row -> isFree(row));
        Runnable suggest = () -> suggestions.setAll(Suggestion.of(freeLicenses, controllers, queuedNodeIds()));
        queueSize.addListener((o, before, now) -> {
            freeLicenses.setPredicate(row -> isFree(row)); // a new lambda, so the list is filtered again
            suggest.run();
        });
        freeLicenses.addListener((ListChangeListener<LicenseRow>) c -> suggest.run());
        controllers.addListener((ListChangeListener<ControllerItem>) c -> suggest.run());
        KeepSelection.keep(customer, customers, Customer::id);
        customer.addListener((o, before, now) -> loadCustomer());
        allControllers.addListener((ListChangeListener<Controller>) c -> estate.loadControllers());
        canRun = Bindings.createBooleanBinding(() -> !run.runningProperty().get()
                && queue.stream().anyMatch(p -> p.getState() == State.QUEUED), queue, run.runningProperty());
        canRemove = Bindings.createBooleanBinding(() -> selectedPair.get() != null && !run.runningProperty().get(),
                selectedPair, run.runningProperty());
        canClear = Bindings.createBooleanBinding(() -> !run.runningProperty().get()
                && queue.stream().anyMatch(p -> p.getState().finished()), queue, run.runningProperty());
        pairText = Bindings.createStringBinding(this::describePair, selectedLicense, selectedController);
        summary = Bindings.createStringBinding(() -> customer.get() == null || estate.loadingProperty().get() ? ""
                : I18n.t("assign.summary", freeLicenses.size(), controllers.size()),
                customer, estate.loadingProperty(), freeLicenses, controllers);
        freePlaceholder = Bindings.createStringBinding(this::describeNoFreeLicense, customer,
                estate.loadingProperty(), estate.errorProperty());
        controllersPlaceholder = Bindings.createStringBinding(() -> customer.get() == null ? ""
                : directory.controllersLoadingProperty().get() ? I18n.t("assign.controllers.loading")
                : I18n.t("assign.controllers.none"), customer, directory.controllersLoadingProperty());
    }

    private boolean isFree(LicenseRow row) {
        // "not linked": the server names no datalink and no view has seen it under a controller
        return row.getLicense().datalinks().isEmpty() && row.getControllers().isEmpty()
                && queue.stream().noneMatch(p -> p.license() == row);
    }

    private Set<String> queuedNodeIds() {
        return queue.stream().map(QueuedPair::nodeId).collect(Collectors.toSet());
    }

    /** The page became visible: the customers and controllers the first time. */
    public void shown() {
        if (!shownBefore) {
            shownBefore = true;
            directory.ensureCustomers();
            directory.ensureControllers();
        }
    }

    /** Opens the workspace for this customer ("Assign…" on the Customers page). */
    public void open(Customer chosen) {
        shown();
        customer.set(chosen);
    }

    /** F5: customers and controllers again (which reloads each controller's licenses), and the free licenses. */
    public void refresh() {
        directory.reloadAll();
        loadCustomer();
    }

    /** Retry after the customer's licenses failed to load. */
    public void retryLicenses() {
        loadCustomer();
    }

    private void loadCustomer() {
        selectedLicense.set(null);
        selectedController.set(null);
        estate.show(customer.get());
    }

    /** Queues the selected license with the selected controller (Enter on a controller); true when queued. */
    public boolean queueSelected() {
        return queue(selectedLicense.get(), selectedController.get());
    }

    /**
     * Queues a pair with the activation plan chosen now. Refused for a license that is not free or already queued,
     * and while "activate at" has no valid moment (the fields then say why).
     *
     * @return whether the pair was queued
     */
    public boolean queue(LicenseRow license, ControllerItem controller) {
        if (license == null || controller == null || !freeLicenses.contains(license)
                || !controllers.contains(controller)) {
            return false;
        }
        ActivationChoice.Plan plan = when.planFor(license);
        if (plan == null) {
            return false;
        }
        queue.add(new QueuedPair(license, controller, customer.get(), plan));
        if (selectedLicense.get() == license) {
            selectedLicense.set(null);
        }
        return true;
    }

    /** Queues a pair dragged by key onto a controller, or by nodeId onto a license. */
    public boolean queueDropped(String key, String nodeId) {
        Optional<LicenseRow> license = freeLicenses.stream().filter(r -> r.getKey().equals(key)).findFirst();
        return license.isPresent() && queue(license.get(), estate.controller(nodeId));
    }

    /** Queues every suggested pair. */
    public void acceptSuggestions() {
        List.copyOf(suggestions).forEach(s -> queue(s.license(), s.controller()));
    }

    /** Removes the selected pair from the queue (Delete); not while the queue runs. */
    public void removeSelected() {
        if (canRemove.get()) {
            queue.remove(selectedPair.get());
            selectedPair.set(null);
        }
    }

    /** Removes the pairs the last run finished with. */
    public void clearFinished() {
        if (canClear.get()) {
            queue.removeIf(p -> p.getState().finished());
        }
    }

    /** Runs every queued pair (Ctrl/Cmd+Enter): claims, then activations, each pair showing how it went. */
    public void runQueue() {
        if (canRun.get()) {
            run.run(queue.stream().filter(p -> p.getState() == State.QUEUED).toList());
        }
    }

    private String describePair() {
        LicenseRow license = selectedLicense.get();
        ControllerItem controller = selectedController.get();
        if (license == null) {
            return I18n.t("assign.pick.none");
        }
        return controller == null ? I18n.t("assign.pick.license", license.getKey())
                : I18n.t("assign.pair", license.getKey(), controller.label());
    }

    private String describeNoFreeLicense() {
        Customer chosen = customer.get();
        if (chosen == null) {
            return I18n.t("assign.customer.hint");
        }
        if (!chosen.hasLicenseView()) {
            return I18n.t("customers.noLicenseView.detail");
        }
        if (estate.loadingProperty().get()) {
            return I18n.t("assign.free.loading");
        }
        return estate.errorProperty().get().isEmpty() ? I18n.t("assign.free.none") : "";
    }

    // ---- what the view binds to

    public ObservableList<Customer> customers() {
        return customers;
    }

    /** Input: the customer whose licenses and controllers are shown. */
    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    /** The customer's licenses linked to no controller and not queued. */
    public ObservableList<LicenseRow> freeLicenses() {
        return freeLicenses;
    }

    /** The customer's controllers (a controller of several customers is listed for each). */
    public ObservableList<ControllerItem> controllers() {
        return controllers;
    }

    public ObservableList<QueuedPair> queue() {
        return queue;
    }

    public ObservableList<Suggestion> suggestions() {
        return suggestions;
    }

    /** Input: the picked license. */
    public ObjectProperty<LicenseRow> selectedLicenseProperty() {
        return selectedLicense;
    }

    /** Input: the picked controller. */
    public ObjectProperty<ControllerItem> selectedControllerProperty() {
        return selectedController;
    }

    /** Input: the pair selected in the queue. */
    public ObjectProperty<QueuedPair> selectedPairProperty() {
        return selectedPair;
    }

    /** What happens after each claim queued from now on. */
    public ActivationChoice when() {
        return when;
    }

    public ReadOnlyBooleanProperty licensesLoadingProperty() {
        return estate.loadingProperty();
    }

    /** Why the customer's licenses could not be loaded, or "". */
    public ReadOnlyStringProperty licensesErrorProperty() {
        return estate.errorProperty();
    }

    public ReadOnlyBooleanProperty controllersLoadingProperty() {
        return directory.controllersLoadingProperty();
    }

    /** Why the controllers could not be loaded, or "". */
    public ReadOnlyStringProperty controllersErrorProperty() {
        return directory.controllersErrorProperty();
    }

    public void retryControllers() {
        directory.reloadControllers();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    /** True when some pairs are finished and no run is going on. */
    public BooleanBinding canClearProperty() {
        return canClear;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** Share of the run's claims and activations that have ended, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** "3 of 5 steps done", then what the run ended with; "" before the first run. */
    public ReadOnlyStringProperty progressTextProperty() {
        return run.progressTextProperty();
    }

    /** "Pair: SG1-… → Site A (…)", or what to pick next. */
    public StringBinding pairTextProperty() {
        return pairText;
    }

    /** "5 free licenses · 3 controllers", or "" without a customer. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** What the empty free-license list says. */
    public StringBinding freePlaceholderProperty() {
        return freePlaceholder;
    }

    /** What the empty controller list says. */
    public StringBinding controllersPlaceholderProperty() {
        return controllersPlaceholder;
    }
}
