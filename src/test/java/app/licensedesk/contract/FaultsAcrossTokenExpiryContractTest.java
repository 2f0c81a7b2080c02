package app.licensedesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.testing.RecordingProxy;
import app.licensedesk.testing.TestClock;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.customers.CustomersViewModel;
import app.licensedesk.ui.licenses.LicensesViewModel;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Licenses overview and then customers' licenses one by one (the Customers page), the real view models on the
 * real client against the sandbox at a 20 % fault rate, with the access token expiring in the middle of each: the
 * clock the sandbox and the client share jumps past the access token's lifetime (5 minutes) while the overview is
 * half loaded, and again before the customers are opened. Every read completes through retries and one renewal,
 * no error line or dialog appears, and what the pages show is what the sandbox holds.
 */
class FaultsAcrossTokenExpiryContractTest {

    private static final int CUSTOMERS = 30;
    private static final Duration PAST_ACCESS_TOKEN = Duration.ofMinutes(6);

    @Test
    void theOverviewAndCustomersLicensesCompleteThroughFaultsAndAnExpiredAccessToken() throws Exception {
        TestClock clock = TestClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ClientSettings settings = TestSettings.fast(clock, new RecordingSleeper())
                .withReadTimeout(Duration.ofMillis(400))
                .withMaxRetries(8);
        List<String> unexpected = new ArrayList<>();
        BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faults-expiry-test-background");
            t.setDaemon(true);
            return t;
        });
        SandboxOptions options = SandboxOptions.defaults().withCustomers(CUSTOMERS).withClock(clock);
        try (SandboxServer sandbox = SandboxServer.start(options.withFaultRate(0.2));
             RecordingProxy proxy = new RecordingProxy(sandbox.baseUrl(), Duration.ofSeconds(1));
             Backend backend = Backends.connect(Environment.sandbox(proxy.baseUrl()), settings)) {
            UnderFaults.signIn(backend);
            TaskRunner tasks = new TaskRunner(background, fxQueue::add);
            LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), clock);
            LicensesViewModel overview = new LicensesViewModel(backend.service(), tasks, registry,
                    new Directory(backend.service(), tasks), new UnderFaults.FailingDialogs(unexpected));

            overview.shown();
            // the test thread is the FX thread: it runs what the background hands back until the load is done
            boolean expired = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (overview.loadingProperty().get() || !tasks.running().isEmpty() || !fxQueue.isEmpty()) {
                assertThat(System.nanoTime()).as("the overview finished in time").isLessThan(deadline);
                if (!expired && overview.customersDoneProperty().get() >= CUSTOMERS / 3) {
                    assertThat(overview.customersDoneProperty().get()).isLessThan(CUSTOMERS - 2);
                    clock.advance(PAST_ACCESS_TOKEN);
                    expired = true;
                }
                Runnable next = fxQueue.poll(50, TimeUnit.MILLISECONDS);
                if (next != null) {
                    next.run();
                }
            }
            assertThat(expired).as("the token expired while the overview loaded").isTrue();
            assertThat(overview.errorTextProperty().get()).isEmpty();
            assertThat(overview.warningTextProperty().get()).isEmpty();
            assertThat(overview.failedCountProperty().get()).isZero();
            assertThat(overview.customersDoneProperty().get()).isEqualTo(overview.customersTotalProperty().get());
            assertThat(overview.rows()).hasSize(options.licenses());
            int renewals = proxy.seen("/auth/accesstoken").size();
            assertThat(renewals).as("the access token was renewed after it expired").isPositive();

            // a customer's licenses, one customer after the other, with the token expiring again on the way
            clock.advance(PAST_ACCESS_TOKEN);
            TaskRunner inline = TaskRunner.inline();
            Directory directory = new Directory(backend.service(), inline);
            CustomersViewModel customers = new CustomersViewModel(backend.service(), inline, registry, directory,
                    new UnderFaults.FailingDialogs(unexpected));
            customers.shown();
            assertThat(customers.customersErrorProperty().get()).isEmpty();
            List<Customer> withLicenses = customers.customers().stream().filter(Customer::hasLicenseView).toList();
            assertThat(withLicenses).hasSize(CUSTOMERS - 2); // two have no UUID
            try (SandboxServer twin = SandboxServer.start(options);
                 Backend clean = Backends.connect(Environment.sandbox(twin.baseUrl()), settings)) {
                clean.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
                for (Customer customer : withLicenses) {
                    customers.selectedCustomerProperty().set(customer);
                    assertThat(customers.licenses().errorProperty().get()).as(customer.name()).isEmpty();
                    assertThat(customers.licenses().rows()).extracting(LicenseRow::getKey).as(customer.name())
                            .containsExactlyInAnyOrderElementsOf(clean.service().licensesOfCustomer(customer)
                                    .stream().map(License::key).toList());
                }
            }
            assertThat(proxy.seen("/auth/accesstoken").size()).as("renewed again").isGreaterThan(renewals);
            assertThat(unexpected).isEmpty();
        } finally {
            background.shutdownNow();
        }
    }
}
