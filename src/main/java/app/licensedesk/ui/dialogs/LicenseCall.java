package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Environment;
import app.licensedesk.model.InputRules;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
 * that only valid input gets, and the one server call with busy, the reason the last attempt failed and the result.
 *
 * @param <R> what a successful call returns
 */
final class LicenseCall<R> {

    private final TaskRunner tasks;
    private final ErrorMessages.Action action;
    private final StringProperty key;
    private final ReadOnlyStringWrapper normalizedKey;
    private final ReadOnlyStringWrapper keyError;
    private final ReadOnlyStringWrapper confirmation;
    private final ReadOnlyBooleanWrapper invalid;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper error;
    private final ReadOnlyObjectWrapper<R> result;

    /**
     * @param bean       the view model, as the bean of the properties
     * @param action     what the call does, for {@link ErrorMessages}
     * @param initialKey the key to prefill, or null
     */
    LicenseCall(Object bean, TaskRunner tasks, ErrorMessages.Action action, String initialKey) {
        this.tasks = tasks;
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

    /** Runs {@code recompute} whenever one of the inputs changes, and forgets why the last attempt failed. */
    void recomputeOn(Runnable recompute, Observable... inputs) {
        for (Observable input : inputs) {
            input.addListener(o -> recompute.run());
            // the reason of a failed attempt is about the old input
            input.addListener(o -> error.set(""));
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
        invalid.set(bad);
        confirmation.set(bad ? "" : confirmationText.get());
    }

    /** True when the input is valid and no call runs. */
    boolean ready() {
        return !busy.get() && !invalid.get();
    }

    /**
     * Makes the call in the background. {@code onAnswer} gets the answer on the FX thread; a failure puts its reason
     * in {@link #errorProperty()}. Busy clears in both paths.
     */
    <T> void run(String description, Callable<T> call, Consumer<T> onAnswer) {
        busy.set(true);
        error.set("");
        tasks.run(description, call, answer -> {
            busy.set(false);
            onAnswer.accept(answer);
        }, failure -> {
            // TaskRunner has already logged a failure that is not an ApiException
            busy.set(false);
            error.set(ErrorMessages.describe(failure, action));
        });
    }

    /** The call succeeded: keeps the result and hands it on. */
    void succeeded(R value, Consumer<R> onSuccess) {
        result.set(value);
        onSuccess.accept(value);
    }

    /** The server refused in a way the view model words itself. */
    void refused(String reason) {
        error.set(reason);
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
