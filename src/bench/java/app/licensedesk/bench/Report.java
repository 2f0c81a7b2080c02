package app.licensedesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BENCHMARKS.md: where and when it ran, then one table per target, each figure beside its baseline. */
final class Report {

    private static final Map<String, String> TITLES = Map.of(
            "startup", "1. Cold start: launch to the sign-in window shown",
            "filter", "2. Filtering 100,000 licenses with the table attached and sorted",
            "memory", "3. Memory",
            "overview", "4. Licenses overview: 500 customers at 50 ms added latency",
            "bulk", "5. Bulk CSV engine",
            "token", "6. Token renewal under load",
            "sandbox", "7. Sandbox throughput");

    private Report() {
    }

    static String write(Map<String, List<Figure>> results, String loadBefore, String loadAfter, long minutes) {
        List<String> out = new ArrayList<>();
        out.add("# Benchmarks");
        out.add("");
        out.add("Written by `./mvnw -B -Pinstaller,bench verify` (src/bench/java, `app.licensedesk.bench.BenchSuite`);"
                + " every figure is measured beside its baseline in the same run, so a loaded machine moves both."
                + " Do not edit by hand: run the suite again.");
        out.add("");
        out.addAll(BenchSuite.Machine.describe());
        out.add("- Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAfter
                + " — on 2 cores a load above 2 means other work was competing for the CPU during the run"
                + " (this machine is shared with other engineers' builds), so absolute figures are noisy;"
                + " the ratios to a baseline of the same run are the figures to read.");
        out.add("- Whole suite: about " + minutes + " min");
        out.add("");
        for (Map.Entry<String, List<Figure>> section : results.entrySet()) {
            out.add("## " + TITLES.getOrDefault(section.getKey(), section.getKey()));
            out.add("");
            out.add("| figure | median | p99 | measured | baseline (same run) | ratio | target | result |");
            out.add("|---|---|---|---|---|---|---|---|");
            List<String> notes = new ArrayList<>();
            for (Figure f : section.getValue()) {
                String unit = f.unit().isEmpty() ? "" : " " + f.unit();
                out.add("| " + f.name() + " | " + Stats.format(f.median()) + (Double.isNaN(f.median()) ? "" : unit)
                        + " | " + Stats.format(f.p99()) + (Double.isNaN(f.p99()) ? "" : unit) + " | " + f.runs()
                        + " | " + f.baseline() + " | " + (Double.isNaN(f.ratio()) ? "–" : Stats.format(f.ratio())
                        + " ×") + " | " + f.target() + " | " + f.verdict() + " |");
                if (f.note() != null && !f.note().isEmpty()) {
                    notes.add("- " + f.name() + ": " + f.note());
                }
            }
            if (!notes.isEmpty()) {
                out.add("");
                out.addAll(notes);
            }
            out.add("");
        }
        return String.join("\n", out);
    }
}
