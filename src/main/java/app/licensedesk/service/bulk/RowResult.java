package app.licensedesk.service.bulk;

import java.time.Instant;

/**
 * How a row ended (or stands): what was done, or why not.
 *
 * @param row        the row
 * @param outcome    done, skipped, failed, or pending (not sent yet)
 * @param detail     the words for it: "claimed, activated 2026-12-01T14:00:00Z", or the reason
 * @param claimedTo  the controller the license is claimed to as far as this run knows, or null
 * @param activatedAt the license's activation date as far as this run knows, or null
 */
public record RowResult(BulkRow row, Outcome outcome, String detail, String claimedTo, Instant activatedAt) {

    /** The four ways a row can stand; every row ends as one of the first three. */
    public enum Outcome { DONE, SKIPPED, FAILED, PENDING }

    /** "done (claimed, activated 2026-12-01T14:00:00Z)". */
    public String summary() {
        return BulkTexts.t("bulk.result.summary", BulkTexts.t("bulk.outcome." + outcome.name()), detail);
    }

    /** "line 7 SG1-... -> SGC-...: done (claimed, activated 2026-12-01T14:00:00Z)", the command's stdout line. */
    public String line() {
        return BulkTexts.t("bulk.result.line", row.line(), row.key(), row.nodeId(), summary());
    }

    /** "claimed, activated 2026-12-01T14:00:00Z", "already claimed, activated ...", "claimed, already activated on". */
    static String doneDetail(boolean claimedNow, boolean activationWanted, boolean activatedNow, Instant activatedAt) {
        String claim = BulkTexts.t(claimedNow ? "bulk.done.claimed" : "bulk.done.alreadyClaimed");
        if (!activationWanted) {
            return claim;
        }
        String when = activatedAt == null ? BulkTexts.t("bulk.plan.now") : activatedAt.toString();
        return claim + ", " + BulkTexts.t(activatedNow ? "bulk.done.activated" : "bulk.done.alreadyActivated", when);
    }

    public boolean isFinal() {
        return outcome != Outcome.PENDING;
    }
}
