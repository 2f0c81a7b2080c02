package app.licensedesk.service.bulk;

import app.licensedesk.model.License;
import app.licensedesk.service.bulk.BulkJournal.Step;
import app.licensedesk.service.bulk.BulkJournal.StepState;
import app.licensedesk.service.bulk.RowResult.Outcome;
import java.time.Instant;

/** A row of a run and its progress, kept across requeues and executions. Used by one worker at a time. */
final class RowTask {

    final int index;
    final PlannedRow plan;
    final BulkJournal.History history;
    boolean claimed;
    boolean claimedNow;
    /** The journal's last line for the claim is "sending": its outcome is unknown until read back. */
    boolean claimUnknown;
    boolean activated;
    boolean activatedNow;
    boolean activateUnknown;
    String claimedTo;
    Instant activatedAt;
    /** Why the last step failed, in words. */
    String failure;

    RowTask(int index, PlannedRow plan, BulkJournal.History history) {
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

    BulkRow row() {
        return plan.row();
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

    /**
     * The server has the step as asked: from its answer, or as reading the license back showed.
     *
     * @param license what the server says of the license now, or null
     * @param ours    this file's request did it (not someone else before)
     */
    void applied(Step step, License license, boolean ours) {
        if (step == Step.CLAIM) {
            claimed = true;
            claimedNow = ours;
            claimedTo = row().nodeId();
        } else {
            activated = true;
            activatedNow = ours;
        }
        if (license != null && license.activationDate() != null) {
            activatedAt = license.activationDate();
        } else if (step == Step.ACTIVATE && activatedAt == null) {
            activatedAt = row().activation().at();
        }
        setUnknown(step, false);
    }

    RowResult done() {
        return new RowResult(row(), Outcome.DONE, RowResult.doneDetail(claimedNow, row().activation().requested(),
                activatedNow, activatedAt), claimedTo, activatedAt);
    }

    RowResult failed(String reason) {
        return new RowResult(row(), Outcome.FAILED, reason, claimedTo, activatedAt);
    }
}
