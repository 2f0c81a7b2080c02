package app.licensedesk.ui.assign;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Action;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.ui.shared.CannedLicenseDeskService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The workspace's service for view-model tests: reads come from a {@link CannedLicenseDeskService}; claims and
 * activations answer as the test scripts them (done by default, refused, failed, or with the answer lost) and are
 * recorded in the order they were sent.
 */
final class ScriptedService implements LicenseDeskService {

    static final Instant SERVER_NOW = Instant.parse("2025-06-01T10:00:00Z");

    final CannedLicenseDeskService reads = new CannedLicenseDeskService();
    /** "claim KEY NODEID" and "activate KEY AT|now", in the order sent. */
    final List<String> sent = new ArrayList<>();
    /** Thrown instead of claiming, by key. */
    final Map<String, RuntimeException> claimFailures = new HashMap<>();
    /** Thrown instead of activating, by key. */
    final Map<String, RuntimeException> activateFailures = new HashMap<>();
    /** Keys whose claim is applied but whose answer is lost; the read-back shows it claimed. */
    final Set<String> claimsLostButDone = new HashSet<>();
    /** Keys whose claim answer is lost and cannot be read back. */
    final Set<String> claimsLostUnknown = new HashSet<>();
    /** Keys whose activation is applied but whose answer is lost; the read-back shows it activated. */
    final Set<String> activationsLostButDone = new HashSet<>();
    /** The contexts the POSTs were given, by key: where the service would read back from. */
    final Map<String, LicenseContext> contexts = new HashMap<>();

    @Override
    public List<Customer> customers() {
        return reads.customers();
    }

    @Override
    public ControllerList controllers(List<Customer> of) {
        return reads.controllers(of);
    }

    @Override
    public List<License> licensesOfCustomer(Customer customer) {
        return reads.licensesOfCustomer(customer);
    }

    @Override
    public List<License> licensesOfController(String nodeId) {
        return reads.licensesOfController(nodeId);
    }

    @Override
    public void loadLicenses(List<Customer> of, CustomerLicensesListener listener, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException("the workspace loads one customer at a time");
    }

    @Override
    public LicenseOutcome claim(String key, String nodeId, LicenseContext seen, Runnable checking) {
        sent.add("claim " + key + " " + nodeId);
        contexts.put(key, seen);
        RuntimeException failure = claimFailures.get(key);
        if (failure != null) {
            throw failure;
        }
        Failure lost = Failure.of(new ApiException(ErrorKind.TIMEOUT, "no answer", null)).orElseThrow();
        if (claimsLostButDone.contains(key)) {
            checking.run();
            return new LicenseOutcome(Action.CLAIM, Status.LOST_DONE, key, nodeId, License.ofKey(key), nodeId, lost);
        }
        if (claimsLostUnknown.contains(key)) {
            checking.run();
            return new LicenseOutcome(Action.CLAIM, Status.LOST_UNKNOWN, key, nodeId, null, null, lost);
        }
        License claimed = new License("id-" + key, key, null, null, null, null, null, null, null, null, null,
                List.of(), EnumSet.of(License.Field.ID, License.Field.KEY));
        return new LicenseOutcome(Action.CLAIM, Status.DONE, key, nodeId, claimed, nodeId, null);
    }

    @Override
    public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        sent.add("activate " + key + " " + (at == null ? "now" : at.toString()));
        RuntimeException failure = activateFailures.get(key);
        if (failure != null) {
            throw failure;
        }
        License activated = new License(null, key, null, null, null, null, null, at == null ? SERVER_NOW : at, null,
                null, null, List.of(), EnumSet.of(License.Field.KEY, License.Field.ACTIVATION_DATE));
        if (activationsLostButDone.contains(key)) {
            checking.run();
            Failure lost = Failure.of(new ApiException(ErrorKind.NETWORK, "connection reset", null)).orElseThrow();
            return new LicenseOutcome(Action.ACTIVATE, Status.LOST_DONE, key, null, activated, null, lost);
        }
        return new LicenseOutcome(Action.ACTIVATE, Status.DONE, key, null, activated, null, null);
    }

    static Controller controller(long id, String nodeId, String name, Customer... owners) {
        return new Controller(id, nodeId, name, "smartgridControllerSite", List.of(owners),
                Instant.parse("2025-05-30T08:00:00Z"));
    }

    /** A license of a type, created on the given day, neither activated nor linked. */
    static License license(String key, String type, String created) {
        return new License("id-" + key, key, 10, 5, null, null, Instant.parse(created + "T09:00:00Z"), null, 12,
                null, type, List.of());
    }
}
