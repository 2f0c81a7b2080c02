package app.licensedesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Target 7: the sandbox's requests per second beside a trivial JDK server, and at ten times the estate. */
final class SandboxFigures {

    private SandboxFigures() {
    }

    static List<Figure> measure(Path target) throws Exception {
        Path out = Files.createDirectories(target.resolve("bench/sandbox"));
        List<String> args = List.of("-Dbench.outDir=" + out);
        double small = perSecond(run(out, "sandbox", 40, args));
        double jdk = perSecond(run(out, "jdk", 40, args));
        double large = perSecond(run(out, "sandbox", 400, args));
        List<Integer> wrong = new ArrayList<>();
        for (String name : List.of("sandbox-40", "jdk-40", "sandbox-400")) {
            Path file = out.resolve("sandbox-wrong-" + name + ".txt");
            if (Files.exists(file)) {
                Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Integer::parseInt).forEach(wrong::add);
            }
        }
        int wrongTotal = wrong.stream().mapToInt(Integer::intValue).sum();
        String how = "JMH single shot, 5 bursts of " + SandboxBench.REQUESTS + " requests, " + SandboxBench.CLIENTS
                + " clients";
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Sandbox, 40 customers (600 licenses)", "req/s", small, Double.NaN, how
                + " (median burst)", "trivial JDK HttpServer, " + SandboxBench.CLIENTS + " threads, same bytes: "
                + Stats.format(jdk) + " req/s", small / jdk, "≥ 0.8 ×", small / jdk >= 0.8, ""));
        figures.add(new Figure("Sandbox, 400 customers (10 × the estate)", "req/s", large, Double.NaN, how
                + " (median burst)", "the sandbox at 40 customers: " + Stats.format(small) + " req/s", large / small,
                "within 20 % (0.8 – 1.2 ×)", Math.abs(large / small - 1) <= 0.2, ""));
        figures.add(new Figure("Wrong answers (status or body not the expected one)", "", wrongTotal, Double.NaN,
                wrong.size() + " bursts, all three servers", "0", Double.NaN, "0", wrongTotal == 0, ""));
        return figures;
    }

    private static Jmh.Result run(Path out, String server, int customers, List<String> args) throws Exception {
        Files.deleteIfExists(out.resolve("sandbox-wrong-" + server + "-" + customers + ".txt"));
        return Jmh.run(new OptionsBuilder().param("server", server).param("customers", String.valueOf(customers)),
                SandboxBench.class, "burst", 1, 1, 5, 1, args);
    }

    /** Requests per second of the median burst. */
    private static double perSecond(Jmh.Result burst) {
        return SandboxBench.REQUESTS / (burst.median() / 1000.0);
    }
}
