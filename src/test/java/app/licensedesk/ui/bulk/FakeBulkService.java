package app.licensedesk.ui.bulk;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.service.ClaimResult;
import app.licensedesk.service.LicenseDeskService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** A small estate in memory for the bulk page's tests: one customer, two controllers, licenses claimed once. */
final class FakeBulkService implements LicenseDeskService {

    static final Customer CUSTOMER = new Customer(1, "aaaa1111-0000-4000-8000-000000000001", "Acme Energy");
    static final Controller NORTH = new Controller(11, "SGC-NORTH", "North", "smartgridControllerSite", CUSTOMER,
            null);
    static final Controller SOUTH = new Controller(12, "SGC-SOUTH", "South", "smartgridControllerSite", CUSTOMER,
            null);

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
    public List<Controller> controllers(List<Customer> of) {
        return List.of(NORTH, SOUTH);
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

    @Override
    public License activate(String key, Instant at) {
        synchronized (this) {
            if (activated.get(key) != null) {
                throw new ApiException(ApiException.Kind.VALIDATION, 400, "Bad Request", "already activated", null,
                        null);
            }
            activated.put(key, at == null ? Instant.parse("2026-12-01T00:00:00Z") : at);
            return license(key, List.of());
        }
    }

    @Override
    public ClaimResult claim(String licenseKey, String nodeId) {
        int n;
        synchronized (this) {
            ApiException failure = failNextClaim;
            if (failure != null) {
                failNextClaim = null;
                throw failure;
            }
            if (!claimedTo.containsKey(licenseKey)) {
                throw new ApiException(ApiException.Kind.NOT_FOUND, 404, "Not Found", "no such license", null, null);
            }
            if (claimedTo.get(licenseKey) != null) {
                throw new ApiException(ApiException.Kind.VALIDATION, 400, "Bad Request", "already claimed", null,
                        null);
            }
            claimedTo.put(licenseKey, nodeId);
            claims.merge(licenseKey, 1, Integer::sum);
            n = ++claimCount;
        }
        onClaim.accept(n);
        return new ClaimResult("id-" + licenseKey, licenseKey, nodeId);
    }

    @Override
    public Optional<String> knownController(String licenseKey) {
        return Optional.empty();
    }
}
