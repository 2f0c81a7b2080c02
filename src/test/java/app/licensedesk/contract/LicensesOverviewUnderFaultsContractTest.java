package app.licensedesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.licenses.LicensesViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Licenses overview, the real view model on the real client, against the sandbox failing one request in five
 * (503s, 45 s stalls, dropped connections, HTML 502 pages, truncated JSON): every customer ends up loaded, because
 * every transient failure of a read is retried. Short read timeouts and a sleeper that does not sleep keep it to
 * seconds; closing the sandbox ends its stalls.
 */
class LicensesOverviewUnderFaultsContractTest {

    private static final int CUSTOMERS = 40;

    @Test
    void everyCustomerIsLoadedAtTwentyPercentFaults() throws Exception {
        // More retries than the default 4, so that five faults in a row for one of 40 customers (a 1 % chance
        // per run with 4) cannot make this test flaky; what it proves is that no kind of fault ends a read.
        ClientSettings settings = TestSettings.fast(Clock.systemUTC(), new RecordingSleeper())
                .withReadTimeout(Duration.ofMillis(400))
                .withMaxRetries(8);
        List<String> unexpected = new ArrayList<>();
        BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "overview-test-background");
            t.setDaemon(true);
            return t;
        });
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(CUSTOMERS)
                .withFaultRate(0.2));
             Backend backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()), settings)) {
            UnderFaults.signIn(backend);
            TaskRunner tasks = new TaskRunner(background, fxQueue::add);
            LicensesViewModel vm = new LicensesViewModel(backend.service(), tasks,
                    new LicenseRegistry(LicenseTerms.defaults(), Clock.systemUTC()),
                    new Directory(backend.service(), tasks), new UnderFaults.FailingDialogs(unexpected));

            vm.shown();
            // the test thread is the FX thread: it runs what the background hands back until the load is done
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (vm.loadingProperty().get() || !tasks.running().isEmpty() || !fxQueue.isEmpty()) {
                assertThat(System.nanoTime()).as("the overview finished in time").isLessThan(deadline);
                Runnable next = fxQueue.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    next.run();
                }
            }

            assertThat(vm.errorTextProperty().get()).isEmpty();
            assertThat(vm.warningTextProperty().get()).isEmpty();
            assertThat(vm.failedCountProperty().get()).isZero();
            assertThat(vm.customersTotalProperty().get()).isEqualTo(CUSTOMERS - 2); // two have no UUID
            assertThat(vm.customersDoneProperty().get()).isEqualTo(vm.customersTotalProperty().get());
            assertThat(vm.rows()).hasSize(SandboxOptions.defaults().withCustomers(CUSTOMERS).licenses());
            assertThat(unexpected).isEmpty();
        } finally {
            background.shutdownNow();
        }
    }
}
