package app.licensedesk.bench;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.bulk.BulkCsv;
import app.licensedesk.service.bulk.BulkEngine;
import app.licensedesk.service.bulk.BulkFile;
import app.licensedesk.service.bulk.BulkJournal;
import app.licensedesk.service.bulk.BulkPreview;
import app.licensedesk.service.bulk.BulkRun;
import app.licensedesk.service.bulk.PlannedRow;
import app.licensedesk.service.bulk.RowResult;
import app.licensedesk.ui.common.ErrorMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Target 5: a CSV of {@link #ROWS} rows, each a claim and an activation of a fresh license, through the real bulk
 * engine against the real sandbox ({@link #CUSTOMERS} customers, {@link #LATENCY_MS} ms added to every answer), at
 * the client's default settings (its concurrency bound, its retries, the journal forced to the disk before each
 * POST). Each invocation gets a new sandbox (the same seed, so the same fresh licenses), signs in and previews the
 * file outside the timing; one invocation is the run itself. Per invocation {@code bench.outDir}/bulk-runs.txt
 * gets "previewMillis previewRequests runMillis runRequests", the requests as the sandbox counted them.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BulkBench {

    static final int ROWS = 1000;
    static final int CUSTOMERS = 500;
    static final int LATENCY_MS = 50;
    static final String RUNS = "bulk-runs.txt";

    private final ClientSettings settings = ClientSettings.defaults();
    private final StringBuilder runs = new StringBuilder();
    private Path dir;
    private Path csv;
    private BulkFile file;
    private SandboxServer sandbox;
    private Backend backend;
    private BulkEngine engine;
    private BulkJournal journal;
    private BulkRun run;
    private long previewNanos;
    private long previewRequests;
    private long runNanos;
    private long before;

    @Setup(Level.Trial)
    public void pickRows() throws Exception {
        dir = Files.createTempDirectory("bulk-bench");
        StringBuilder lines = new StringBuilder(BulkCsv.KEY + "," + BulkCsv.NODE_ID + "," + BulkCsv.ACTIVATION + "\n");
        int picked = 0;
        try (SandboxServer twin = SandboxServer.start(options().withLatencyMs(0));
             Backend reader = signedIn(twin)) {
            LicenseDeskService service = reader.service();
            for (Customer customer : service.customers()) {
                List<Controller> controllers = service.controllers(List.of(customer)).controllers();
                if (!customer.hasLicenseView() || controllers.isEmpty()) {
                    continue;
                }
                for (License l : service.licensesOfCustomer(customer)) {
                    if (picked < ROWS && l.datalinks().isEmpty() && l.activationDate() == null
                            && l.deactivationDate() == null) {
                        lines.append(l.key()).append(',').append(controllers.get(picked % controllers.size())
                                .nodeId()).append(",2027-01-15T10:00:00Z\n");
                        picked++;
                    }
                }
            }
        }
        if (picked < ROWS) {
            throw new IllegalStateException("only " + picked + " fresh licenses");
        }
        csv = Files.writeString(dir.resolve("rows.csv"), lines, StandardCharsets.UTF_8);
        file = BulkCsv.read(csv, ZoneOffset.UTC);
    }

    private static SandboxOptions options() {
        return SandboxOptions.defaults().withCustomers(CUSTOMERS).withLatencyMs(LATENCY_MS);
    }

    private Backend signedIn(SandboxServer server) {
        Backend b = Backends.connect(Environment.sandbox(server.baseUrl()), settings);
        b.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        return b;
    }

    @Setup(Level.Invocation)
    public void preview() throws Exception {
        sandbox = SandboxServer.start(options());
        backend = signedIn(sandbox);
        engine = new BulkEngine(backend.service(), settings, ErrorMessages.forBulk());
        Files.deleteIfExists(BulkJournal.defaultPath(csv));
        long requests = sandbox.requestsHandled();
        long start = System.nanoTime();
        BulkPreview preview = engine.preview(file, BulkJournal.read(BulkJournal.defaultPath(csv), file), () -> false);
        previewNanos = System.nanoTime() - start;
        previewRequests = sandbox.requestsHandled() - requests;
        if (preview.count(PlannedRow.Verdict.READY) != ROWS) {
            throw new IllegalStateException("the preview is not all ready: " + preview.summary());
        }
        journal = BulkJournal.open(BulkJournal.defaultPath(csv), file, Clock.systemUTC());
        run = engine.newRun(preview, journal, r -> { });
        before = sandbox.requestsHandled();
    }

    @Benchmark
    public int execute() {
        long start = System.nanoTime();
        BulkRun.Status status = run.execute();
        runNanos = System.nanoTime() - start;
        int done = run.counts().get(RowResult.Outcome.DONE);
        if (status != BulkRun.Status.FINISHED || done != ROWS) {
            throw new IllegalStateException(status + " " + run.counts());
        }
        return done;
    }

    @TearDown(Level.Invocation)
    public void close() throws IOException {
        long requests = sandbox.requestsHandled() - before;
        journal.close();
        engine.close();
        backend.close();
        sandbox.close();
        runs.append(String.format(Locale.ROOT, "%.1f %d %.1f %d%n", previewNanos / 1e6, previewRequests,
                runNanos / 1e6, requests));
    }

    @TearDown(Level.Trial)
    public void write() throws IOException {
        String out = System.getProperty("bench.outDir");
        if (out != null) {
            Files.writeString(Path.of(out, RUNS), runs, StandardCharsets.UTF_8);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
