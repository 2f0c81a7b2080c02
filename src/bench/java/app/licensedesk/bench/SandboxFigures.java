package app.licensedesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Target 7: the sandbox's requests per second beside a trivial JDK server, and at ten times the estate. The three
 * servers take turns within each round (SandboxBench), so each ratio is the median of the rounds' own ratios.
 */
final class SandboxFigures {

    private static final int ROUNDS = 5;

    private SandboxFigures() {
    }

    static List<Figure> measure(Path target) throws Exception {
        Path out = Files.createDirectories(target.resolve("bench/sandbox"));
        Files.deleteIfExists(out.resolve(SandboxBench.BURSTS));
        // TCP_NODELAY on the JDK server's sockets, as the sandbox sets it: else its header and body writes wait on
        // delayed ACKs (about 40 ms a request) and the baseline measures that instead of the server
        Jmh.run(SandboxBench.class, "round", 1, 0, ROUNDS, 1, List.of("-Dbench.outDir=" + out,
                "-Dsun.net.httpserver.nodelay=true"));
        List<String> lines = Files.readAllLines(out.resolve(SandboxBench.BURSTS));
        String sizes = lines.get(0).substring(2);
        List<Map<String, Double>> rounds = new ArrayList<>();
        Map<String, List<Double>> millis = new HashMap<>();
        int wrong = 0;
        int warmUps = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("warm-up")) {
                wrong += Integer.parseInt(f[3]);
                warmUps++;
                continue;
            }
            if (rounds.isEmpty() || rounds.get(rounds.size() - 1).size() == SandboxBench.SERVERS.size()) {
                rounds.add(new HashMap<>());
            }
            rounds.get(rounds.size() - 1).put(f[0], Double.parseDouble(f[1]));
            millis.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
            wrong += Integer.parseInt(f[2]);
        }
        String small = SandboxBench.SERVERS.get(0);
        String jdk = SandboxBench.SERVERS.get(1);
        String large = SandboxBench.SERVERS.get(2);
        // a rate's ratio is the inverse of the times' ratio
        List<Double> vsJdk = rounds.stream().map(r -> r.get(jdk) / r.get(small)).toList();
        List<Double> vsSmall = rounds.stream().map(r -> r.get(small) / r.get(large)).toList();
        double smallRate = rate(Stats.median(millis.get(small)));
        double jdkRate = rate(Stats.median(millis.get(jdk)));
        double largeRate = rate(Stats.median(millis.get(large)));
        String how = "JMH single shot, " + rounds.size() + " rounds of " + SandboxBench.REQUESTS + " requests, "
                + SandboxBench.CLIENTS + " clients, to each server in turn (p99: the slowest burst); ratio: median"
                + " of the rounds' ratios ";
        double jdkRatio = Stats.median(vsJdk);
        double estateRatio = Stats.median(vsSmall);
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Sandbox, " + SandboxBench.SMALL + " customers (600 licenses)", "req/s", smallRate,
                rate(Stats.p99(millis.get(small))), how + ratios(vsJdk), "trivial JDK HttpServer, "
                + SandboxBench.CLIENTS + " threads, same bytes: " + Stats.format(jdkRate) + " req/s", jdkRatio,
                "≥ 0.8 ×", jdkRatio >= 0.8, ""));
        figures.add(new Figure("Sandbox, " + SandboxBench.LARGE + " customers (10 × the estate)", "req/s",
                largeRate, rate(Stats.p99(millis.get(large))), how + ratios(vsSmall), "the sandbox at "
                + SandboxBench.SMALL + " customers: " + Stats.format(smallRate) + " req/s", estateRatio,
                "within 20 % (0.8 – 1.2 ×)", Math.abs(estateRatio - 1) <= 0.2,
                "the same requests to both, taking turns: one customer's licenses and its controllers (the device"
                + " query), a customer of the large estate picked for answers of the small one's sizes (" + sizes
                + "), so the figure is the per-request cost of the estate, not of bigger answers"));
        figures.add(new Figure("Wrong answers (status or body not the expected one)", "", wrong, Double.NaN,
                millis.values().stream().mapToInt(List::size).sum() + warmUps + " bursts (warm-up included), all three"
                + " servers", "0",
                Double.NaN, "0", wrong == 0, ""));
        return figures;
    }

    private static double rate(double burstMillis) {
        return SandboxBench.REQUESTS / (burstMillis / 1000.0);
    }

    private static String ratios(List<Double> values) {
        return values.stream().map(Stats::format).toList().toString();
    }
}
