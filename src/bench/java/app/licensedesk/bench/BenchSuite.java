package app.licensedesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The benchmark suite behind {@code ./mvnw -B -Pinstaller,bench verify}: measures every figure of issue 10 beside
 * its baseline in the same run and writes BENCHMARKS.md. {@code -Dbench.only=filter,startup} runs a part.
 */
public final class BenchSuite {

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(System.getProperty("bench.basedir", "."));
        Path target = Path.of(System.getProperty("bench.target", "target"));
        Path report = Path.of(System.getProperty("bench.report", base.resolve("BENCHMARKS.md").toString()));
        Set<String> only = Arrays.stream(System.getProperty("bench.only", "all").split(","))
                .map(String::trim).collect(Collectors.toSet());
        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();

        Map<String, Callable<List<Figure>>> sections = new LinkedHashMap<>();
        sections.put("startup", () -> StartupFigures.measure(target));
        sections.put("filter", () -> FilterFigures.measure(target));
        sections.put("memory", () -> MemoryFigures.measure(target));
        sections.put("overview", () -> OverviewFigures.measure(target));
        sections.put("bulk", () -> BulkFigures.measure(target));
        sections.put("token", TokenFigures::measure);
        sections.put("sandbox", () -> SandboxFigures.measure(target));

        Map<String, List<Figure>> results = new LinkedHashMap<>();
        for (Map.Entry<String, Callable<List<Figure>>> section : sections.entrySet()) {
            if (!only.contains("all") && !only.contains(section.getKey())) {
                continue;
            }
            System.out.println("=== bench: " + section.getKey());
            try {
                results.put(section.getKey(), section.getValue().call());
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                results.put(section.getKey(), List.of(Figure.notMeasured(section.getKey(), "",
                        "the measurement failed: " + e)));
            }
        }
        long minutes = (System.nanoTime() - started) / 60_000_000_000L;
        String text = Report.write(results, loadBefore, Machine.loadAverage(), minutes);
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.println(text);
        System.out.println("bench: wrote " + report.toAbsolutePath());
    }

    /** What the report says about where it ran. */
    static final class Machine {
        private Machine() {
        }

        static String loadAverage() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).trim();
            } catch (IOException e) {
                return String.format(Locale.ROOT, "%.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }

        static List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add("- Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            lines.add("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                    + System.getProperty("os.arch") + "), " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + memory());
            lines.add("- CPU: " + cpu());
            lines.add("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + " (" + System.getProperty("java.vendor") + ")");
            return lines;
        }

        private static String memory() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("");
            } catch (IOException e) {
                return "";
            }
        }

        private static String cpu() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
            } catch (IOException e) {
                return System.getProperty("os.arch");
            }
        }
    }
}
