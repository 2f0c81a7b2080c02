package app.licensedesk.service.bulk;

import java.util.List;

/**
 * What a run of a bulk file would do, row by row, checked against the server before anything is sent.
 *
 * @param file the file
 * @param rows   one planned row per row of the file, in file order
 * @param replay what the journal said when the preview was made
 */
public record BulkPreview(BulkFile file, List<PlannedRow> rows, BulkJournal.Replay replay) {

    public BulkPreview {
        rows = List.copyOf(rows);
    }

    public long count(PlannedRow.Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** The rows that are wrong in the file, or whose controller is unknown: with any, the command sends nothing. */
    public List<PlannedRow> invalidRows() {
        return rows.stream().filter(r -> r.verdict() == PlannedRow.Verdict.INVALID).toList();
    }

    /** "1000 rows: 990 to send, 5 with nothing to do, 3 conflicts, 2 invalid, 0 finished in an earlier run". */
    public String summary() {
        return BulkTexts.t("bulk.preview.summary", rows.size(), count(PlannedRow.Verdict.READY),
                count(PlannedRow.Verdict.SKIP), count(PlannedRow.Verdict.CONFLICT), count(PlannedRow.Verdict.INVALID),
                count(PlannedRow.Verdict.FINISHED));
    }
}
