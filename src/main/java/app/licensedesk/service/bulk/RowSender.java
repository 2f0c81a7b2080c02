package app.licensedesk.service.bulk;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.ReadBack;
import app.licensedesk.service.bulk.BulkJournal.Step;
import app.licensedesk.service.bulk.BulkJournal.StepState;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one row's claim and then its activation, each exactly once: a forced "sending" line in the journal before
 * the POST, the result after it. What an answer that was lost or refused means is the service's to say (it reads
 * the license back, see {@link LicenseOutcome}); this decides what follows: applied, failed, or (only when the
 * server provably does not have it) sent again, at most 1 + the client's retries times in all. A step whose
 * journal ends with "sending" (a run that crashed or was cancelled, no request in flight) is read back with the
 * service's one read-back rule before anything is sent.
 */
final class RowSender {

    private static final Logger LOG = LoggerFactory.getLogger(RowSender.class);

    /** What the run lets a row know and do between requests. */
    interface Gate {
        /** Before each request: waits while paused; false when the run must stop. */
        boolean open();

        /** The session ended: the run stops and waits for a new sign-in. */
        void sessionEnded();

        /** A step failed for lack of a working connection. */
        void connectionTrouble();

        /** The server answered: the connection works. */
        void answered();
    }

    private enum StepEnd { APPLIED, FAILED, STOPPED }

    private final LicenseDeskService service;
    private final ClientSettings settings;
    private final BulkJournal journal;
    private final FailureWords words;
    private final int maxSends;

    RowSender(LicenseDeskService service, ClientSettings settings, BulkJournal journal, FailureWords words) {
        this.service = service;
        this.settings = settings;
        this.journal = journal;
        this.words = words;
        this.maxSends = 1 + settings.maxRetries();
    }

    BulkJournal journal() {
        return journal;
    }

    FailureWords words() {
        return words;
    }

    /**
     * @return how the row ended, or null when it must wait for a later execution (stopped, signed out)
     * @throws UncheckedIOException when the journal cannot be written: nothing is sent without its line
     */
    RowResult process(RowTask t, Gate gate) {
        PlannedRow plan = t.plan;
        if (plan.claim() && !t.claimed) {
            switch (send(t, Step.CLAIM, gate)) {
                case STOPPED -> {
                    return null;
                }
                case FAILED -> {
                    return t.failed(BulkTexts.t("bulk.reason.claimFailed", t.failure));
                }
                case APPLIED -> {
                }
            }
        }
        if (plan.activate() && !t.activated) {
            switch (send(t, Step.ACTIVATE, gate)) {
                case STOPPED -> {
                    return null;
                }
                case FAILED -> {
                    return t.failed(BulkTexts.t(t.claimedNow ? "bulk.reason.activateFailed"
                            : "bulk.reason.activateOnlyFailed", t.failure));
                }
                case APPLIED -> {
                }
            }
        }
        return t.done();
    }

    /** After a claim the license is listed under the row's controller, with its activation date. */
    private static LicenseContext where(BulkRow row) {
        return new LicenseContext(null, List.of(row.nodeId()));
    }

