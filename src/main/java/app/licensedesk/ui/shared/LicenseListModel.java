package app.licensedesk.ui.shared;

import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The licenses of one selected owner (a customer or a controller) with the actions on the selected license; shared
 * by the Customers and Controllers view models. Only the answer of the latest load is shown: an answer for an owner
 * that is no longer selected is dropped.
 */
public final class LicenseListModel {

    /** The order of the status pills: what needs attention first after the healthy count. */
    static final List<LicenseStatus> PILL_ORDER = List.of(LicenseStatus.ACTIVE, LicenseStatus.EXPIRING,
            LicenseStatus.SCHEDULED, LicenseStatus.NOT_ACTIVATED, LicenseStatus.EXPIRED, LicenseStatus.DEACTIVATED);

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ErrorMessages.Action action;
    // the extractor turns a status change of any shown row (e.g. after an activation) into a list change
    private final ObservableList<LicenseRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.statusProperty()});
    // kept: a read-only view listens to its list weakly, so a view made per call could stop passing changes on
    private final ObservableList<LicenseRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<LicenseRow> selectedLicense = new SimpleObjectProperty<>(this, "selectedLicense");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ObservableValue<License> selectedData = selectedLicense.flatMap(LicenseRow::licenseProperty);
    private final BooleanBinding hasSelection = selectedLicense.isNotNull();
    private final BooleanBinding canActivate = Bindings.createBooleanBinding(
            () -> selectedData.getValue() != null && selectedData.getValue().activationDate() == null
                    && selectedData.getValue().key() != null, selectedData);
    private final ObjectBinding<Map<LicenseStatus, Integer>> statusCounts =
            Bindings.createObjectBinding(this::countByStatus, rows);
    private final StringBinding statusSummary = Bindings.createStringBinding(this::summary, statusCounts);
    /** Identifies the latest load; an answer carrying another token is stale. */
    private Object current = new Object();
    private Runnable lastLoad;
    /** The controller whose licenses are shown, or null: a row that learns it is claimed to it joins the list. */
    private String shownController;

    /**
     * @param action what a failed load was doing, for {@link ErrorMessages}
     */
    public LicenseListModel(TaskRunner tasks, LicenseRegistry registry, DialogService dialogs,
                            ErrorMessages.Action action) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.action = action;
        registry.onLinked((row, nodeId) -> {
            if (nodeId.equals(shownController) && !rows.contains(row)) {
                rows.add(row); // claimed elsewhere (another page, a dialog): the list follows the shared row
            }
        });
    }

    /**
     * Shows the licenses {@code fetch} returns (called in the background), each registered through {@code register}
     * on the FX thread. Clears the previous owner's rows at once.
     *
     * @param description what the status bar says while it runs
     * @param errorHeader the header of the error dialog for an unexpected failure
     */
    public void load(String description, String errorHeader, Callable<List<License>> fetch,
                     Function<License, LicenseRow> register) {
        load(description, errorHeader, fetch, register, null);
    }

    /**
     * Like {@link #load(String, String, Callable, Function)} for the licenses of one controller: a row that is
     * claimed to it later, wherever, is added to the list at once.
     */
    public void loadController(String nodeId, String description, String errorHeader, Callable<List<License>> fetch,
                               Function<License, LicenseRow> register) {
        load(description, errorHeader, fetch, register, nodeId);
    }

    private void load(String description, String errorHeader, Callable<List<License>> fetch,
                      Function<License, LicenseRow> register, String controller) {
        Object token = new Object();
        current = token;
        shownController = controller;
        lastLoad = () -> load(description, errorHeader, fetch, register, controller);
        rows.clear();
        error.set("");
        emptyText.set("");
        loading.set(true);
        tasks.run(description, fetch, licenses -> {
            if (token != current) {
                return;
            }
            loading.set(false);
            List<LicenseRow> shown = new ArrayList<>(licenses.size());
            licenses.forEach(license -> shown.add(register.apply(license)));
            rows.setAll(shown);
            emptyText.set(I18n.t("license.table.empty"));
        }, failure -> {
            if (token != current) {
                return;
            }
            loading.set(false);
            if (ErrorMessages.isExpected(failure)) {
                error.set(ErrorMessages.describe(failure, action));
            } else {
                emptyText.set(I18n.t("license.table.empty"));
                dialogs.showError(errorHeader, failure);
            }
        });
    }

    /** Shows no licenses, with {@code why} in the empty table; any answer still on its way is dropped. */
    public void clear(String why) {
        current = new Object();
        lastLoad = null;
        shownController = null;
        rows.clear();
        loading.set(false);
        error.set("");
        emptyText.set(why);
    }

    /** Runs the last load again (Retry, F5); does nothing after {@link #clear}. */
    public void reload() {
        if (lastLoad != null) {
            lastLoad.run();
        }
    }

    /** Opens the activation dialog for the selected license; its outcome reaches the shared row through the dialog. */
    public void activateSelected() {
        if (canActivate.get()) {
            dialogs.activate(selectedLicense.get().getKey());
        }
    }

    /** Opens the claim dialog for the selected license, no controller preselected. */
    public void claimSelected() {
        if (hasSelection.get()) {
            dialogs.claim(selectedLicense.get().getKey(), null);
        }
    }

    /** The key to put on the clipboard for "Copy key", or "" without a selection. */
    public String selectedKey() {
        LicenseRow row = selectedLicense.get();
        return row == null ? "" : row.getKey();
    }

    public ObservableList<LicenseRow> rows() {
        return rowsView;
    }

    /** Input: the license row selected in the table. */
    public ObjectProperty<LicenseRow> selectedLicenseProperty() {
        return selectedLicense;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The reason the last load failed, in words, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the table says when it has no rows and nothing is loading or failed (e.g. "select a customer"). */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public BooleanBinding hasSelectionProperty() {
        return hasSelection;
    }

    /** True when a license without activation date is selected. */
    public BooleanBinding canActivateProperty() {
        return canActivate;
    }

    /** How many shown licenses have each status, in {@link #PILL_ORDER}, statuses with none left out. */
    public ObjectBinding<Map<LicenseStatus, Integer>> statusCountsProperty() {
        return statusCounts;
    }

    /** E.g. "12 active · 3 expiring · 5 not activated"; "" without rows. */
    public StringBinding statusSummaryProperty() {
        return statusSummary;
    }

    /** The text of one status pill, e.g. "12 active". */
    public static String countText(LicenseStatus status, int count) {
        return I18n.t("license.statusCount." + status.name(), count);
    }

    private Map<LicenseStatus, Integer> countByStatus() {
        Map<LicenseStatus, Integer> counts = new EnumMap<>(LicenseStatus.class);
        for (LicenseRow row : rows) {
            if (row.getStatus() != null) {
                counts.merge(row.getStatus(), 1, Integer::sum);
            }
        }
        Map<LicenseStatus, Integer> ordered = new LinkedHashMap<>();
        PILL_ORDER.forEach(status -> {
            if (counts.containsKey(status)) {
                ordered.put(status, counts.get(status));
            }
        });
        return Collections.unmodifiableMap(ordered);
    }

    private String summary() {
        List<String> parts = new ArrayList<>();
        statusCounts.get().forEach((status, count) -> parts.add(countText(status, count)));
        return String.join(I18n.t("license.statusCount.separator"), parts);
    }
}
