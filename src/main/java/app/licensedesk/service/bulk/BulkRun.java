package app.licensedesk.service.bulk;

import app.licensedesk.api.ApiException;
import app.licensedesk.api.ApiException.Kind;
import app.licensedesk.model.License;
import app.licensedesk.service.ClaimResult;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.bulk.BulkJournal.Step;
import app.licensedesk.service.bulk.BulkJournal.StepState;
import app.licensedesk.service.bulk.RowResult.Outcome;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a preview: the rows to send go to as many workers as the client's concurrency bound, each row's claim
 * and then its activation. Exactly once: before a POST the journal gets a forced "sending" line, after it the
 * result; when the answer is lost (network, timeout, 5xx, unreadable) the license is read back from the controller
 * before anything else is decided, and a POST is sent again only when the read shows it was not applied. A step
 * whose journal ends with "sending" (a run that crashed or was cancelled) is read back the same way first.
 * Pause, resume and cancel take effect between requests; a request in flight always finishes.
 */
public final class BulkRun {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);

    /** How {@link #execute()} ended. */
    public enum Status {
        /** Every row has ended. */
        FINISHED,
        /** {@link #cancel()} stopped it; the rows not yet ended stay pending. */
        CANCELLED,
        /** Row after row failed for lack of a connection, so the run stopped; the rest stay pending. */
        CONNECTION_LOST
    }

    /** Told of each row as it ends, on the run's threads. */
    @FunctionalInterface
    public interface Listener {
        void rowFinished(RowResult result);
    }

    private final LicenseDeskService service;
    private final Function<String, Map<String, License>> controllerLicenses;
    private final ServerReads reads;
    private final ExecutorService pool;
    private final int workers;
    /** A POST that provably was not applied is sent again, up to this many sends in all: 1 + the retries. */
    private final int maxSends;
    private final BulkPreview preview;
    private final BulkJournal journal;
    private final Listener listener;
    private final Task[] tasks;
    private final RowResult[] results;

    private final Object lock = new Object();
    private final Deque<Task> queue = new ArrayDeque<>();
    private boolean started;
    private boolean running;
    private boolean paused;
    private boolean cancelled;
    private boolean sessionEnded;
    private boolean connectionLost;
    private int transientFailuresInARow;
    private UncheckedIOException journalFailure;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    /** @param controllerLicenses the licenses claimed to a controller, by key (none when it is out of reach) */
    BulkRun(LicenseDeskService service, Function<String, Map<String, License>> controllerLicenses,
            ServerReads reads, ExecutorService pool, int workers, int maxSends, BulkPreview preview,
            BulkJournal journal, Listener listener) {
        this.service = service;
        this.controllerLicenses = controllerLicenses;
        this.reads = reads;
        this.pool = pool;
        this.workers = workers;
        this.maxSends = maxSends;
        this.preview = preview;
        this.journal = journal;
        this.listener = listener;
        int n = preview.rows().size();
        this.tasks = new Task[n];
        this.results = new RowResult[n];
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        for (int i = 0; i < n; i++) {
            PlannedRow plan = preview.rows().get(i);
            tasks[i] = new Task(i, plan, preview.replay().of(plan.row()));
            if (plan.verdict() == PlannedRow.Verdict.READY) {
                queue.add(tasks[i]);
            }
        }
        counts.put(Outcome.PENDING, n);
    }

    /**
     * Sends the rows, blocking until every row has ended or the run stops. Call it again after a stop (a session
     * that ended, a lost connection) to carry on with the rows not yet ended.
     *
     * @throws ApiException          SIGNED_OUT when the session ended: the run is paused with its state kept; sign
     *                               in again and call this again
     * @throws UncheckedIOException  with a {@link JournalException} when the journal cannot be written (nothing is
     *                               sent without its line)
     */
    public Status execute() {
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException("This run is already running");
            }
            if (journalFailure != null) {
                throw journalFailure;
            }
            running = true;
            sessionEnded = false;
            connectionLost = false;
            transientFailuresInARow = 0;
        }
        try {
            if (!started) {
                started = true;
                settleUnsentRows();
            }
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(this::work));
            }
            boolean interrupted = false;
            for (Future<?> future : futures) {
                // an interrupt cancels the run, but the workers' requests in flight are still waited for
                while (true) {
                    try {
                        future.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        cancel();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("A bulk worker failed", e.getCause());
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (UncheckedIOException e) {
            synchronized (lock) {
                journalFailure = e;
            }
        } finally {
            synchronized (lock) {
                running = false;
            }
        }
        synchronized (lock) {
            if (journalFailure != null) {
                throw journalFailure;
            }
            if (cancelled) {
                return Status.CANCELLED;
            }
            if (sessionEnded) {
                throw new ApiException(Kind.SIGNED_OUT, 0, null, "The session ended during the bulk run", null,
                        null);
            }
            return connectionLost ? Status.CONNECTION_LOST : Status.FINISHED;
        }
    }

    /** Rows that are not sent end at once: skipped, conflicts, invalid ones, and those an earlier run finished. */
    private void settleUnsentRows() {
        for (Task t : tasks) {
            PlannedRow plan = t.plan;
            BulkRow row = plan.row();
            switch (plan.verdict()) {
                case READY -> {
                }
                case FINISHED -> {
                    // the journal already ends the row, or the preview read back what it was sending: record that
                    boolean recorded = t.history != null && t.history.result() != null;
                    if (!recorded) {
                        resolveSending(t);
                    }
                    finish(t, plan.earlier(), !recorded);
                }
                case SKIP -> finish(t, new RowResult(row, Outcome.SKIPPED, plan.activatedAt() == null
                        || !row.activation().requested() ? BulkTexts.t("bulk.reason.skipClaimed")
                        : BulkTexts.t("bulk.reason.skipActivated", plan.activatedAt()), plan.claimedTo(),
                        plan.activatedAt()), true);
                case CONFLICT -> finish(t, new RowResult(row, Outcome.FAILED, BulkTexts.t("bulk.reason.conflict"),
                        plan.claimedTo(), plan.activatedAt()), true);
                case INVALID -> finish(t, new RowResult(row, Outcome.FAILED,
                        BulkTexts.t("bulk.reason.invalid", String.join(" ", plan.problems())), null, null), false);
            }
        }
    }

    /** The preview found applied what the journal says was being sent. */
    private void resolveSending(Task t) {
        for (Step step : List.of(Step.CLAIM, Step.ACTIVATE)) {
            if (t.history.state(step) == StepState.SENDING) {
                journal.step(t.plan.row(), step, StepState.APPLIED);
            }
        }
    }

    private void work() {
        Task task;
        while ((task = take()) != null) {
            try {
                if (!process(task)) {
                    requeue(task);
                }
            } catch (UncheckedIOException e) {
                requeue(task);
                synchronized (lock) {
                    journalFailure = e;
                    lock.notifyAll();
                }
                return;
            } catch (RuntimeException e) {
                // a defect: the row ends as failed; a step it was sending stays "sending" for a read-back
                LOG.error("Line {} failed unexpectedly", task.plan.row().line(), e);
                finish(task, failed(task, BulkTexts.readFailure(e)), true);
            }
        }
    }

    /** @return false when the row must wait for a later {@link #execute()} (stopped, paused out, signed out) */
    private boolean process(Task t) {
        PlannedRow plan = t.plan;
        if (plan.claim() && !t.claimed) {
            switch (send(t, Step.CLAIM)) {
                case STOPPED -> {
                    return false;
                }
                case FAILED -> {
                    finish(t, failed(t, BulkTexts.t("bulk.reason.claimFailed", t.failure)), true);
                    return true;
                }
                case APPLIED -> {
                }
            }
        }
        if (plan.activate() && !t.activated) {
            switch (send(t, Step.ACTIVATE)) {
                case STOPPED -> {
                    return false;
                }
                case FAILED -> {
                    finish(t, failed(t, BulkTexts.t(t.claimedNow ? "bulk.reason.activateFailed"
                            : "bulk.reason.activateOnlyFailed", t.failure)), true);
                    return true;
                }
                case APPLIED -> {
                }
            }
        }
        finish(t, new RowResult(plan.row(), Outcome.DONE, doneDetail(t), t.claimedTo, t.activatedAt), true);
        return true;
    }

    private enum StepEnd { APPLIED, FAILED, STOPPED }

    /** One step of a row, exactly once; on FAILED the reason is in {@code t.failure}. */
    private StepEnd send(Task t, Step step) {
        BulkRow row = t.plan.row();
        boolean unknown = t.unknown(step);
        boolean sentBefore = unknown;
        int sends = 0;
        ApiException lost = null;
        while (true) {
            if (unknown) {
                Optional<License> found;
                try {
                    found = readBack(t);
                } catch (ApiException e) {
                    if (e.kind() == Kind.SIGNED_OUT) {
                        return sessionEnded();
                    }
                    return transientFailure(t, BulkTexts.t("bulk.reason.lostUnknown",
                            BulkTexts.readFailure(lost != null ? lost : e)));
                }
                if (applied(step, found)) {
                    journal.step(row, step, StepState.APPLIED);
                    t.applied(step, found.get(), true);
                    succeeded();
                    return StepEnd.APPLIED;
                }
                journal.step(row, step, StepState.NOT_APPLIED);
                t.setUnknown(step, false);
                unknown = false;
                if (lost != null && (sends >= maxSends || !reads.pause(lost, sends - 1))) {
                    return transientFailure(t, BulkTexts.failure(lost, step == Step.ACTIVATE));
                }
            }
            if (!gate()) {
                return StepEnd.STOPPED;
            }
            Instant at = row.activation().at();
            journal.sending(row, step, row.nodeId(), at);
            t.setUnknown(step, true);
            sends++;
            try {
                if (step == Step.CLAIM) {
                    ClaimResult claimed = service.claim(row.key(), row.nodeId());
                    t.claimedTo = claimed.nodeId() == null ? row.nodeId() : claimed.nodeId();
                    t.claimed = true;
                    t.claimedNow = true;
                } else {
                    License license = service.activate(row.key(), at);
                    t.activatedAt = license.activationDate() != null ? license.activationDate() : at;
                    t.activated = true;
                    t.activatedNow = true;
                }
                journal.step(row, step, StepState.APPLIED);
                t.setUnknown(step, false);
                succeeded();
                return StepEnd.APPLIED;
            } catch (ApiException e) {
                switch (e.kind()) {
                    case NETWORK, TIMEOUT, UNREADABLE, SERVER -> {
                        // the answer is lost: the POST may or may not have been applied; read back, then decide
                        LOG.info("Line {}: the {} answer was lost ({}); reading the license back", row.line(),
                                step, e.kind());
                        lost = e;
                        unknown = true;
                    }
                    case SIGNED_OUT -> {
                        // refused before or at the server; still read back after the new sign-in, to be sure
                        return sessionEnded();
                    }
                    case VALIDATION -> {
                        // "already claimed / activated": by us (an earlier answer lost) or by someone else
                        return refused(t, step, e, sentBefore || sends > 1);
                    }
                    case RATE_LIMITED -> {
                        journal.step(row, step, StepState.NOT_APPLIED);
                        t.setUnknown(step, false);
                        if (sends >= maxSends || !reads.pause(e, sends - 1)) {
                            t.failure = BulkTexts.failure(e, step == Step.ACTIVATE);
                            return StepEnd.FAILED;
                        }
                    }
                    default -> {
                        journal.step(row, step, StepState.NOT_APPLIED);
                        t.setUnknown(step, false);
                        t.failure = BulkTexts.failure(e, step == Step.ACTIVATE);
                        succeeded(); // the server answered: the connection is fine
                        return StepEnd.FAILED;
                    }
                }
            } catch (UncheckedIOException e) {
                throw e; // the journal: the run stops
            } catch (RuntimeException e) {
                // a defect, not an answer: the outcome is unknown, so the journal keeps "sending" for a read-back
                LOG.error("Line {}: the {} failed unexpectedly", row.line(), step, e);
                t.failure = BulkTexts.readFailure(e);
                return StepEnd.FAILED;
            }
        }
    }

    /** A 400: applied already (then done), or refused. */
    private StepEnd refused(Task t, Step step, ApiException e, boolean ours) {
        BulkRow row = t.plan.row();
        Optional<License> found;
        try {
            found = readBack(t);
        } catch (ApiException readFailure) {
            if (readFailure.kind() == Kind.SIGNED_OUT) {
                return sessionEnded();
            }
            t.failure = BulkTexts.t("bulk.reason.lostUnknown", BulkTexts.readFailure(readFailure));
            return StepEnd.FAILED;
        }
        succeeded();
        if (applied(step, found)) {
            journal.step(row, step, StepState.APPLIED);
            t.applied(step, found.get(), ours);
            return StepEnd.APPLIED;
        }
        journal.step(row, step, StepState.NOT_APPLIED);
        t.setUnknown(step, false);
        t.failure = BulkTexts.failure(e, step == Step.ACTIVATE);
        return StepEnd.FAILED;
    }

    /** The license as the target controller lists it (after a claim both steps show there), or empty. */
    private Optional<License> readBack(Task t) {
        BulkRow row = t.plan.row();
        return Optional.ofNullable(reads.once(() -> controllerLicenses.apply(row.nodeId())).get(row.key()));
    }

    private static boolean applied(Step step, Optional<License> found) {
        return found.isPresent() && (step == Step.CLAIM || found.get().activationDate() != null);
    }

    private StepEnd sessionEnded() {
        synchronized (lock) {
            sessionEnded = true;
            lock.notifyAll();
        }
        return StepEnd.STOPPED;
    }

    /**
     * A row that failed for lack of a working connection. When every worker in turn meets one, the network is
     * gone: the run stops, so the remaining rows stay pending for a later run instead of each failing slowly.
     */
    private StepEnd transientFailure(Task t, String reason) {
        t.failure = reason;
        synchronized (lock) {
            if (++transientFailuresInARow >= workers) {
                connectionLost = true;
                lock.notifyAll();
            }
        }
        return StepEnd.FAILED;
    }

    private void succeeded() {
        synchronized (lock) {
            transientFailuresInARow = 0;
        }
    }

    private RowResult failed(Task t, String reason) {
        return new RowResult(t.plan.row(), Outcome.FAILED, reason, t.claimedTo, t.activatedAt);
    }

    private static String doneDetail(Task t) {
        return RowResult.doneDetail(t.claimedNow, t.plan.row().activation().requested(), t.activatedNow,
                t.activatedAt);
    }

    private void finish(Task t, RowResult result, boolean write) {
        if (write) {
            journal.finished(result);
        }
        synchronized (lock) {
            RowResult old = results[t.index];
            counts.merge(old == null ? Outcome.PENDING : old.outcome(), -1, Integer::sum);
            counts.merge(result.outcome(), 1, Integer::sum);
            results[t.index] = result;
        }
        try {
            listener.rowFinished(result);
        } catch (RuntimeException e) {
            LOG.warn("A bulk listener failed", e);
        }
    }

    private Task take() {
        synchronized (lock) {
            if (!awaitOpen()) {
                return null;
            }
            return queue.pollFirst();
        }
    }

    /** Before each request: waits while paused; false when the run must stop. */
    private boolean gate() {
        synchronized (lock) {
            return awaitOpen();
        }
    }

    private boolean awaitOpen() {
        while (paused && !stopping()) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        return !stopping();
    }

    private boolean stopping() {
        return cancelled || sessionEnded || connectionLost || journalFailure != null;
    }

    private void requeue(Task t) {
        synchronized (lock) {
            queue.addFirst(t);
        }
    }

    /** Stops starting requests until {@link #resume()}; requests in flight finish. */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Stops the run: requests in flight finish, no new ones start; {@link #execute()} returns CANCELLED. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
    }

    /** True after {@link #execute()} stopped because the session ended, until it is called again. */
    public boolean awaitsSignIn() {
        synchronized (lock) {
            return sessionEnded && !running && !cancelled && journalFailure == null;
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Every row's result so far, in file order; rows not ended yet are PENDING. */
    public List<RowResult> results() {
        List<RowResult> out = new ArrayList<>(tasks.length);
        synchronized (lock) {
            for (Task t : tasks) {
                RowResult r = results[t.index];
                out.add(r != null ? r : new RowResult(t.plan.row(), Outcome.PENDING,
                        BulkTexts.t("bulk.reason.pending"), t.claimedTo, t.activatedAt));
            }
        }
        return out;
    }

    /** How many rows stand at each outcome (PENDING: not ended yet). */
    public Map<Outcome, Integer> counts() {
        synchronized (lock) {
            return new EnumMap<>(counts);
        }
    }

    public int total() {
        return tasks.length;
    }

    public BulkPreview preview() {
        return preview;
    }

    /** A row's progress across requeues and executions. */
    private static final class Task {
        final int index;
        final PlannedRow plan;
        final BulkJournal.History history;
        boolean claimed;
        boolean claimedNow;
        boolean claimUnknown;
        boolean activated;
        boolean activatedNow;
        boolean activateUnknown;
        String claimedTo;
        Instant activatedAt;
        String failure;

        Task(int index, PlannedRow plan, BulkJournal.History history) {
            this.index = index;
            this.plan = plan;
            this.history = history;
            this.claimedTo = plan.claimedTo();
            this.activatedAt = plan.activatedAt();
            this.claimed = !plan.claim();
            this.activated = !plan.activate();
            if (history != null) {
                claimUnknown = history.claim() == StepState.SENDING;
                activateUnknown = history.activate() == StepState.SENDING;
                // a step an earlier run of this file sent and the server applied counts as done by this file
                claimedNow = claimed && history.claim() != null && history.claim() != StepState.NOT_APPLIED;
                activatedNow = activated && plan.activatedAt() != null && history.activate() != null
                        && history.activate() != StepState.NOT_APPLIED;
            }
        }

        boolean unknown(Step step) {
            return step == Step.CLAIM ? claimUnknown : activateUnknown;
        }

        void setUnknown(Step step, boolean value) {
            if (step == Step.CLAIM) {
                claimUnknown = value;
            } else {
                activateUnknown = value;
            }
        }

        /** The read-back showed the step applied. */
        void applied(Step step, License license, boolean ours) {
            if (step == Step.CLAIM) {
                claimed = true;
                claimedNow = ours;
            } else {
                activated = true;
                activatedNow = ours;
            }
            claimedTo = plan.row().nodeId();
            if (license.activationDate() != null) {
                activatedAt = license.activationDate();
            }
            setUnknown(step, false);
        }
    }
}
