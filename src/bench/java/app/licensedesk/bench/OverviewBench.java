package app.licensedesk.bench;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.LicenseDeskService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Target 4: the Licenses overview's load (the company list, then every customer's licenses through the service's
 * bounded pool) against the sandbox with 500 customers and 50 ms added to every request. One invocation is one
 * whole load; the time to the first customer's rows is noted to {@code bench.outDir}/overview-first-N.txt.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class OverviewBench {

    static final int CUSTOMERS = 500;
    static final int LATENCY_MS = 50;

    @Param({"8"})
    public int concurrency;

    private SandboxServer sandbox;
    private Backend backend;
    private final StringBuilder firstRows = new StringBuilder();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(CUSTOMERS).withLatencyMs(LATENCY_MS));
        ClientSettings settings = new ClientSettings(concurrency, ClientSettings.defaults().controllerNodeTypes(),
                ClientSettings.defaults().connectTimeout(), ClientSettings.defaults().readTimeout(),
                ClientSettings.defaults().maxRetries(), ClientSettings.defaults().retryBaseDelay(),
                ClientSettings.defaults().retryMaxDelay(), ClientSettings.defaults().accessTokenMaxAge(),
                ClientSettings.defaults().accessTokenRenewalMargin(), ClientSettings.defaults().refreshTokenRenewAfter(),
                ClientSettings.defaults().clock(), ClientSettings.defaults().sleeper());
        backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()), settings);
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        backend.close();
        sandbox.close();
        String dir = System.getProperty("bench.outDir");
        if (dir != null) {
            Files.writeString(Path.of(dir, "overview-first-" + concurrency + ".txt"), firstRows.toString(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Benchmark
    public int loadAll() {
        long start = System.nanoTime();
        AtomicLong first = new AtomicLong(-1);
        AtomicInteger licenses = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        LicenseDeskService service = backend.service();
        List<Customer> customers = service.customers().stream().filter(Customer::hasLicenseView).toList();
        service.loadLicenses(customers, new LicenseDeskService.CustomerLicensesListener() {
            @Override
            public void loaded(Customer customer, List<License> list) {
                first.compareAndSet(-1, System.nanoTime() - start);
                licenses.addAndGet(list.size());
            }

            @Override
            public void failed(Customer customer, RuntimeException error) {
                failed.incrementAndGet();
            }
        }, () -> false);
        if (failed.get() > 0 || licenses.get() == 0) {
            throw new IllegalStateException(failed.get() + " customers failed, " + licenses.get() + " licenses");
        }
        firstRows.append(first.get() / 1_000_000.0).append('\n');
        return licenses.get();
    }
}
