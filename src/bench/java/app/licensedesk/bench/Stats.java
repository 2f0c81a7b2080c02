package app.licensedesk.bench;

import java.util.Arrays;
import java.util.List;

/** Median and percentiles of a few runs (nearest rank, so the p99 of five runs is the worst of them). */
final class Stats {

    private Stats() {
    }

    static double median(List<? extends Number> values) {
        return percentile(values, 50);
    }

    static double p99(List<? extends Number> values) {
        return percentile(values, 99);
    }

    static double percentile(List<? extends Number> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(java.util.Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    static String join(double[] values) {
        return Arrays.toString(values);
    }
}
