package app.licensedesk.ui.expiring;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Answers each customer with what the test put in. */
final class EstateService implements LicenseDeskService {

    /** A license of 12 months that ends at {@code end}. */
    static License license(String key, String type, String end, Integer grid, Integer solar, Integer battery,
                           Integer ev) {
        Instant ends = Instant.parse(end);
        Instant activated = ends.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        return new License("id-" + key, key, grid, solar, battery, ev, activated.minusSeconds(86_400), activated, 12,
                null, type, List.of());
    }

    final Map<Customer, List<License>> licenses = new LinkedHashMap<>();
    final Map<Customer, RuntimeException> failures = new LinkedHashMap<>();
    int loadCalls;

    @Override
    public List<Customer> customers() {
        return List.copyOf(licenses.keySet());
    }

    @Override
    public ControllerList controllers(List<Customer> customers) {
        return ControllerList.of(List.of());
    }

    @Override
    public List<License> licensesOfCustomer(Customer customer) {
        throw new AssertionError("the page loads through loadLicenses");
    }

    @Override
    public List<License> licensesOfController(String nodeId) {
        throw new AssertionError("not used");
    }

    @Override
    public void loadLicenses(List<Customer> customers, CustomerLicensesListener listener,
                             BooleanSupplier cancelled) {
        loadCalls++;
        for (Customer customer : customers) {
            if (failures.containsKey(customer)) {
                listener.failed(customer, failures.get(customer));
            } else {
                listener.loaded(customer, licenses.get(customer));
            }
        }
    }

    @Override
    public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        throw new AssertionError("not used");
    }

    @Override
    public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
        throw new AssertionError("not used");
    }
}
