package app.licensedesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Target 4: the overview at 500 customers and 50 ms latency, at the client's concurrency and one at a time. */
final class OverviewFigures {

    private OverviewFigures() {
    }

    static List<Figure> measure(Path target) throws Exception {
        Path out = Files.createDirectories(target.resolve("bench/overview"));
        int concurrency = app.licensedesk.api.ClientSettings.defaults().maxConcurrentRequests();
        List<String> args = List.of("-Dbench.outDir=" + out);
        Files.deleteIfExists(out.resolve("overview-first-" + concurrency + ".txt"));
        Jmh.Result parallel = Jmh.runParam(OverviewBench.class, "loadAll", "concurrency",
                String.valueOf(concurrency), 1, 1, 5, args);
        Jmh.Result serial = Jmh.runParam(OverviewBench.class, "loadAll", "concurrency", "1", 1, 0, 2, args);
        List<Double> first = Files.readAllLines(out.resolve("overview-first-" + concurrency + ".txt")).stream()
                .filter(l -> !l.isBlank()).map(Double::parseDouble).toList();
        int customers = OverviewBench.CUSTOMERS;
        double ideal = Math.ceil((double) customers / concurrency) * OverviewBench.LATENCY_MS;
        List<Figure> figures = new ArrayList<>();
        double ratio = parallel.median() / ideal;
        figures.add(new Figure("All rows, 500 customers, concurrency " + concurrency, "ms", parallel.median(),
                parallel.p99(), "JMH single shot, 5 loads (1 warm-up)", "ceil(500 / " + concurrency + ") × 50 ms = "
                + Stats.format(ideal) + " ms", ratio, "≤ 1.2 ×", ratio <= 1.2,
                "the company list (one request) comes first; then " + customers + " license requests, "
                + concurrency + " in flight"));
        double firstMedian = Stats.median(first);
        figures.add(new Figure("First rows (company list + first customer's licenses)", "ms", firstMedian,
                Stats.p99(first), first.size() + " loads (warm-up included)", "two requests: 2 × 50 ms = 100 ms",
                firstMedian / 100, "≤ 300 ms", Stats.p99(first) <= 300, ""));
        double speedup = serial.median() / parallel.median();
        figures.add(new Figure("Speed-up over one request at a time", "×", speedup, Double.NaN,
                "medians: one at a time " + Stats.format(serial.median()) + " ms (2 loads), concurrency "
                + concurrency + " " + Stats.format(parallel.median()) + " ms", "concurrency " + concurrency,
                speedup / concurrency, "≥ 0.9 × concurrency (ratio: speed-up / concurrency)",
                speedup >= 0.9 * concurrency, ""));
        return figures;
    }
}