    private StepEnd send(RowTask t, Step step, Gate gate) {
        BulkRow row = t.row();
        boolean sentBefore = t.unknown(step);
        if (sentBefore) {
            ReadBack now = service.readBack(row.key(), where(row));
            if (!now.read()) {
                gate.connectionTrouble();
                t.failure = BulkTexts.t("bulk.reason.resumeUnknown");
                return StepEnd.FAILED;
            }
            if (applied(step, now.license())) {
                journal.step(row, step, StepState.APPLIED);
                t.applied(step, now.license(), true);
                return StepEnd.APPLIED;
            }
            notApplied(t, step);
        }
        for (int sends = 1; ; sends++) {
            if (!gate.open()) {
                return StepEnd.STOPPED;
            }
            Instant at = row.activation().at();
            journal.sending(row, step, row.nodeId(), at);
            t.setUnknown(step, true);
            Failure again;
            try {
                LicenseOutcome outcome = step == Step.CLAIM
                        ? service.claim(row.key(), row.nodeId(), LicenseContext.none(), () -> checking(row, step))
                        : service.activate(row.key(), at, where(row), () -> checking(row, step));
                if (outcome.status() != LicenseOutcome.Status.LOST_UNKNOWN) {
                    gate.answered(); // an answer, or a read-back that worked
                }
                switch (outcome.status()) {
                    case DONE, LOST_DONE -> {
                        return applied(t, step, outcome.license(), true);
                    }
                    case ALREADY -> {
                        // refused as already so: our own earlier request (its answer lost), or someone else's
                        return applied(t, step, outcome.license(), sentBefore || sends > 1);
                    }
                    case REFUSED -> {
                        notApplied(t, step);
                        t.failure = words.step(outcome.failure(), step == Step.ACTIVATE);
                        return StepEnd.FAILED;
                    }
                    case LOST_UNKNOWN -> {
                        // the journal keeps "sending": the next run reads it back before anything else
                        gate.connectionTrouble();
                        t.failure = BulkTexts.t("bulk.reason.lostUnknown",
                                words.step(outcome.failure(), step == Step.ACTIVATE));
                        return StepEnd.FAILED;
                    }
                    case LOST_NOT_DONE -> again = outcome.failure();
                    default -> throw new IllegalStateException("Unknown outcome " + outcome.status());
                }
            } catch (UncheckedIOException e) {
                throw e; // the journal: the run stops
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e).orElse(null);
                if (failure == null) {
                    // a defect, not an answer: the outcome is unknown, so the journal keeps "sending"
                    LOG.error("Line {}: the {} failed unexpectedly", row.line(), step, e);
                    t.failure = words.other(e);
                    return StepEnd.FAILED;
                }
                // the server said why it did not do it, or the request never reached it: not applied
                notApplied(t, step);
                if (failure.kind() == ErrorKind.SIGNED_OUT) {
                    // refused before or at the server (no token, or a 401): sent again after the new sign-in
                    gate.sessionEnded();
                    return StepEnd.STOPPED;
                }
                if (!transientKind(failure.kind())) {
                    gate.answered();
                    t.failure = words.step(failure, step == Step.ACTIVATE);
                    return StepEnd.FAILED;
                }
                again = failure;
            }
            // not applied, for a reason that may pass: send again after a pause, within the limit
            notApplied(t, step);
            if (sends >= maxSends || !pause(again, sends - 1)) {
                if (again.kind() != ErrorKind.RATE_LIMITED) {
                    gate.connectionTrouble();
                }
                t.failure = words.step(again, step == Step.ACTIVATE);
                return StepEnd.FAILED;
            }
        }
    }

    private static void checking(BulkRow row, Step step) {
        LOG.info("Line {}: the {} answer was lost; the service reads the license back", row.line(), step);
    }

    /** Overload, a server error or no connection: trying again later may work. */
    private static boolean transientKind(ErrorKind kind) {
        return kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.SERVER || kind == ErrorKind.NETWORK
                || kind == ErrorKind.TIMEOUT || kind == ErrorKind.UNREADABLE;
    }

    private static boolean applied(Step step, License license) {
        return license != null && (step == Step.CLAIM || license.activationDate() != null);
    }

    private StepEnd applied(RowTask t, Step step, License license, boolean ours) {
        journal.step(t.row(), step, StepState.APPLIED);
        t.applied(step, license, ours);
        return StepEnd.APPLIED;
    }

    private void notApplied(RowTask t, Step step) {
        if (t.unknown(step)) {
            journal.step(t.row(), step, StepState.NOT_APPLIED);
            t.setUnknown(step, false);
        }
    }

    /** Waits before the next send; false when the server asks for a longer wait than we are willing to block. */
    private boolean pause(Failure failure, int attempt) {
        Duration wait = settings.backoff(attempt);
        Duration asked = failure.retryAfter();
        if (asked != null) {
            if (asked.compareTo(settings.retryMaxDelay()) > 0) {
                return false;
            }
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        try {
            settings.sleeper().sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
