package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.service.ClaimResult;
import app.licensedesk.service.LicenseDeskService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/** A hand-written LicenseDeskService for the dialog view-model tests: answers what the test sets. */
class FakeDialogService implements LicenseDeskService {

    List<Customer> customers = List.of();
    List<Controller> controllers = List.of();
    BiFunction<String, Instant, License> onActivate = (key, at) -> {
        throw new AssertionError("activate not expected");
    };
    BiFunction<String, String, ClaimResult> onClaim = (key, nodeId) -> {
        throw new AssertionError("claim not expected");
    };
    final Map<String, String> known = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public List<Customer> customers() {
        calls.add("customers");
        return customers;
    }

    @Override
    public List<Controller> controllers(List<Customer> of) {
        calls.add("controllers");
        return controllers;
    }

    @Override
    public List<License> licensesOfCustomer(Customer customer) {
        throw new AssertionError("not used by the dialogs");
    }

    @Override
    public List<License> licensesOfController(String nodeId) {
        throw new AssertionError("not used by the dialogs");
    }

    @Override
    public void loadLicenses(List<Customer> of, CustomerLicensesListener listener, BooleanSupplier cancelled) {
        throw new AssertionError("not used by the dialogs");
    }

    @Override
    public License activate(String key, Instant at) {
        calls.add("activate " + key + " " + at);
        return onActivate.apply(key, at);
    }

    @Override
    public ClaimResult claim(String licenseKey, String nodeId) {
        calls.add("claim " + licenseKey + " " + nodeId);
        return onClaim.apply(licenseKey, nodeId);
    }

    @Override
    public Optional<String> knownController(String licenseKey) {
        return Optional.ofNullable(known.get(licenseKey));
    }

    static License license(String key, Instant activation) {
        return new License("id-" + key, key, 10, 8, 5, null, Instant.parse("2026-01-05T09:00:00Z"), activation, 12,
                null, "residential", List.of());
    }
}
