package app.licensedesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client against the real sandbox whose every claim and activation is applied and then answered by a
 * dropped connection: the app must read the license back and report what the server did, never send again.
 */
class LostAnswerContractTest {

    private SandboxServer sandbox;
    private Backend backend;
    private LicenseDeskService service;
    private final AtomicInteger checks = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withApplyThenDropRate(1.0));
        ClientSettings settings = TestSettings.fast(Clock.systemUTC(), new RecordingSleeper());
        backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()), settings);
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        service = backend.service();
    }

    @AfterEach
    void stop() {
        backend.close();
        sandbox.close();
    }

    private Customer customerWithControllers() {
        return service.customers().stream().filter(Customer::hasLicenseView)
                .filter(c -> !service.controllers(List.of(c)).controllers().isEmpty()).findFirst().orElseThrow();
    }

    private License freshLicense(Customer customer) {
        return service.licensesOfCustomer(customer).stream()
                .filter(l -> l.activationDate() == null && l.deactivationDate() == null && l.datalinks().isEmpty())
                .findFirst().orElseThrow();
    }

    @Test
    void aClaimWhoseAnswerWasLostIsReadBackAsDone() {
        Customer customer = customerWithControllers();
        Controller controller = service.controllers(List.of(customer)).controllers().get(0);
        License license = freshLicense(customer);

        LicenseOutcome outcome = service.claim(license.key(), controller.nodeId(), LicenseContext.none(),
                checks::incrementAndGet);

        // LOST_DONE, not ALREADY: a second POST would have been answered 400 "already claimed"
        assertThat(outcome.status()).isEqualTo(Status.LOST_DONE);
        assertThat(outcome.claimedTo()).isEqualTo(controller.nodeId());
        assertThat(checks).as("the user was told the outcome is being checked").hasValue(1);
        assertThat(service.licensesOfController(controller.nodeId())).extracting(License::key)
                .containsOnlyOnce(license.key());
    }

    @Test
    void anActivationWhoseAnswerWasLostIsReadBackWithItsInstant() {
        Customer customer = customerWithControllers();
        License license = freshLicense(customer);
        Instant at = Instant.parse("2027-03-01T08:00:00Z");

        LicenseOutcome outcome = service.activate(license.key(), at, new LicenseContext(customer, List.of()),
                checks::incrementAndGet);

        assertThat(outcome.status()).isEqualTo(Status.LOST_DONE);
        assertThat(outcome.activatedAt()).isEqualTo(at);
        assertThat(checks).hasValue(1);
    }

    @Test
    void withNowhereToReadFromTheOutcomeIsUnknownNotRetried() {
        License license = freshLicense(customerWithControllers());

        LicenseOutcome outcome = service.activate(license.key(), null, LicenseContext.none(), checks::incrementAndGet);

        assertThat(outcome.status()).isEqualTo(Status.LOST_UNKNOWN);
        assertThat(outcome.answerLost()).isTrue();
    }
}
