package app.licensedesk.service.bulk;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.service.bulk.BulkJournal.Step;
import app.licensedesk.service.bulk.BulkJournal.StepState;
import app.licensedesk.service.bulk.RowResult.Outcome;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a preview: the rows to send go to as many workers as the client's concurrency bound, each row's claim
 * and then its activation, exactly once ({@link RowSender}: a forced "sending" line before each POST, the service's
 * read-back when an answer is lost, a second send only when the server provably does not have it). Pause, resume
 * and cancel take effect between requests; a request in flight always finishes.
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

    private final RowSender sender;
    private final BulkJournal journal;
    private final ExecutorService pool;
    private final int workers;
    private final Listener listener;
    private final RowTask[] tasks;
    private final RowResult[] results;

    private final Object lock = new Object();
    private final Deque<RowTask> queue = new ArrayDeque<>();
    private boolean started;
    private boolean running;
    private boolean paused;
    private boolean cancelled;
    private boolean sessionEnded;
    private boolean connectionLost;
    private int transientFailuresInARow;
    private UncheckedIOException journalFailure;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    BulkRun(RowSender sender, ExecutorService pool, int workers, BulkPreview preview, Listener listener) {
        this.sender = sender;
        this.journal = sender.journal();
        this.pool = pool;
        this.workers = workers;
        this.listener = listener;
        int n = preview.rows().size();
        this.tasks = new RowTask[n];
        this.results = new RowResult[n];
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        for (int i = 0; i < n; i++) {
            PlannedRow plan = preview.rows().get(i);
            tasks[i] = new RowTask(i, plan, preview.replay().of(plan.row()));
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
                throw new ApiException(ErrorKind.SIGNED_OUT, 0, null, "The session ended during the bulk run", null,
                        null);
            }
            return connectionLost ? Status.CONNECTION_LOST : Status.FINISHED;
        }
    }

    /** Rows that are not sent end at once: skipped, conflicts, invalid ones, and those an earlier run finished. */
    private void settleUnsentRows() {
        for (RowTask t : tasks) {
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
    private void resolveSending(RowTask t) {
        for (Step step : List.of(Step.CLAIM, Step.ACTIVATE)) {
            if (t.history.state(step) == StepState.SENDING) {
                journal.step(t.plan.row(), step, StepState.APPLIED);
            }
        }
    }

    private void work() {
        RowTask task;
        while ((task = take()) != null) {
            try {
                RowResult ended = sender.process(task, gate);
                if (ended == null) {
                    requeue(task);
                } else {
                    finish(task, ended, true);
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
                LOG.error("Line {} failed unexpectedly", task.row().line(), e);
                finish(task, task.failed(sender.words().other(e)), true);
            }
        }
    }

    /** What the rows' sender may know and do of the run. */
    private final RowSender.Gate gate = new RowSender.Gate() {
        @Override
        public boolean open() {
            synchronized (lock) {
                return awaitOpen();
            }
        }

        @Override
        public void sessionEnded() {
            synchronized (lock) {
                sessionEnded = true;
                lock.notifyAll();
            }
        }

        /**
         * When every worker in turn meets a failed connection, the network is gone: the run stops, so the remaining
         * rows stay pending for a later run instead of each failing slowly.
         */
        @Override
        public void connectionTrouble() {
            synchronized (lock) {
                if (++transientFailuresInARow >= workers) {
                    connectionLost = true;
                    lock.notifyAll();
                }
            }
        }

        @Override
        public void answered() {
            synchronized (lock) {
                transientFailuresInARow = 0;
            }
        }
    };

    private void finish(RowTask t, RowResult result, boolean write) {
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

    private RowTask take() {
        synchronized (lock) {
            if (!awaitOpen()) {
                return null;
            }
            return queue.pollFirst();
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

    private void requeue(RowTask t) {
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

    /** Every row's result so far, in file order; rows not ended yet are PENDING. */
    public List<RowResult> results() {
        List<RowResult> out = new ArrayList<>(tasks.length);
        synchronized (lock) {
            for (RowTask t : tasks) {
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
}
