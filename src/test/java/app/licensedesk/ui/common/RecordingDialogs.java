package app.licensedesk.ui.common;

import app.licensedesk.model.Controller;
import app.licensedesk.model.License;
import app.licensedesk.model.Claim;
import app.licensedesk.service.LicenseOutcome.Action;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.ui.shared.LicenseRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A DialogService for view-model tests: records what was opened and answers with what the test set. Like the real
 * dialogs, a success reaches the shared rows through the registry.
 */
public final class RecordingDialogs implements DialogService {

    private final LicenseRegistry registry;

    public final List<String> errorHeaders = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    /** The answer to {@link #confirm}. */
    public boolean confirmAnswer;
    public final List<String> activated = new ArrayList<>();
    public final List<String> claimKeys = new ArrayList<>();
    public final List<Controller> claimControllers = new ArrayList<>();
    public License activationResult;
    /** Runs when the claim dialog "succeeds", like the real dialog's server call; may be null. */
    public Supplier<Claim> claimResult;

    public RecordingDialogs(LicenseRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void showError(String header, Throwable error) {
        errorHeaders.add(header);
    }

    @Override
    public boolean confirm(String title, String question, String action, String keep) {
        questions.add(question);
        return confirmAnswer;
    }

    @Override
    public Optional<License> activate(String key) {
        activated.add(key);
        if (activationResult != null) {
            registry.record(new LicenseOutcome(Action.ACTIVATE, Status.DONE, key, null, activationResult, null, null));
        }
        return Optional.ofNullable(activationResult);
    }

    @Override
    public Optional<Claim> claim(String key, Controller controller) {
        claimKeys.add(key);
        claimControllers.add(controller);
        if (claimResult == null) {
            return Optional.empty();
        }
        Claim result = claimResult.get();
        registry.record(new LicenseOutcome(Action.CLAIM, Status.DONE, result.key(), result.nodeId(),
                License.ofKey(result.key()), result.nodeId(), null));
        return Optional.of(result);
    }
}
