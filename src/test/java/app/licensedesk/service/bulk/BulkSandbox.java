package app.licensedesk.service.bulk;

import app.licensedesk.api.ApiException;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.ErrorKind;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A real sandbox behind a {@link SandboxProxy}, a signed-in admin backend through the proxy, and helpers to pick
 * licenses and write bulk files. The rows are picked on a fault-free twin (same seed, so the same estate), so a
 * sandbox with faults can be used as it is.
 */
final class BulkSandbox implements AutoCloseable {

    /** A bulk row to write: key, nodeId and the activationIso cell. */
    record Line(String key, String nodeId, String activation) {
    }

    /** Failures a sandbox with faults gives that pass when tried again. */
    static final Set<ErrorKind> TRANSIENT = EnumSet.of(ErrorKind.NETWORK, ErrorKind.TIMEOUT, ErrorKind.UNREADABLE,
            ErrorKind.SERVER, ErrorKind.RATE_LIMITED);

    final SandboxServer sandbox;
    final SandboxProxy proxy;
    final ClientSettings settings;
    private final List<Backend> backends = new ArrayList<>();
    private final SandboxOptions options;

    BulkSandbox(SandboxOptions options) throws IOException {
        this.options = options;
        this.sandbox = SandboxServer.start(options);
        this.proxy = new SandboxProxy(sandbox.baseUrl());
        // short timeouts so the sandbox's 45 s stalls cost little; backoff recorded, not slept
        this.settings = ClientSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(1))
                .withReadTimeout(Duration.ofMillis(700))
                .withRetryBaseDelay(Duration.ofMillis(1))
                .withMaxRetries(8)
                .withAccessTokenRenewalMargin(Duration.ZERO)
                .withClock(Clock.systemUTC())
                .withSleeper(new RecordingSleeper());
    }

    /** The admin, signed in through the proxy (retrying sign-in through faults). */
    Backend admin() {
        Backend backend = Backends.connect(Environment.sandbox(proxy.baseUrl()), settings);
        backends.add(backend);
        signIn(backend);
        return backend;
    }

    static void signIn(Backend backend) {
        for (int attempt = 0; ; attempt++) {
            try {
                backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
                return;
            } catch (ApiException e) {
                if (attempt > 30 || !TRANSIENT.contains(e.kind())) {
                    throw e;
                }
            }
        }
    }

    /** A backend straight to the sandbox, not through the proxy: its POSTs are not counted. */
    Backend direct() {
        Backend backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()), settings);
        backends.add(backend);
        signIn(backend);
        return backend;
    }

    /**
     * {@code count} licenses that are neither claimed nor activated, each with a controller of its own customer,
     * found on a fault-free twin of the sandbox.
     */
    List<Line> freshLicenses(int count, String activation) throws IOException {
        return pick(count, 0, 0).stream().map(l -> new Line(l.key(), l.nodeId(), activation)).toList();
    }

    /**
     * {@code unactivated} licenses that are neither claimed nor activated, then {@code others} that are not claimed
     * but may be activated, found on a fault-free twin of the sandbox. Each goes to a controller of its own
     * customer, or with {@code controllers > 0} to one of that many controllers (fewer reads to check them).
     */
    List<Line> pick(int unactivated, int others, int controllers) throws IOException {
        SandboxOptions clean = options.withFaultRate(0).withApplyThenDropRate(0).withLatencyMs(0);
        try (SandboxServer twin = SandboxServer.start(clean);
             Backend backend = Backends.connect(Environment.sandbox(twin.baseUrl()), settings)) {
            backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            LicenseDeskService service = backend.service();
            List<Line> fresh = new ArrayList<>();
            List<Line> rest = new ArrayList<>();
            List<Customer> customers = service.customers();
            List<Controller> shared = service.controllers(customers).controllers().subList(0, controllers);
            for (Customer customer : customers) {
                List<Controller> targets = controllers > 0 ? shared
                        : service.controllers(List.of(customer)).controllers();
                if (!customer.hasLicenseView() || targets.isEmpty()) {
                    continue;
                }
                int i = 0;
                for (License l : service.licensesOfCustomer(customer)) {
                    if (!l.datalinks().isEmpty()) {
                        continue;
                    }
                    Line line = new Line(l.key(), targets.get(i++ % targets.size()).nodeId(), "");
                    (l.activationDate() == null && l.deactivationDate() == null ? fresh : rest).add(line);
                }
            }
            if (fresh.size() < unactivated || fresh.size() - unactivated + rest.size() < others) {
                throw new IllegalStateException("only " + fresh.size() + " fresh and " + rest.size() + " others");
            }
            List<Line> out = new ArrayList<>(fresh.subList(0, unactivated));
            rest.addAll(0, fresh.subList(unactivated, fresh.size()));
            out.addAll(rest.subList(0, others));
            return out;
        }
    }

    static Path write(Path file, List<Line> lines) throws IOException {
        StringBuilder sb = new StringBuilder("licenseKey,nodeId,activationIso\n");
        lines.forEach(l -> sb.append(l.key()).append(',').append(l.nodeId()).append(',').append(l.activation())
                .append('\n'));
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    static BulkFile read(Path file) throws IOException {
        return BulkCsv.read(file, ZoneOffset.UTC);
    }

    /** A read through a faulty sandbox, tried until it works. */
    static <T> T retrying(Supplier<T> read) {
        for (int attempt = 0; ; attempt++) {
            try {
                return read.get();
            } catch (ApiException e) {
                if (attempt > 30 || !TRANSIENT.contains(e.kind())) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        backends.forEach(Backend::close);
        proxy.close();
        sandbox.close();
    }
}
