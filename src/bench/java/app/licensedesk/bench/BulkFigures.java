package app.licensedesk.bench;

import java.util.List;

/**
 * Target 5, the CSV bulk engine ({@code service/bulk}): not on this branch yet. HOOK: when it lands, measure a
 * bulk run here (rows per second against the sandbox with latency, beside the overview's per-request floor) and
 * return its figures; BenchSuite already lists this section as "bulk".
 */
final class BulkFigures {

    private BulkFigures() {
    }

    static List<Figure> measure() {
        boolean present = BulkFigures.class.getClassLoader().getResource("app/licensedesk/service/bulk") != null;
        return List.of(Figure.notMeasured("Bulk CSV run", "–", present
                ? "service/bulk is on the class path but no benchmark is written for it yet (BulkFigures is the hook)"
                : "not measured here: service/bulk is not on this branch yet (BulkFigures is the hook)"));
    }
}
