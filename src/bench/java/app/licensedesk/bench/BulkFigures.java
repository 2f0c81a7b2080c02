package app.licensedesk.bench;

import app.licensedesk.api.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Target 5: a 1,000-row bulk run at 50 ms added latency beside the concurrency bound of its own requests. */
final class BulkFigures {

    private static final int WARMUPS = 1;
    private static final int RUNS = 5;

    private BulkFigures() {
    }

    static List<Figure> measure(Path target) throws Exception {
        Path out = Files.createDirectories(target.resolve("bench/bulk"));
        Files.deleteIfExists(out.resolve(BulkBench.RUNS));
        Jmh.run(BulkBench.class, "execute", 1, WARMUPS, RUNS, 1, List.of("-Dbench.outDir=" + out));
        List<String> lines = Files.readAllLines(out.resolve(BulkBench.RUNS)).stream().filter(l -> !l.isBlank())
                .toList();
        List<Double> previewMillis = new ArrayList<>();
        List<Long> previewRequests = new ArrayList<>();
        List<Double> runMillis = new ArrayList<>();
        List<Long> runRequests = new ArrayList<>();
        for (String line : lines.subList(WARMUPS, lines.size())) {
            String[] f = line.split(" ");
            previewMillis.add(Double.parseDouble(f[0]));
            previewRequests.add(Long.parseLong(f[1]));
            runMillis.add(Double.parseDouble(f[2]));
            runRequests.add(Long.parseLong(f[3]));
        }
        int concurrency = ClientSettings.defaults().maxConcurrentRequests();
        long requests = runRequests.stream().mapToLong(Long::longValue).max().orElseThrow();
        double bound = Math.ceil(requests / (double) concurrency) * BulkBench.LATENCY_MS;
        double median = Stats.median(runMillis);
        double ratio = median / bound;
        String name = String.format(java.util.Locale.ROOT, "Bulk run, %,d CSV rows (claim + activation each), %d ms"
                + " latency", BulkBench.ROWS, BulkBench.LATENCY_MS);
        return List.of(new Figure(name, "ms", median, Stats.p99(runMillis), "JMH single shot, " + RUNS + " runs ("
                + WARMUPS + " warm-up), each on a new sandbox of " + BulkBench.CUSTOMERS + " customers; requests as"
                + " the sandbox counted them: " + runRequests, "ceil(" + requests + " / " + concurrency + ") × "
                + BulkBench.LATENCY_MS + " ms = " + Stats.format(bound) + " ms", ratio, "≤ 1.25 ×", ratio <= 1.25,
                "the real engine (service/bulk) at the client's defaults: " + concurrency + " rows in flight, each"
                + " row's claim then its activation (2 requests, no read-back when every answer arrives), the"
                + " journal's line forced to the disk before each POST; the preview before the run (outside the"
                + " figure) took " + Stats.format(Stats.median(previewMillis)) + " ms median for "
                + previewRequests.get(0) + " requests"));
    }
}
