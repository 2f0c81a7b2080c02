package app.licensedesk.ui.shared;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A hand-written service for the Customers and Controllers view-model tests: canned answers, counted calls. */
public final class CannedLicenseDeskService implements LicenseDeskService {

    public final List<Customer> customers = new ArrayList<>();
    public final List<Controller> controllers = new ArrayList<>();
    public final Map<String, List<License>> licensesByCustomerUuid = new HashMap<>();
    public final Map<String, List<License>> licensesByNodeId = new HashMap<>();
    /** Thrown instead of answering, by customer UUID or nodeId. */
    public final Map<String, RuntimeException> failures = new HashMap<>();
    public RuntimeException customersFailure;
    /** The customers whose controllers could not be loaded, and why. */
    public final Map<Customer, RuntimeException> controllerFailures = new LinkedHashMap<>();
    public int customerCalls;
    public int controllerCalls;
    public final List<String> customerLicenseCalls = new ArrayList<>();
    public final List<String> controllerLicenseCalls = new ArrayList<>();

    @Override
    public List<Customer> customers() {
        customerCalls++;
        if (customersFailure != null) {
            throw customersFailure;
        }
        return List.copyOf(customers);
    }

    @Override
    public ControllerList controllers(List<Customer> of) {
        controllerCalls++;
        return new ControllerList(controllers, controllerFailures);
    }

    @Override
    public List<License> licensesOfCustomer(Customer customer) {
        customerLicenseCalls.add(customer.uuid());
        RuntimeException failure = failures.get(customer.uuid());
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(licensesByCustomerUuid.getOrDefault(customer.uuid(), List.of()));
    }

    @Override
    public List<License> licensesOfController(String nodeId) {
        controllerLicenseCalls.add(nodeId);
        RuntimeException failure = failures.get(nodeId);
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(licensesByNodeId.getOrDefault(nodeId, List.of()));
    }

    @Override
    public void loadLicenses(List<Customer> of, CustomerLicensesListener listener, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException("not used by these pages");
    }

    @Override
    public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        throw new UnsupportedOperationException("the pages activate through the DialogService");
    }

    @Override
    public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
        throw new UnsupportedOperationException("the pages claim through the DialogService");
    }

    /** A license with only what the pages look at. */
    public static License license(String key, Instant activation, Integer months) {
        return new License("id-" + key, key, 10, 5, null, null, Instant.parse("2024-01-01T00:00:00Z"), activation,
                months, null, "commercial", List.of());
    }
}
