package app.licensedesk.ui.shared;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One license as every table shows it. There is one row object per license (see {@link LicenseRegistry}), so an
 * activation or a claim repaints every view that shows the license.
 *
 * <p>The values live in plain fields and each property is made the first time someone asks for it (a visible
 * cell, the selection, a small list's extractor): with 100,000 rows, six property objects per row would be most
 * of the page's memory, and most rows are never on screen.
 */
public final class LicenseRow {

    private License license;
    private Customer customer;
    private LicenseStatus status;
    private Instant end;
    private List<String> controllers = List.of();
    private String controller = "";
    /** The key in lower case (Locale.ROOT), computed when the key changes: the page's search reads it. */
    private String searchKey = "";

    private ReadOnlyObjectWrapper<License> licenseProperty;
    private ReadOnlyObjectWrapper<Customer> customerProperty;
    private ReadOnlyObjectWrapper<LicenseStatus> statusProperty;
    private ReadOnlyObjectWrapper<Instant> endProperty;
    private ReadOnlyObjectWrapper<List<String>> controllersProperty;
    private ReadOnlyStringWrapper controllerProperty;

    /** Merges what an answer says into the row: what the answer does not carry keeps its value. */
    void update(License answer, Customer newCustomer, LicenseTerms terms, Instant now) {
        License known = license;
        setLicense(known == null ? answer : known.mergedWith(answer));
        if (newCustomer != null) {
            customer = newCustomer;
            if (customerProperty != null) {
                customerProperty.set(newCustomer);
            }
        }
        recompute(terms, now);
    }

    private void setLicense(License value) {
        String oldKey = license == null ? null : license.key();
        license = value;
        if (!Objects.equals(oldKey, value.key())) {
            searchKey = getKey().toLowerCase(Locale.ROOT);
        }
        if (licenseProperty != null) {
            licenseProperty.set(value);
        }
    }

    void recompute(LicenseTerms terms, Instant now) {
        end = terms.end(license);
        if (endProperty != null) {
            endProperty.set(end);
        }
        status = terms.status(license, now);
        if (statusProperty != null) {
            statusProperty.set(status);
        }
    }

    /**
     * The license was seen under this controller (listed by it, or claimed to it).
     *
     * @return whether that is news
     */
    boolean seenUnder(String nodeId) {
        if (nodeId == null || nodeId.isEmpty() || controllers.contains(nodeId)) {
            return false;
        }
        List<String> more = new ArrayList<>(controllers);
        more.add(nodeId);
        controllers = List.copyOf(more);
        if (controllersProperty != null) {
            controllersProperty.set(controllers);
        }
        controller = String.join(", ", more);
        if (controllerProperty != null) {
            controllerProperty.set(controller);
        }
        return true;
    }

    public License getLicense() {
        return license;
    }

    public ReadOnlyObjectProperty<License> licenseProperty() {
        if (licenseProperty == null) {
            licenseProperty = new ReadOnlyObjectWrapper<>(this, "license", license);
        }
        return licenseProperty.getReadOnlyProperty();
    }

    public Customer getCustomer() {
        return customer;
    }

    public ReadOnlyObjectProperty<Customer> customerProperty() {
        if (customerProperty == null) {
            customerProperty = new ReadOnlyObjectWrapper<>(this, "customer", customer);
        }
        return customerProperty.getReadOnlyProperty();
    }

    public LicenseStatus getStatus() {
        return status;
    }

    public ReadOnlyObjectProperty<LicenseStatus> statusProperty() {
        if (statusProperty == null) {
            statusProperty = new ReadOnlyObjectWrapper<>(this, "status", status);
        }
        return statusProperty.getReadOnlyProperty();
    }

    public Instant getEnd() {
        return end;
    }

    public ReadOnlyObjectProperty<Instant> endProperty() {
        if (endProperty == null) {
            endProperty = new ReadOnlyObjectWrapper<>(this, "end", end);
        }
        return endProperty.getReadOnlyProperty();
    }

    /** The nodeIds of the controllers the license was seen under in this session, in the order learnt. */
    public List<String> getControllers() {
        return controllers;
    }

    public ReadOnlyObjectProperty<List<String>> controllersProperty() {
        if (controllersProperty == null) {
            controllersProperty = new ReadOnlyObjectWrapper<>(this, "controllers", controllers);
        }
        return controllersProperty.getReadOnlyProperty();
    }

    /** The controllers the license was seen under, joined for display, or "". */
    public String getController() {
        return controller;
    }

    public ReadOnlyStringProperty controllerProperty() {
        if (controllerProperty == null) {
            controllerProperty = new ReadOnlyStringWrapper(this, "controller", controller);
        }
        return controllerProperty.getReadOnlyProperty();
    }

    /** The license key, or "". */
    public String getKey() {
        String key = license.key();
        return key == null ? "" : key;
    }

    /** The key in lower case ({@link Locale#ROOT}), or "": what a key search compares with. */
    public String searchKey() {
        return searchKey;
    }
}
