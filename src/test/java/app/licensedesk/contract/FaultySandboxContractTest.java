package app.licensedesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.model.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client against the sandbox's fault injection (503s, stalls, dropped connections, HTML 502s, truncated
 * JSON on every path): whatever happens, callers see data or an {@link ApiException} of a transport kind.
 */
class FaultySandboxContractTest {

    private static final Set<ErrorKind> TRANSPORT_KINDS =
        EnumSet.of(ErrorKind.SERVER, ErrorKind.NETWORK, ErrorKind.TIMEOUT, ErrorKind.UNREADABLE);

    @Test
    void faultsBecomeRetriesOrTransportErrorsNeverCrashes() throws Exception {
        ClientSettings settings = TestSettings.fast(Clock.systemUTC(), new RecordingSleeper())
                .withReadTimeout(Duration.ofMillis(500));
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(5)
                .withFaultRate(0.3));
             Backend backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()), settings)) {
            signInDespiteFaults(backend);
            List<Customer> customers = null;
            int succeeded = 0;
            int failed = 0;
            for (int i = 0; i < 30; i++) {
                try {
                    if (customers == null || i % 2 == 0) {
                        customers = backend.service().customers();
                    } else {
                        backend.service().licensesOfCustomer(customers.get(i % customers.size()));
                    }
                    succeeded++;
                } catch (ApiException e) {
                    assertThat(e.kind()).as(e.toString()).isIn(TRANSPORT_KINDS);
                    failed++;
                }
            }
            // GETs are retried, so most calls get through even with 30 % of the requests failing.
            assertThat(succeeded).isGreaterThan(failed);
            assertThat(backend.session().state()).isEqualTo(SessionState.SIGNED_IN);
        }
    }

    /** Sign-in POSTs are not retried by the client, so the test retries them. */
    private static void signInDespiteFaults(Backend backend) {
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
                return;
            } catch (ApiException e) {
                assertThat(e.kind()).as(e.toString()).isIn(TRANSPORT_KINDS);
            }
        }
        throw new AssertionError("could not sign in through the faults");
    }
}
