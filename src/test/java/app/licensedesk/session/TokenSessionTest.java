package app.licensedesk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.AuthClient;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.EnirisClient;
import app.licensedesk.api.EnirisConnection;
import app.licensedesk.api.testing.FakeEniris;
import app.licensedesk.api.testing.FakeEniris.TwoFactor;
import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenSessionTest {

    private static final String COMPANIES = "{\"company\":[{\"id\":1,\"uuid\":\"u-1\",\"name\":\"Alfa\"}]}";

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeEniris fake = new FakeEniris(clock);
    private final MockWebServer server = new MockWebServer();
    private final List<SessionState> states = new CopyOnWriteArrayList<>();
    private EnirisConnection connection;
    private AuthClient auth;
    private TokenSession session;
    private EnirisClient api;

    @BeforeEach
    void start() throws Exception {
        fake.route("GET /v1/company", request -> FakeEniris.json(200, COMPANIES));
        server.setDispatcher(fake);
        server.start();
        ClientSettings settings = TestSettings.fast(clock, new RecordingSleeper());
        connection = new EnirisConnection(TestSettings.environment(server), settings);
        auth = connection.authClient();
        session = new TokenSession(auth, settings);
        session.addStateListener(states::add);
        api = connection.enirisClient(session);
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    private SessionState signIn() {
        return session.signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray());
    }

    private static ApiException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    @Test
    void signsInWithLoginThenAccessToken() {
        char[] password = FakeEniris.PASSWORD.toCharArray();
        assertThat(session.signIn(FakeEniris.USER, password)).isEqualTo(SessionState.SIGNED_IN);
        assertThat(password).containsOnly('\0');
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(session.username()).isEqualTo(FakeEniris.USER);
        assertThat(states).containsExactly(SessionState.SIGNED_IN);
        assertThat(fake.calls("POST /auth/login")).isEqualTo(1);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(1);
        assertThat(api.companies()).hasSize(1);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(1);
    }

    @Test
    void wrongPasswordIsUnauthorizedWithItsCodeAndChangesNothing() {
        char[] password = "wrong".toCharArray();
        ApiException e = failure(() -> session.signIn(FakeEniris.USER, password));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(e.errorCode()).isEqualTo("PASSWORD_INCORRECT");
        assertThat(password).containsOnly('\0');
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_OUT);
        assertThat(states).isEmpty();
        assertThat(failure(() -> api.companies()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        assertThat(fake.calls("GET /v1/company")).isZero();
    }

    @Test
    void twoFactorSignalledByLogin401CompletesWithTotp() {
        fake.twoFactor(TwoFactor.LOGIN_401);
        assertThat(signIn()).isEqualTo(SessionState.TWO_FACTOR_REQUIRED);
        assertThat(session.state()).isEqualTo(SessionState.TWO_FACTOR_REQUIRED);
        assertThat(failure(() -> api.companies()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);

        ApiException wrongCode = failure(() -> session.completeTwoFactor(TwoFactorMethod.TOTP, "000000"));
        assertThat(wrongCode.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(session.state()).isEqualTo(SessionState.TWO_FACTOR_REQUIRED);

        session.completeTwoFactor(TwoFactorMethod.TOTP, " " + FakeEniris.TOTP + " ");
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(states).containsExactly(SessionState.TWO_FACTOR_REQUIRED, SessionState.SIGNED_IN);
        assertThat(api.companies()).hasSize(1);
        // The access token came with the 2FA answer.
        assertThat(fake.calls("GET /auth/accesstoken")).isZero();
    }

    @Test
    void twoFactorSignalledByAccessToken401CompletesWithAnEmailedCode() {
        fake.twoFactor(TwoFactor.ACCESS_TOKEN_401);
        assertThat(signIn()).isEqualTo(SessionState.TWO_FACTOR_REQUIRED);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(1);
        session.requestEmailCode();
        assertThat(fake.calls("POST /user/2fa/email-otp/challenge")).isEqualTo(1);
        session.completeTwoFactor(TwoFactorMethod.EMAIL_OTP, FakeEniris.EMAIL_OTP);
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(api.companies()).hasSize(1);
    }

    @Test
    void twoFactorCompletesWithARecoveryCode() {
        fake.twoFactor(TwoFactor.ACCESS_TOKEN_401);
        signIn();
        session.completeTwoFactor(TwoFactorMethod.RECOVERY_CODE, FakeEniris.RECOVERY_CODE);
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(fake.calls("POST /user/2fa/recovery-code/authenticate")).isEqualTo(1);
    }

    @Test
    void secondFactorCallsNeedAPendingSignIn() {
        assertThatThrownBy(() -> session.requestEmailCode()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.completeTwoFactor(TwoFactorMethod.TOTP, "123456"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void accessTokenIsRenewedAheadOfItsJwtExpiry() {
        fake.accessLifetime(Duration.ofSeconds(60)); // exp = now + 60 s; margin 30 s
        signIn();
        clock.advance(Duration.ofSeconds(25));
        api.companies();
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        api.companies();
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(2);
        // The server never had to refuse a token.
        assertThat(fake.calls("GET /v1/company")).isEqualTo(2);
    }

    @Test
    void accessTokenIsRenewedAfterFiveMinutesWhateverItsExp() {
        fake.accessLifetime(Duration.ofMinutes(10));
        signIn();
        clock.advance(Duration.ofSeconds(269));
        api.companies();
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        api.companies();
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(2);
    }

    @Test
    void a401IsAnsweredWithOneRenewalAndOneRetry() {
        signIn();
        fake.expireAccessTokens();
        assertThat(api.companies()).hasSize(1);
        assertThat(fake.calls("GET /v1/company")).isEqualTo(2);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentCallsWithAnExpiredTokenCauseOneRenewal() throws Exception {
        signIn();
        fake.accessTokenDelayMillis(200);
        clock.advance(Duration.ofMinutes(6));
        assertThat(runConcurrently(50)).isEqualTo(50);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(2);
        assertThat(fake.calls("GET /v1/company")).isEqualTo(50);
    }

    @Test
    void fiftyConcurrentCallsRefusedWith401CauseOneRenewal() throws Exception {
        signIn();
        fake.accessTokenDelayMillis(200);
        fake.expireAccessTokens();
        assertThat(runConcurrently(50)).isEqualTo(50);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(2);
    }

    /** Starts {@code n} calls at once; returns how many succeeded. */
    private int runConcurrently(int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return api.companies().size();
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<Integer> result : results) {
                ok += result.get(30, TimeUnit.SECONDS);
            }
            return ok;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void revokedRefreshTokenEndsInSignedOutAndAnExpiredSession() {
        signIn();
        fake.revokeRefreshTokens();
        fake.expireAccessTokens();
        ApiException e = failure(() -> api.companies());
        assertThat(e.kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        assertThat(session.state()).isEqualTo(SessionState.EXPIRED);
        assertThat(states).containsExactly(SessionState.SIGNED_IN, SessionState.EXPIRED);
        int accessTokenCalls = fake.calls("GET /auth/accesstoken");

        // Later calls fail at once, without bothering the server.
        assertThat(failure(() -> api.companies()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(accessTokenCalls);

        // Signing in again restores the session for the same user.
        assertThat(signIn()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(session.username()).isEqualTo(FakeEniris.USER);
        assertThat(api.companies()).hasSize(1);
    }

    @Test
    void expiryByTimeWithARevokedRefreshTokenIsAlsoSignedOut() {
        signIn();
        fake.revokeRefreshTokens();
        clock.advance(Duration.ofMinutes(5));
        assertThat(failure(() -> api.companies()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        assertThat(session.state()).isEqualTo(SessionState.EXPIRED);
        // A wrong password from EXPIRED leaves it EXPIRED.
        failure(() -> session.signIn(FakeEniris.USER, "nope".toCharArray()));
        assertThat(session.state()).isEqualTo(SessionState.EXPIRED);
    }

    @Test
    void refreshTokenIsRenewedAfterSevenDays() {
        signIn();
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        api.companies();
        assertThat(fake.calls("GET /auth/refreshtoken")).isEqualTo(1);
        // The fake rotates refresh tokens: later renewals work only with the new one.
        clock.advance(Duration.ofMinutes(5));
        api.companies();
        assertThat(fake.calls("GET /auth/refreshtoken")).isEqualTo(1);
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(3);
    }

    @Test
    void signOutRevokesAndForgetsTheTokens() {
        signIn();
        session.signOut();
        assertThat(fake.calls("POST /auth/logout")).isEqualTo(1);
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_OUT);
        assertThat(states).containsExactly(SessionState.SIGNED_IN, SessionState.SIGNED_OUT);
        assertThat(failure(() -> api.companies()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        // Signing out twice does not call the server again.
        session.signOut();
        assertThat(fake.calls("POST /auth/logout")).isEqualTo(1);
    }

    @Test
    void signOutSucceedsLocallyWhenTheServerIsGone() {
        signIn();
        server.close();
        session.signOut();
        assertThat(session.state()).isEqualTo(SessionState.SIGNED_OUT);
    }
}
