package app.licensedesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Target 3: retained heap per license row at 100,000 beside the bare records, and the Licenses page at 100,000
 * licenses inside the launchers' heap bound, with the process's RSS. Each run is a JVM of its own (MemoryProbe).
 */
final class MemoryFigures {

    static final int RUNS = 3;
    /** The launchers' bound: pom.xml, installer.heap. */
    static final String LAUNCHER_HEAP = "-Xmx256m";

    private MemoryFigures() {
    }

    static List<Figure> measure(Path target) throws Exception {
        Path work = Files.createDirectories(target.resolve("bench/memory"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<Long>> values = new HashMap<>();
        String failure = null;
        for (int i = 0; i < RUNS; i++) {
            Processes.Run run = Processes.run(List.of(java, LAUNCHER_HEAP, "-cp", System.getProperty("java.class.path"),
                    "app.licensedesk.ui.licenses.MemoryProbe"), Map.of(), work.resolve("probe.log"), 300);
            if (run.exit() != 0) {
                failure = "exit " + run.exit() + ": " + run.output().lines().reduce((a, b) -> b).orElse("");
                continue;
            }
            run.output().lines().map(l -> l.split(" ")).filter(p -> p.length == 2 && p[1].matches("-?\\d+"))
                    .forEach(p -> values.computeIfAbsent(p[0], k -> new ArrayList<>()).add(Long.parseLong(p[1])));
        }
        if (!values.containsKey("rows")) {
            return List.of(Figure.notMeasured("Retained heap per license row", "≤ 400 B", String.valueOf(failure)));
        }
        List<Long> rows = values.get("rows");
        List<Long> records = values.get("records");
        List<Long> heap = values.get("heap");
        List<Long> rss = values.get("rss");
        long max = values.get("maxheap").get(0);
        List<Figure> figures = new ArrayList<>();
        double rowBytes = Stats.median(rows);
        figures.add(new Figure("Retained heap per license row at 100,000 (registry, page rows, sorted and filtered "
                + "lists)", "B", rowBytes, Stats.p99(rows), RUNS + " JVMs, heap after full GCs",
                "bare License records " + Stats.format(Stats.median(records)) + " B each", rowBytes / 400,
                "≤ 400 B (ratio: bytes / 400)", rowBytes <= 400,
                "beside the records (the server's answers, kept as they came); the table's visible cells are not "
                + "counted (a few dozen rows, whatever the number of licenses)"));
        double heapMb = Stats.median(heap);
        figures.add(new Figure("Heap in use at 100,000 licenses (records + page), under the launchers' "
                + LAUNCHER_HEAP, "MB", heapMb, Stats.p99(heap), RUNS + " JVMs, after full GCs",
                "the launchers' bound, max heap " + max + " MB", heapMb / max, "fits the bound (ratio < 1)",
                heapMb < max, "process RSS at that point: median " + Stats.format(Stats.median(rss)) + " MB (p99 "
                + Stats.format(Stats.p99(rss)) + "; the view model without the toolkit)"));
        return figures;
    }
}
