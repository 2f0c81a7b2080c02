package app.licensedesk.ui.shared;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One license as every table shows it. There is one row object per license (see {@link LicenseRegistry}), so an
 * activation or a claim repaints every view that shows the license.
 */
public final class LicenseRow {

    private final ReadOnlyObjectWrapper<License> license = new ReadOnlyObjectWrapper<>(this, "license");
    private final ReadOnlyObjectWrapper<Customer> customer = new ReadOnlyObjectWrapper<>(this, "customer");
    private final ReadOnlyObjectWrapper<LicenseStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<Instant> end = new ReadOnlyObjectWrapper<>(this, "end");
    private final ReadOnlyObjectWrapper<List<String>> controllers =
            new ReadOnlyObjectWrapper<>(this, "controllers", List.of());
    private final ReadOnlyStringWrapper controller = new ReadOnlyStringWrapper(this, "controller", "");

    /** Merges what an answer says into the row: what the answer does not carry keeps its value. */
    void update(License answer, Customer newCustomer, LicenseTerms terms, Instant now) {
        License known = license.get();
        license.set(known == null ? answer : known.mergedWith(answer));
        if (newCustomer != null) {
            customer.set(newCustomer);
        }
        recompute(terms, now);
    }

    void recompute(LicenseTerms terms, Instant now) {
        License current = license.get();
        end.set(terms.end(current));
        status.set(terms.status(current, now));
    }

    /**
     * The license was seen under this controller (listed by it, or claimed to it).
     *
     * @return whether that is news
     */
    boolean seenUnder(String nodeId) {
        if (nodeId == null || nodeId.isEmpty() || controllers.get().contains(nodeId)) {
            return false;
        }
        List<String> more = new ArrayList<>(controllers.get());
        more.add(nodeId);
        controllers.set(List.copyOf(more));
        controller.set(String.join(", ", more));
        return true;
    }

    public License getLicense() {
        return license.get();
    }

    public ReadOnlyObjectProperty<License> licenseProperty() {
        return license.getReadOnlyProperty();
    }

    public Customer getCustomer() {
        return customer.get();
    }

    public ReadOnlyObjectProperty<Customer> customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public LicenseStatus getStatus() {
        return status.get();
    }

    public ReadOnlyObjectProperty<LicenseStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Instant getEnd() {
        return end.get();
    }

    public ReadOnlyObjectProperty<Instant> endProperty() {
        return end.getReadOnlyProperty();
    }

    /** The nodeIds of the controllers the license was seen under in this session, in the order learnt. */
    public List<String> getControllers() {
        return controllers.get();
    }

    public ReadOnlyObjectProperty<List<String>> controllersProperty() {
        return controllers.getReadOnlyProperty();
    }

    /** The controllers the license was seen under, joined for display, or "". */
    public String getController() {
        return controller.get();
    }

    public ReadOnlyStringProperty controllerProperty() {
        return controller.getReadOnlyProperty();
    }

    /** The license key, or "". */
    public String getKey() {
        String key = license.get().key();
        return key == null ? "" : key;
    }
}
