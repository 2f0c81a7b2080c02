package app.licensedesk.service.bulk;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.bulk.BulkSandbox.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A measurement, not a test: {@code rows} rows (default 1000) that each claim and activate, against the in-process
 * sandbox with {@code latency} ms (default 50) added to every answer, at the client's default concurrency bound.
 * Prints the preview's and the run's times and the run against the budget of the brief:
 * 1.25 x ceil(rows / bound) x 2 requests x latency. Run it after {@code ./mvnw -DskipTests test-compile} with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) app.licensedesk.service.bulk.BulkThroughput},
 * where cp.txt comes from {@code ./mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class BulkThroughput {

    private BulkThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        SandboxOptions options = SandboxOptions.defaults().withCustomers(500).withLatencyMs(latency);
        Path dir = Files.createTempDirectory("bulk-throughput");
        try (BulkSandbox env = new BulkSandbox(options)) {
            List<Line> lines = env.freshLicenses(rows, "2027-01-15T10:00:00Z");
            Path csv = BulkSandbox.write(dir.resolve("rows.csv"), lines);
            // the defaults, as the command uses them: 8 in flight, real backoff, journal forced before each POST
            ClientSettings settings = ClientSettings.defaults();
            // straight to the sandbox: the counting proxy would add its own hop to every request
            try (Backend backend = Backends.connect(Environment.sandbox(env.sandbox.baseUrl()), settings);
                 BulkEngine engine = new BulkEngine(backend.service(), settings)) {
                backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
                BulkFile file = BulkSandbox.read(csv);
                long t0 = System.nanoTime();
                BulkPreview preview = engine.preview(file, BulkJournal.Replay.EMPTY, () -> false);
                long t1 = System.nanoTime();
                BulkRun.Status status;
                BulkRun run;
                try (BulkJournal journal = BulkJournal.open(BulkJournal.defaultPath(csv), file, Clock.systemUTC())) {
                    run = engine.newRun(preview, journal, r -> { });
                    status = run.execute();
                }
                long t2 = System.nanoTime();
                int bound = settings.maxConcurrentRequests();
                double ideal = Math.ceil(rows / (double) bound) * 2 * latency / 1000.0;
                double took = (t2 - t1) / 1e9;
                System.out.printf(Locale.ROOT, "%d rows, %d ms latency, %d in flight: %s, %s%n", rows, latency, bound,
                        status, run.counts());
                System.out.printf(Locale.ROOT, "preview %.2f s (%s)%n", (t1 - t0) / 1e9, preview.summary());
                System.out.printf(Locale.ROOT, "run %.2f s; bound ceil(%d/%d) x 2 x %d ms = %.2f s; %.2f x the bound"
                        + " (limit 1.25 = %.2f s)%n", took, rows, bound, latency, ideal, took / ideal, 1.25 * ideal);
                System.out.printf(Locale.ROOT, "journal %d lines%n",
                        Files.readAllLines(BulkJournal.defaultPath(csv)).size());
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
