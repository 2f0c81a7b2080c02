package app.licensedesk.service.bulk;

import java.time.Instant;
import java.util.List;

/**
 * A row of the preview: its verdict before anything is sent, and what a run will do for it.
 *
 * @param row         the row
 * @param verdict     what will happen to it
 * @param problems    for INVALID: every problem of the row, in words; else empty
 * @param message     the verdict in words, for the preview table
 * @param claim       a run sends a claim for it
 * @param activate    a run sends an activation for it
 * @param claimedTo   the controller the license is claimed to now, when known, else null
 * @param activatedAt the license's activation date now, when known, else null
 * @param earlier     for FINISHED: how the row ended in an earlier run (from the journal), else null
 */
public record PlannedRow(BulkRow row, Verdict verdict, List<String> problems, String message, boolean claim,
                         boolean activate, String claimedTo, Instant activatedAt, RowResult earlier) {

    /** What the preview says about a row. */
    public enum Verdict {
        /** A claim, an activation or both will be sent. */
        READY,
        /** Already as asked (claimed to that controller, activated if asked): skipped. */
        SKIP,
        /** Claimed to another controller: not sent, ends as failed. */
        CONFLICT,
        /** Something is wrong with the row (or its controller is unknown): not sent. */
        INVALID,
        /** An earlier run of this file finished it (the journal says so): not sent again. */
        FINISHED
    }

    public PlannedRow {
        problems = List.copyOf(problems);
    }

    /** The verdict's name in words ("to send", "conflict"...). */
    public String verdictText() {
        return BulkTexts.t("bulk.verdict." + verdict.name());
    }
}
