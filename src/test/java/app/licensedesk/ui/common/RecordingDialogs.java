package app.licensedesk.ui.common;

import app.licensedesk.model.Controller;
import app.licensedesk.model.License;
import app.licensedesk.service.ClaimResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A DialogService for view-model tests: records what was opened and answers with what the test set. */
public final class RecordingDialogs implements DialogService {

    public final List<String> errorHeaders = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    /** The answer to {@link #confirm}. */
    public boolean confirmAnswer;
    public final List<String> activated = new ArrayList<>();
    public final List<String> claimKeys = new ArrayList<>();
    public final List<Controller> claimControllers = new ArrayList<>();
    public License activationResult;
    /** Runs when the claim dialog "succeeds", like the real dialog's server call; may be null. */
    public Supplier<ClaimResult> claimResult;

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
        return Optional.ofNullable(activationResult);
    }

    @Override
    public Optional<ClaimResult> claim(String key, Controller controller) {
        claimKeys.add(key);
        claimControllers.add(controller);
        return claimResult == null ? Optional.empty() : Optional.of(claimResult.get());
    }
}
