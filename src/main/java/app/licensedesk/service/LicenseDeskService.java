package app.licensedesk.service;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import java.time.Instant;
import java.util.List;
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
     * name, each once with every company it was seen under. A company that answers 403 contributes nothing; one
     * whose query fails otherwise is named in the list's failures and the others are still listed.
     *
     * @throws app.licensedesk.api.ApiException SIGNED_OUT when the session ended (after the password the whole
     *                                          list is asked for again)
     */
    ControllerList controllers(List<Customer> customers);

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
     * Activates a license now ({@code at == null}) or at the given instant. When the server refuses (400) or its
     * answer is lost (timeout, broken connection, unreadable answer), the license is read back, never sent again:
     * from its customer's licenses when {@code seen} names the customer, else from a controller it was seen under.
     *
     * @param checking called (in the background) when the answer was lost, before the read-back starts
     * @return what is true now
     * @throws app.licensedesk.api.ApiException when the server said why it did not activate (403, 404, ...), or
     *                                          the request never reached it
     */
    LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking);

    /**
     * Links a license to a controller. When the server refuses (400) or its answer is lost, the controller's
     * licenses are read back (and on a refusal those of the other controllers {@code seen} names), never sent
     * again.
     *
     * @param checking called (in the background) when the answer was lost, before the read-back starts
     * @return what is true now
     * @throws app.licensedesk.api.ApiException when the server said why it did not claim (403, 404, ...), or the
     *                                          request never reached it
     */
    LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking);

    /**
     * Where a license is now, from the lists {@code seen} names: its customer's licenses first, then each
     * controller's, until one holds the key; nothing is sent. The one read-back rule: {@link #activate} and
     * {@link #claim} use it after a lost or refused request, the bulk engine when its journal says a request was
     * being sent. A list that cannot be read (any failure, even a session that ended) only counts as not read.
     */
    default ReadBack readBack(String key, LicenseContext seen) {
        return ReadBack.of(this, key, seen);
    }
}
