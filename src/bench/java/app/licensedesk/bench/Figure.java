package app.licensedesk.bench;

/**
 * One line of BENCHMARKS.md: a measured figure (median and p99 of its runs) beside its baseline from the same run,
 * the ratio, the target and whether it was met.
 *
 * @param median   the median of the runs, in {@code unit}
 * @param p99      the 99th percentile of the runs (of few runs: the worst)
 * @param runs     how it was measured, e.g. "5 runs" or "JMH, 2 forks, 41 000 samples"
 * @param baseline what it is compared with and that value, e.g. "bare JavaFX window 1 210 ms"
 * @param ratio    the figure over its baseline, as the target states it (NaN when the target is absolute)
 * @param target   the target in words, e.g. "≤ 1.3 ×"
 * @param met      true, false, or null when not measured here (or, with a median, a figure shown for information)
 * @param note     for a miss: what limits it; else anything a reader must know
 */
record Figure(String name, String unit, double median, double p99, String runs, String baseline, double ratio,
              String target, Boolean met, String note) {

    static Figure notMeasured(String name, String target, String why) {
        return new Figure(name, "", Double.NaN, Double.NaN, "", "", Double.NaN, target, null, why);
    }

    String verdict() {
        if (met == null) {
            return Double.isNaN(median) ? "not measured" : "information";
        }
        return met ? "**met**" : "**not met**";
    }
}
