package app.licensedesk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.EnirisClient;
import app.licensedesk.api.EnirisConnection;
import app.licensedesk.api.testing.FakeEniris;
import app.licensedesk.api.testing.FakeEniris.TwoFactor;
import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.TwoFactorMethod;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * With every logger of ours and OkHttp's at TRACE, a whole session (password, 2FA code, renewals, a 401, errors,
 * sign-out) leaves no password, code or token in the log.
 */
class SecretsNeverLoggedTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeEniris fake = new FakeEniris(clock);
    private final MockWebServer server = new MockWebServer();
    private final CapturingAppender appender = new CapturingAppender();
    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final List<Logger> raised = new ArrayList<>();
    private EnirisConnection connection;

    @BeforeEach
    void start() throws Exception {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        for (String name : List.of("app.licensedesk", "okhttp3", "mockwebserver3")) {
            Logger logger = logging.getLogger(name);
            logger.setLevel(Level.TRACE);
            raised.add(logger);
        }
        appender.setContext(logging);
        appender.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        fake.twoFactor(TwoFactor.LOGIN_401);
        fake.route("GET /v1/company", r -> FakeEniris.json(200,
                "{\"company\":[{\"id\":1,\"uuid\":\"u-1\",\"name\":\"Alfa\"}]}"));
        fake.route("GET /v1/license/customer/*", r -> FakeEniris.json(200, "{\"licenses\":[{\"key\":\"K-1\"}]}"));
        server.setDispatcher(fake);
        server.start();
    }

    @AfterEach
    void stop() {
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        raised.forEach(logger -> logger.setLevel(null));
        if (connection != null) {
            connection.close();
        }
        server.close();
    }

    @Test
    void noSecretReachesTheLog() {
        ClientSettings settings = TestSettings.fast(clock, new RecordingSleeper());
        connection = new EnirisConnection(TestSettings.environment(server), settings);
        TokenSession session = new TokenSession(connection.authClient(), settings);
        EnirisClient api = connection.enirisClient(session);

        catchThrowable(() -> session.signIn(FakeEniris.USER, "Wrong-Passw0rd-also-secret".toCharArray()));
        session.signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray());
        catchThrowable(() -> session.completeTwoFactor(TwoFactorMethod.TOTP, "999999"));
        session.completeTwoFactor(TwoFactorMethod.TOTP, FakeEniris.TOTP);
        api.companies();
        api.licensesOfCustomer("u-1", true);
        fake.expireAccessTokens();
        api.companies();
        clock.advance(Duration.ofMinutes(6));
        api.licensesOfCustomer("u-1", true);
        catchThrowable(() -> api.licensesOfController("unknown"));
        session.signOut();
        catchThrowable(api::companies);

        List<String> lines = appender.events.stream().map(SecretsNeverLoggedTest::render).toList();
        String log = String.join("\n", lines);
        // The log is not empty: the HTTP logger was on and saw the sign-in, with the header redacted.
        assertThat(log).contains("--> POST http://127.0.0.1:" + server.getPort() + "/auth/login")
                .contains("Authorization: [redacted]").contains("/v1/company").contains("K-1");
        Set<String> secrets = new java.util.HashSet<>(fake.issuedTokens());
        secrets.addAll(List.of(FakeEniris.PASSWORD, "Wrong-Passw0rd-also-secret", FakeEniris.TOTP, "999999"));
        assertThat(fake.issuedTokens()).hasSizeGreaterThan(4);
        for (String secret : secrets) {
            assertThat(log).as("the log must not contain a secret").doesNotContain(secret);
        }
    }

    /** Collects events from any thread (OkHttp logs from its own threads too). */
    private static final class CapturingAppender extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append('\n').append(ThrowableProxyUtil.asString(t));
        }
        return sb.toString();
    }
}
