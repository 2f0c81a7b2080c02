package app.licensedesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.model.SessionState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Token lifetimes against the real sandbox with moving clocks: the sandbox's clock is the server's time, the
 * client's clock is the user's; they move together unless a test wants the client to be unaware.
 */
class TokenLifecycleContractTest {

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    private final TestClock serverClock = TestClock.at(START);
    private SandboxServer sandbox;
    private Backend backend;

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Backend start(TestClock clientClock) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(5).withClock(serverClock));
        backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()),
                TestSettings.fast(clientClock, new RecordingSleeper()));
        assertThat(backend.session().signIn(SandboxAccounts.ADMIN_USERNAME,
                SandboxAccounts.ADMIN_PASSWORD.toCharArray())).isEqualTo(SessionState.SIGNED_IN);
        return backend;
    }

    /** For tests started with {@code start(serverClock)}, where client and server share one clock. */
    private void bothAdvance(Duration duration) {
        serverClock.advance(duration);
    }

    private static ApiException failure(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    @Test
    void accessTokensAreRenewedAsTimeGoesBy() throws Exception {
        Backend b = start(serverClock);
        for (int step = 0; step < 12; step++) {
            bothAdvance(Duration.ofSeconds(100));
            assertThat(b.service().customers()).isNotEmpty();
        }
        assertThat(b.session().state()).isEqualTo(SessionState.SIGNED_IN);
    }

    @Test
    void anAccessTokenTheServerNoLongerAcceptsIsRenewedOnItsRefusal() throws Exception {
        TestClock clientClock = TestClock.at(START); // the client does not notice time passing
        Backend b = start(clientClock);
        serverClock.advance(Duration.ofMinutes(6));
        assertThat(b.service().customers()).isNotEmpty();
        assertThat(b.session().state()).isEqualTo(SessionState.SIGNED_IN);
    }

    @Test
    void theRefreshTokenIsRenewedAfterSevenDaysSoTheSessionOutlivesFourteen() throws Exception {
        Backend b = start(serverClock);
        bothAdvance(Duration.ofDays(8));
        assertThat(b.service().customers()).isNotEmpty();
        bothAdvance(Duration.ofDays(8));
        assertThat(b.service().customers()).isNotEmpty();
        assertThat(b.session().state()).isEqualTo(SessionState.SIGNED_IN);
    }

    @Test
    void anExpiredRefreshTokenSignsOutAndASignInRestores() throws Exception {
        Backend b = start(serverClock);
        bothAdvance(Duration.ofDays(15));
        assertThat(failure(() -> b.service().customers()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        assertThat(b.session().state()).isEqualTo(SessionState.EXPIRED);
        assertThat(b.session().username()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);

        b.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        assertThat(b.session().state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(b.service().customers()).isNotEmpty();
    }

    @Test
    void anExpiredRefreshTokenFoundOnlyThroughA401AlsoSignsOut() throws Exception {
        TestClock clientClock = TestClock.at(START);
        Backend b = start(clientClock);
        serverClock.advance(Duration.ofDays(15));
        assertThat(failure(() -> b.service().customers()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        assertThat(b.session().state()).isEqualTo(SessionState.EXPIRED);
    }

    @Test
    void aSessionSignedOutElsewhereEndsInSignedOut() throws Exception {
        Backend b = start(serverClock);
        Backend other = Backends.connect(Environment.sandbox(sandbox.baseUrl()),
                TestSettings.fast(serverClock, new RecordingSleeper()));
        try {
            other.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            other.session().signOut();
            // Signing out one session leaves the other alone.
            assertThat(b.service().customers()).isNotEmpty();
            assertThat(failure(() -> other.service().customers()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        } finally {
            other.close();
        }
    }
}
