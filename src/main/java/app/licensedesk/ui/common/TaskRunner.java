package app.licensedesk.ui.common;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.service.Failure;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to run work off the JavaFX thread: the work runs on the background executor, its result or
 * failure (and any progress it publishes) comes back on the FX executor. A failure that says the session has
 * ended goes to the {@link Reauthenticator} first, which can ask for the password and run the work again, so
 * nothing the user was doing is lost. Tests build it with inline executors and need no sleeps.
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** Work that can publish progress updates while it runs. */
    @FunctionalInterface
    public interface ProgressWork<T, U> {
        T call(Consumer<U> publish) throws Exception;
    }

    /** Asked, on the FX thread, to bring a signed-out session back; calls exactly one of the two runnables. */
    @FunctionalInterface
    public interface Reauthenticator {
        void reauthenticate(Runnable retry, Runnable giveUp);
    }

    private final Executor background;
    private final Executor fx;
    private final ObservableList<String> running = FXCollections.observableArrayList();
    private final ObservableList<String> runningView = FXCollections.unmodifiableObservableList(running);
    private final BooleanBinding busy = Bindings.isNotEmpty(running);
    private Reauthenticator reauthenticator;

    public TaskRunner(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** A runner that does everything on the calling thread: for tests. */
    public static TaskRunner inline() {
        return new TaskRunner(Runnable::run, Runnable::run);
    }

    public void setReauthenticator(Reauthenticator reauthenticator) {
        this.reauthenticator = reauthenticator;
    }

    /** Descriptions of the tasks now running, for the status bar (changed on the FX thread only). */
    public ObservableList<String> running() {
        return runningView;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    /**
     * Runs {@code work} in the background.
     *
     * @param description what the status bar says while it runs
     */
    public <T> void run(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(description, publish -> work.call(), ignored -> { }, onSuccess, onFailure);
    }

    /** Runs {@code work} in the background; what it publishes reaches {@code onUpdate} on the FX thread. */
    public <T, U> void run(String description, ProgressWork<T, U> work, Consumer<U> onUpdate,
                           Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        running.add(description);
        background.execute(() -> {
            try {
                T result = work.call(update -> fx.execute(() -> onUpdate.accept(update)));
                fx.execute(() -> {
                    running.remove(description);
                    onSuccess.accept(result);
                });
            } catch (Throwable failure) {
                fx.execute(() -> {
                    running.remove(description);
                    fail(description, work, onUpdate, onSuccess, onFailure, failure);
                });
            }
        });
    }

    private <T, U> void fail(String description, ProgressWork<T, U> work, Consumer<U> onUpdate,
                             Consumer<T> onSuccess, Consumer<Throwable> onFailure, Throwable failure) {
        if (Failure.is(failure, ErrorKind.SIGNED_OUT) && reauthenticator != null) {
            reauthenticator.reauthenticate(
                    () -> run(description, work, onUpdate, onSuccess, onFailure),
                    () -> onFailure.accept(failure));
            return;
        }
        if (Failure.of(failure).isEmpty()) {
            LOG.error("Task failed: {}", description, failure);
        }
        onFailure.accept(failure);
    }
}
