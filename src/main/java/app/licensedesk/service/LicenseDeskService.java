package app.licensedesk.service;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the screens ask of the Eniris API. Blocking: call it off the JavaFX thread (through the TaskRunner).
 * Every method throws {@link app.licensedesk.api.ApiException} on failure; SIGNED_OUT means the session must be
 * renewed with the password before trying again.
 */
public interface LicenseDeskService {

    /** The companies linked to the user, sorted by name. */
    List<Customer> customers();

    /**
     * The controllers of the given customers (one device query per company, bounded concurrency), sorted by
     * name, each with its customer set. A company that answers 403 contributes nothing.
     */
    List<Controller> controllers(List<Customer> customers);

    /** The licenses of one customer, with their datalinks. */
    List<License> licensesOfCustomer(Customer customer);

    /** The licenses claimed to one controller. */
    List<License> licensesOfController(String nodeId);

    /**
     * Loads the licenses of many customers concurrently (bounded), telling the listener about each customer as
     * its answer arrives (on a background thread). Stops starting new requests when {@code cancelled} says so.
     */
    void loadLicenses(List<Customer> customers, CustomerLicensesListener listener, BooleanSupplier cancelled);

    /** Listener for {@link #loadLicenses}. Exactly one of the two methods is called per customer. */
    interface CustomerLicensesListener {
        void loaded(Customer customer, List<License> licenses);

        void failed(Customer customer, RuntimeException error);
    }

    /**
     * Activates a license now ({@code at == null}) or at the given instant.
     *
     * @return the license as the server describes it after activation
     */
    License activate(String key, Instant at);

    /** Links a license to a controller. */
    ClaimResult claim(String licenseKey, String nodeId);

    /**
     * The controller a license key is known to be claimed to, learnt from earlier controller look-ups and claims
     * in this session (the API cannot look a license up by key).
     */
    Optional<String> knownController(String licenseKey);
}
