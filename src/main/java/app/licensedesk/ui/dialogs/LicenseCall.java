package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Environment;
import app.licensedesk.model.InputRules;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the activation and claim view models share: the license key with its validation, the confirmation line
 * that only valid input gets, and the one server call with busy, the message line of the last attempt (why it
 * failed, that a lost answer is being checked, what the read-back showed) and the result. Its outcome goes to the
 * registry here, the one place the shared rows learn from an activation or a claim.
 *
 * @param <R> what a successful call returns
 */
final class LicenseCall<R> {

    private final TaskRunner tasks;
    private final LicenseRegistry registry;
    private final ErrorMessages.Action action;
    private final StringProperty key;
    private final ReadOnlyStringWrapper normalizedKey;
    private final ReadOnlyStringWrapper keyError;
    private final ReadOnlyStringWrapper confirmation;
    private final ReadOnlyBooleanWrapper invalid;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper error;
    private final ReadOnlyObjectWrapper<R> result;
    private boolean readBack;
    /** The last attempt settled the matter (applied, or unknown until reloaded): not sent again as it is. */
    private boolean settled;

    /**
     * @param bean       the view model, as the bean of the properties
     * @param action     what the call does, for {@link ErrorMessages}
     * @param initialKey the key to prefill, or null
     */
    LicenseCall(Object bean, TaskRunner tasks, LicenseRegistry registry, ErrorMessages.Action action,
                String initialKey) {
        this.tasks = tasks;
        this.registry = registry;
        this.action = action;
        key = new SimpleStringProperty(bean, "key", initialKey == null ? "" : initialKey);
        normalizedKey = new ReadOnlyStringWrapper(bean, "normalizedKey", "");
        keyError = new ReadOnlyStringWrapper(bean, "keyError", "");
        confirmation = new ReadOnlyStringWrapper(bean, "confirmation", "");
        invalid = new ReadOnlyBooleanWrapper(bean, "invalid", true);
        busy = new ReadOnlyBooleanWrapper(bean, "busy");
        error = new ReadOnlyStringWrapper(bean, "error", "");
        result = new ReadOnlyObjectWrapper<>(bean, "result");
    }

    /** The environment's name for confirmation lines: "Eniris production", "Local sandbox", ... */
    static String environmentName(Environment environment) {
        return I18n.t("dialog.env." + environment.kind().name());
    }

    /** Runs {@code recompute} whenever one of the inputs changes, and forgets what the last attempt said. */
    void recomputeOn(Runnable recompute, Observable... inputs) {
        for (Observable input : inputs) {
            input.addListener(o -> {
                // what the last attempt said is about the old input
                settled = false;
                error.set("");
                recompute.run();
            });
        }
    }

    /** Normalizes the key and puts why it cannot be sent in {@link #keyErrorProperty()}; true when it can. */
    boolean checkKey() {
        String k = InputRules.normalizeKey(key.get());
        normalizedKey.set(k);
        String keyProblem = InputRules.keyProblem(k);
        keyError.set(keyProblem == null ? "" : I18n.t(keyProblem, InputRules.MAX_KEY_LENGTH, k.length()));
        return keyProblem == null;
    }

    /** Records whether the input can be sent; only then is there a confirmation line. */
    void validated(boolean bad, Supplier<String> confirmationText) {
        invalid.set(bad || settled);
        confirmation.set(bad ? "" : confirmationText.get());
    }

    /** True when the input is valid and no call runs. */
    boolean ready() {
        return !busy.get() && !invalid.get();
    }

    /**
     * Makes the call in the background. While an answer that was lost is read back, the message line says so. The
     * outcome goes to the registry, then to {@code onOutcome} on the FX thread; a failure puts its reason in
     * {@link #errorProperty()}. Busy clears in both paths.
     *
     * @param call the service call, given what to run when the answer was lost and the read-back starts
     */
    void run(String description, Function<Runnable, LicenseOutcome> call, Consumer<LicenseOutcome> onOutcome) {
        busy.set(true);
        error.set("");
        tasks.<LicenseOutcome, String>run(description,
                publish -> call.apply(() -> publish.accept(I18n.t("outcome.checking"))),
                error::set,
                outcome -> {
                    busy.set(false);
                    registry.record(outcome);
                    onOutcome.accept(outcome);
                }, failure -> {
                    // TaskRunner has already logged a failure that is not an ApiException
                    busy.set(false);
                    error.set(ErrorMessages.describe(failure, action));
                });
    }

    /** Whether the request took effect: the server said so, or the read-back after a lost answer shows it did. */
    static boolean applied(LicenseOutcome outcome) {
        return outcome.status() == Status.DONE || outcome.status() == Status.LOST_DONE;
    }

    /** The request took effect: keeps the result and hands it on (the dialog closes with a notice). */
    void succeeded(LicenseOutcome outcome, R value, Consumer<R> onSuccess) {
        readBack = outcome.answerLost();
        result.set(value);
        onSuccess.accept(value);
    }

    /** The success notice, saying so when the answer was lost and the outcome was read back from the server. */
    String notice(String text) {
        return readBack ? text + " " + I18n.t("notice.readBack") : text;
    }

    /**
     * The request did not take effect, or nobody knows yet: the message line says what is true now. While nobody
     * knows, the same input is not sent again until it changes.
     */
    void reported(LicenseOutcome outcome, String words) {
        error.set(words);
        if (outcome.status() == Status.LOST_UNKNOWN) {
            settled = true;
            invalid.set(true);
        }
    }

    String normalizedKey() {
        return normalizedKey.get();
    }

    StringProperty keyProperty() {
        return key;
    }

    ReadOnlyStringProperty normalizedKeyProperty() {
        return normalizedKey.getReadOnlyProperty();
    }

    ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
