package app.licensedesk.ui.assign;

import app.licensedesk.model.Controller;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.ui.dialogs.ClaimViewModel;
import app.licensedesk.ui.shared.LicenseRow;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One controller of the workspace's customer with the licenses it already has, as far as they are loaded. */
public final class ControllerItem {

    private final Controller controller;
    // the extractor turns an activation of a listed license into a list change, so suggestions follow it
    private final ObservableList<LicenseRow> licenses =
            FXCollections.observableArrayList(row -> new Observable[] {row.statusProperty()});
    private final ObservableList<LicenseRow> licensesView = FXCollections.unmodifiableObservableList(licenses);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    ControllerItem(Controller controller) {
        this.controller = controller;
    }

    public Controller controller() {
        return controller;
    }

    public String nodeId() {
        return controller.nodeId();
    }

    /** "Site A (SGC-0001-KPWQ)": the controller as people know it. */
    public String label() {
        return ClaimViewModel.label(controller);
    }

    /** The licenses claimed to it: those its license list gave, and those claimed to it since. */
    public ObservableList<LicenseRow> licenses() {
        return licensesView;
    }

    /** True until its license list has answered or failed. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why its license list could not be loaded, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether what it has is known: its license list answered. */
    boolean known() {
        return !loading.get() && error.get().isEmpty();
    }

    void loaded(List<LicenseRow> rows) {
        rows.stream().filter(r -> !licenses.contains(r)).forEach(licenses::add);
        loading.set(false);
        error.set("");
    }

    void failed(String why) {
        loading.set(false);
        error.set(why);
    }

    /** A license was claimed to it (here or anywhere else in the app): listed first, so its cell shows it. */
    void linked(LicenseRow row) {
        if (!licenses.contains(row)) {
            licenses.add(loading.get() ? licenses.size() : 0, row);
        }
    }

    /** Whether it has a license of this type that still counts: not expired, not deactivated. */
    boolean hasLiveLicenseOf(String type) {
        return licenses.stream().anyMatch(row -> Objects.equals(row.getLicense().type(), type)
                && row.getStatus() != LicenseStatus.EXPIRED && row.getStatus() != LicenseStatus.DEACTIVATED);
    }
}
