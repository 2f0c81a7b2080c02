package app.licensedesk.ui.assign;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.ui.assign.QueuedPair.State;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.LicenseRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs queued pairs: every claim first, then the activations of the pairs that asked for one and were claimed, so a
 * failed claim never leaves an activated license behind. At most {@link Bounded#IN_FLIGHT} calls run at once. Each
 * outcome goes to the registry, the one owner of the rows, so every view shows it at once; a lost answer is read
 * back by the service, never sent again. FX thread only.
 */
final class QueueRun {

    private final LicenseDeskService service;
    private final TaskRunner tasks;
    private final LicenseRegistry registry;
    private final Clock clock;
    /** How people know a controller, from its nodeId. */
    private final Function<String, String> controllerLabel;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private int steps;
    private int stepsDone;

    QueueRun(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry, Clock clock,
             Function<String, String> controllerLabel) {
        this.service = service;
        this.tasks = tasks;
        this.registry = registry;
        this.clock = clock;
        this.controllerLabel = controllerLabel;
    }

    /** Runs these pairs (all {@link State#QUEUED}); does nothing while a run is going on. */
    void run(List<QueuedPair> pairs) {
        if (running.get() || pairs.isEmpty()) {
            return;
        }
        running.set(true);
        steps = pairs.size() + (int) pairs.stream().filter(p -> p.plan().activates()).count();
        stepsDone = 0;
        showProgress();
        Bounded.run(pairs, this::claim, () -> {
            List<QueuedPair> claimed = pairs.stream().filter(p -> p.getState() == State.CLAIMED).toList();
            Bounded.run(claimed, this::activate, () -> finish(pairs));
        });
    }

    private void claim(QueuedPair pair, Runnable ended) {
        String key = pair.key();
        String nodeId = pair.nodeId();
        LicenseContext seen = seen(pair);
        pair.moveTo(State.CLAIMING, "");
        call(I18n.t("assign.task.claim", key, pair.controller().label()), pair,
                checking -> service.claim(key, nodeId, seen, checking), outcome -> {
                    boolean claimed = outcome.status() == Status.DONE || outcome.status() == Status.LOST_DONE
                            || outcome.status() == Status.ALREADY && nodeId.equals(outcome.claimedTo());
                    String words = outcome.status() == Status.DONE
                            ? I18n.t("assign.result.claimed", pair.controller().label())
                            : ErrorMessages.describe(outcome, controllerLabel);
                    if (!claimed) {
                        fail(pair, words);
                    } else if (pair.plan().activates()) {
                        pair.moveTo(State.CLAIMED, words);
                    } else {
                        pair.moveTo(State.DONE, words);
                    }
                }, error -> fail(pair, ErrorMessages.describe(error, ErrorMessages.Action.CLAIM)), ended);
    }

    private void fail(QueuedPair pair, String words) {
        pair.moveTo(State.FAILED, words);
        if (pair.plan().activates()) {
            step(); // its activation will not be sent
        }
    }

    private void activate(QueuedPair pair, Runnable ended) {
        String key = pair.key();
        String claimed = I18n.t("assign.result.claimed", pair.controller().label());
        pair.moveTo(State.ACTIVATING, claimed);
        call(I18n.t("task.activate", key), pair,
                checking -> service.activate(key, pair.plan().at(), seen(pair), checking), outcome -> {
                    if (outcome.status() == Status.DONE || outcome.status() == Status.LOST_DONE) {
                        pair.moveTo(State.DONE, activated(pair, outcome));
                    } else {
                        pair.moveTo(State.PARTLY, I18n.t("assign.result.notActivated", pair.controller().label(),
                                ErrorMessages.describe(outcome, controllerLabel)));
                    }
                }, error -> pair.moveTo(State.PARTLY, Failure.is(error, ErrorKind.FORBIDDEN)
                        ? I18n.t("assign.result.activateForbidden")
                        : I18n.t("assign.result.notActivated", pair.controller().label(),
                        ErrorMessages.describe(error, ErrorMessages.Action.ACTIVATE))), ended);
    }

    private String activated(QueuedPair pair, LicenseOutcome outcome) {
        String label = pair.controller().label();
        if (outcome.status() == Status.LOST_DONE) {
            return I18n.t("assign.result.claimedThen", label, ErrorMessages.describe(outcome, controllerLabel));
        }
        if (outcome.activatedAt() == null) {
            return I18n.t("assign.result.activatedNoDate", label);
        }
        return I18n.t(outcome.activatedAt().isAfter(clock.instant()) ? "assign.result.scheduled"
                : "assign.result.activated", label, Formats.dateTime(outcome.activatedAt()));
    }

    /**
     * One claim or activation through the TaskRunner: while a lost answer is read back the pair says so; the outcome
     * goes to the registry before the pair hears of it. Each call is one step of the progress.
     */
    private void call(String description, QueuedPair pair, Function<Runnable, LicenseOutcome> work,
                      Consumer<LicenseOutcome> onOutcome, Consumer<Throwable> onFailure, Runnable ended) {
        tasks.<LicenseOutcome, String>run(description,
                publish -> work.apply(() -> publish.accept(I18n.t("outcome.checking"))),
                pair::say,
                outcome -> {
                    registry.record(outcome);
                    onOutcome.accept(outcome);
                    step();
                    ended.run();
                }, failure -> {
                    onFailure.accept(failure);
                    step();
                    ended.run();
                });
    }

    /** Where the license can be read back from: its customer, the controller it is sent to, any it was seen under. */
    private LicenseContext seen(QueuedPair pair) {
        Set<String> controllers = new LinkedHashSet<>();
        controllers.add(pair.nodeId());
        controllers.addAll(registry.whereSeen(pair.key()).controllers());
        return new LicenseContext(pair.customer(), new ArrayList<>(controllers));
    }

    private void step() {
        stepsDone++;
        showProgress();
    }

    private void showProgress() {
        progress.set(steps == 0 ? 0 : (double) stepsDone / steps);
        progressText.set(I18n.t("assign.progress", stepsDone, steps));
    }

    private void finish(List<QueuedPair> pairs) {
        running.set(false);
        long done = pairs.stream().filter(p -> p.getState() == State.DONE).count();
        long partly = pairs.stream().filter(p -> p.getState() == State.PARTLY).count();
        long failed = pairs.stream().filter(p -> p.getState() == State.FAILED).count();
        progress.set(1);
        progressText.set(I18n.t("assign.finished", done, partly, failed));
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
