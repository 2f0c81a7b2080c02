package app.licensedesk.ui.bulk;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A small estate in memory for the bulk page's tests: one customer, two controllers, licenses claimed once. Like
 * the real service, a refused claim or activation is read back (already so, or refused).
 */
final class FakeBulkService implements LicenseDeskService {

    static final Customer CUSTOMER = new Customer(1, "aaaa1111-0000-4000-8000-000000000001", "Acme Energy");
    static final Controller NORTH = new Controller(11, "SGC-NORTH", "North", "smartgridControllerSite",
            List.of(CUSTOMER), null);
    static final Controller SOUTH = new Controller(12, "SGC-SOUTH", "South", "smartgridControllerSite",
            List.of(CUSTOMER), null);

    /** key -> nodeId (null: not claimed) and activation date. */
    private final Map<String, String> claimedTo = new LinkedHashMap<>();
    private final Map<String, Instant> activated = new LinkedHashMap<>();
    private final Map<String, Integer> claims = new LinkedHashMap<>();
    /** Told the number of each claim as it is applied, on the run's thread. */
    volatile IntConsumer onClaim = n -> { };
    /** Thrown instead of the next claim (then cleared). */
    volatile ApiException failNextClaim;
    private int claimCount;

    FakeBulkService(String... keys) {
        for (String key : keys) {
            claimedTo.put(key, null);
        }
    }

    static ApiException signedOut() {
        return new ApiException(ErrorKind.SIGNED_OUT, "session ended", null);
    }

    synchronized void claimedAlready(String key, String nodeId) {
        claimedTo.put(key, nodeId);
    }

    synchronized int claims(String key) {
        return claims.getOrDefault(key, 0);
    }

    synchronized int claimCount() {
        return claimCount;
    }

    @Override
    public List<Customer> customers() {
        return List.of(CUSTOMER);
    }

    @Override
    public ControllerList controllers(List<Customer> of) {
        return ControllerList.of(List.of(NORTH, SOUTH));
    }

    @Override
    public synchronized List<License> licensesOfCustomer(Customer customer) {
        List<License> out = new ArrayList<>();
        claimedTo.forEach((key, node) -> out.add(license(key, node == null ? List.of() : List.of("dl-" + key))));
        return out;
    }

    @Override
    public synchronized List<License> licensesOfController(String nodeId) {
        List<License> out = new ArrayList<>();
        claimedTo.forEach((key, node) -> {
            if (nodeId.equals(node)) {
                out.add(license(key, List.of()));
            }
        });
        return out;
    }

    private License license(String key, List<String> datalinks) {
        return new License("id-" + key, key, null, null, null, null, null, activated.get(key), 12, null,
                "commercial", datalinks);
    }

    @Override
    public void loadLicenses(List<Customer> of, CustomerLicensesListener listener, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException("the bulk engine reads customers one by one");
    }

    private static Failure refusal(String message) {
        return Failure.of(new ApiException(ErrorKind.VALIDATION, 400, "Bad Request", message, null, null))
                .orElseThrow();
    }

    @Override
    public synchronized LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        if (activated.get(key) != null) {
            return new LicenseOutcome(Action.ACTIVATE, Status.ALREADY, key, null, license(key, List.of()), null,
                    refusal("already activated"));
        }
        activated.put(key, at == null ? Instant.parse("2026-12-01T00:00:00Z") : at);
        return new LicenseOutcome(Action.ACTIVATE, Status.DONE, key, null, license(key, List.of()), null, null);
    }

    @Override
    public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
        int n;
        synchronized (this) {
            ApiException failure = failNextClaim;
            if (failure != null) {
                failNextClaim = null;
                throw failure;
            }
            if (!claimedTo.containsKey(licenseKey)) {
                throw new ApiException(ErrorKind.NOT_FOUND, 404, "Not Found", "no such license", null, null);
            }
            String owner = claimedTo.get(licenseKey);
            if (owner != null) {
                Status status = owner.equals(nodeId) ? Status.ALREADY : Status.REFUSED;
                return new LicenseOutcome(Action.CLAIM, status, licenseKey, nodeId, license(licenseKey, List.of()),
                        status == Status.ALREADY ? owner : null, refusal("already claimed"));
            }
            claimedTo.put(licenseKey, nodeId);
            claims.merge(licenseKey, 1, Integer::sum);
            n = ++claimCount;
        }
        onClaim.accept(n);
        return new LicenseOutcome(Action.CLAIM, Status.DONE, licenseKey, nodeId, license(licenseKey, List.of()),
                nodeId, null);
    }
}
