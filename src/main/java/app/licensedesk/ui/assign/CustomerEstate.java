package app.licensedesk.ui.assign;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.dialogs.ClaimViewModel;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What one customer has, as the workspace shows it: its licenses (rows from the registry) and its controllers from
 * the directory, each with the licenses claimed to it, loaded a few at a time. Only the latest customer's answers
 * are kept. FX thread only.
 */
final class CustomerEstate {

    private final LicenseDeskService service;
    private final TaskRunner tasks;
    private final LicenseRegistry registry;
    private final ObservableList<Controller> directoryControllers;
    /** The extractor makes a row that learns a controller or a date a list change, so the free list follows it. */
    private final ObservableList<LicenseRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.licenseProperty(), row.controllersProperty(), row.statusProperty()});
    private final ObservableList<ControllerItem> controllers = FXCollections.observableArrayList(
            item -> new Observable[] {item.loadingProperty(), item.errorProperty(), item.licenses()});
    private final Map<String, ControllerItem> byNodeId = new HashMap<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Customer customer;
    /** Identifies the latest license load; an answer carrying another token is stale. */
    private Object current = new Object();
    private Bounded<ControllerItem> controllerLoads;

    /**
     * @param directoryControllers every controller the user can see (the directory's list)
     */
    CustomerEstate(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                   ObservableList<Controller> directoryControllers) {
        this.service = service;
        this.tasks = tasks;
        this.registry = registry;
        this.directoryControllers = directoryControllers;
        registry.onLinked((row, nodeId) -> {
            ControllerItem item = byNodeId.get(nodeId);
            if (item != null) {
                item.linked(row); // claimed here or anywhere else: the controller shows it at once
            }
        });
    }

    /** Shows this customer (or nobody): its licenses and its controllers, loaded again. */
    void show(Customer shown) {
        customer = shown;
        Object token = new Object();
        current = token;
        rows.clear();
        error.set("");
        if (shown == null || !shown.hasLicenseView()) {
            loading.set(false);
            loadControllers();
            return;
        }
        loading.set(true);
        tasks.run(I18n.t("assign.task.loadLicenses", shown.name()), () -> service.licensesOfCustomer(shown),
                licenses -> {
                    if (token != current) {
                        return;
                    }
                    loading.set(false);
                    List<LicenseRow> loaded = new ArrayList<>(licenses.size());
                    licenses.forEach(license -> loaded.add(registry.put(license, shown)));
                    rows.setAll(loaded);
                }, failure -> {
                    if (token == current) {
                        loading.set(false);
                        error.set(ErrorMessages.describe(failure, ErrorMessages.Action.LOAD_CUSTOMER_LICENSES));
                    }
                });
        loadControllers();
    }

    /** The customer's controllers from the directory (again), each with its licenses loaded a few at a time. */
    void loadControllers() {
        if (controllerLoads != null) {
            controllerLoads.cancel();
        }
        Customer owner = customer;
        List<ControllerItem> items = owner == null ? List.of()
                : directoryControllers.stream().filter(c -> c.ownedBy(owner)).map(ControllerItem::new).toList();
        byNodeId.clear();
        items.forEach(item -> byNodeId.put(item.nodeId(), item));
        controllers.setAll(items);
        controllerLoads = Bounded.run(items, (item, ended) -> tasks.run(
                I18n.t("assign.task.loadController", item.label()),
                () -> service.licensesOfController(item.nodeId()), licenses -> {
                    if (byNodeId.get(item.nodeId()) == item) { // else another customer is shown meanwhile
                        item.loaded(licenses.stream().map(l -> registry.putUnderController(l, item.nodeId(),
                                item.controller().soleCustomer())).toList());
                    }
                    ended.run();
                }, failure -> {
                    item.failed(ErrorMessages.describe(failure, ErrorMessages.Action.LOAD_CONTROLLER_LICENSES));
                    ended.run();
                }), () -> { });
    }

    /** "Site A (SGC-…)" when the controller is known, else the nodeId. */
    String controllerLabel(String nodeId) {
        ControllerItem item = byNodeId.get(nodeId);
        if (item != null) {
            return item.label();
        }
        return directoryControllers.stream().filter(c -> c.nodeId().equals(nodeId)).findFirst()
                .map(ClaimViewModel::label).orElse(nodeId);
    }

    ControllerItem controller(String nodeId) {
        return byNodeId.get(nodeId);
    }

    /** The customer's licenses, as the registry's shared rows. */
    ObservableList<LicenseRow> rows() {
        return rows;
    }

    ObservableList<ControllerItem> controllers() {
        return controllers;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
