package app.licensedesk.ui.licenses;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A hand-written LicenseDeskService for the Licenses page tests: answers per customer what the test sets. */
final class FakeLicenseDeskService implements LicenseDeskService {

    List<Customer> customers = new ArrayList<>();
    RuntimeException customersFailure;
    /** Thrown by loadLicenses itself, as a whole. */
    RuntimeException loadFailure;
    final Map<Long, List<License>> licenses = new LinkedHashMap<>();
    final Map<Long, RuntimeException> failures = new LinkedHashMap<>();
    /** Called after each customer's answer went to the listener, with that customer. */
    Consumer<Customer> afterEach = c -> { };
    /** Answer the customers last to first, as concurrent answers may arrive. */
    boolean answerInReverse;
    int loadCalls;
    int customersCalls;
    final List<String> requested = new ArrayList<>();

    @Override
    public List<Customer> customers() {
        customersCalls++;
        if (customersFailure != null) {
            throw customersFailure;
        }
        return customers;
    }

    @Override
    public ControllerList controllers(List<Customer> of) {
        return ControllerList.of(List.of());
    }

    @Override
    public List<License> licensesOfCustomer(Customer customer) {
        throw new AssertionError("the Licenses page loads through loadLicenses");
    }

    @Override
    public List<License> licensesOfController(String nodeId) {
        throw new AssertionError("not used");
    }

    @Override
    public void loadLicenses(List<Customer> of, CustomerLicensesListener listener, BooleanSupplier cancelled) {
        loadCalls++;
        if (loadFailure != null) {
            throw loadFailure;
        }
        List<Customer> order = new ArrayList<>(of);
        if (answerInReverse) {
            Collections.reverse(order);
        }
        for (Customer customer : order) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            requested.add(customer.name());
            RuntimeException failure = failures.get(customer.id());
            if (failure != null) {
                listener.failed(customer, failure);
            } else {
                listener.loaded(customer, licenses.getOrDefault(customer.id(), List.of()));
            }
            afterEach.accept(customer);
        }
    }

    @Override
    public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        throw new AssertionError("the page opens dialogs, it does not activate");
    }

    @Override
    public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
        throw new AssertionError("the page opens dialogs, it does not claim");
    }

    static License license(String key, String type, Instant activation) {
        return new License("id-" + key, key, 10, 8, 5, null, Instant.parse("2025-01-05T09:00:00Z"), activation, 12,
                null, type, List.of());
    }
}
