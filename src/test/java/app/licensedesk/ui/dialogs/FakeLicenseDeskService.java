package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.Claim;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Action;
import app.licensedesk.service.LicenseOutcome.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/** A hand-written LicenseDeskService for the dialog view-model tests: answers what the test sets. */
class FakeLicenseDeskService implements LicenseDeskService {

    List<Customer> customers = List.of();
    List<Controller> controllers = List.of();
    BiFunction<String, Instant, License> onActivate = (key, at) -> {
        throw new AssertionError("activate not expected");
    };
    BiFunction<String, String, Claim> onClaim = (key, nodeId) -> {
        throw new AssertionError("claim not expected");
    };
    /** When set, what activate returns instead of a success with {@link #onActivate}'s license. */
    LicenseOutcome activateOutcome;
    /** When set, what claim returns instead of a success with {@link #onClaim}'s result. */
    LicenseOutcome claimOutcome;
    /** Runs while a lost answer is being read back. */
    Runnable duringCheck = () -> { };
    final List<LicenseContext> contexts = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public List<Customer> customers() {
        calls.add("customers");
        return customers;
    }

    @Override
    public ControllerList controllers(List<Customer> of) {
        calls.add("controllers");
        return ControllerList.of(controllers);
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
    public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        calls.add("activate " + key + " " + at);
        contexts.add(seen);
        if (activateOutcome != null) {
            return answer(activateOutcome, checking);
        }
        License license = onActivate.apply(key, at);
        return new LicenseOutcome(Action.ACTIVATE, Status.DONE, key, null, license, null, null);
    }

    @Override
    public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
        calls.add("claim " + licenseKey + " " + nodeId);
        contexts.add(seen);
        if (claimOutcome != null) {
            return answer(claimOutcome, checking);
        }
        Claim claimed = onClaim.apply(licenseKey, nodeId);
        License license = new License(claimed.licenseId(), claimed.key(), null, null, null, null, null, null, null,
                null, null, List.of(), EnumSet.of(License.Field.ID, License.Field.KEY));
        return new LicenseOutcome(Action.CLAIM, Status.DONE, claimed.key(), nodeId, license, claimed.nodeId(), null);
    }

    /** Like the real service: a lost answer is announced before the read-back. */
    private LicenseOutcome answer(LicenseOutcome outcome, Runnable checking) {
        if (outcome.answerLost()) {
            checking.run();
            duringCheck.run();
        }
        return outcome;
    }

    static License license(String key, Instant activation) {
        return new License("id-" + key, key, 10, 8, 5, null, Instant.parse("2026-01-05T09:00:00Z"), activation, 12,
                null, "residential", List.of());
    }
}
