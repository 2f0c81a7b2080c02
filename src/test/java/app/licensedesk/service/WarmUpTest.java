package app.licensedesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.EnirisConnection;
import app.licensedesk.api.testing.FakeEniris;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.SessionState;
import app.licensedesk.session.TokenSession;
import app.licensedesk.testing.TestClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The warm-up after sign-in: in the background, sending nothing, never in the way of the sign-in, and once a
 * process.
 */
class WarmUpTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeEniris fake = new FakeEniris(clock);
    private final MockWebServer server = new MockWebServer();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // the thread's name now, not the reader's when asked later
            super.append(event);
        }
    };
    private final Logger logger = (Logger) LoggerFactory.getLogger(WarmUp.class);
    private ClientSettings settings;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(fake);
        server.start();
        settings = TestSettings.fast(clock, new RecordingSleeper());
        log.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false); // the made-up failure below need not reach the console
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        logger.setLevel(null);
        logger.setAdditive(true);
        server.close();
    }

    @Test
    void afterSignInTheServiceWarmsUpInTheBackgroundWithoutARequest() {
        // a warm-up of its own: the process's one may have run for an earlier test in this JVM
        try (Backend backend = Backends.connect(TestSettings.environment(server), settings, new WarmUp())) {
            int requests = server.getRequestCount();
            assertThat(backend.session().signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray()))
                    .isEqualTo(SessionState.SIGNED_IN);
            int signIn = server.getRequestCount() - requests;
            await().atMost(30, TimeUnit.SECONDS).until(() -> log.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith("Warmed up in")));
            assertThat(log.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(e.getThreadName()).isEqualTo(WarmUp.THREAD);
            });
            // what the sign-in sent (login, access token) and nothing more
            assertThat(signIn).isEqualTo(2);
            assertThat(server.getRequestCount() - requests).isEqualTo(signIn);
        }
    }

    @Test
    void aWarmUpThatFailsNeitherHoldsUpNorBreaksTheSignIn() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> ranOn = new AtomicReference<>();
        try (EnirisConnection connection = new EnirisConnection(TestSettings.environment(server), settings)) {
            TokenSession session = new TokenSession(connection.authClient(), settings);
            session.addStateListener(new WarmUp().afterSignIn(() -> {
                ranOn.set(Thread.currentThread().getName());
                started.countDown();
                try {
                    // held until the sign-in has returned: a warm-up on the sign-in's thread would stall it here
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("a made-up failure");
            }));

            assertThat(session.signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray()))
                    .isEqualTo(SessionState.SIGNED_IN);
            release.countDown();

            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn.get()).isEqualTo(WarmUp.THREAD);
            await().atMost(30, TimeUnit.SECONDS).until(() -> !log.list.isEmpty());
            assertThat(log.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("a made-up failure");
            });
            assertThat(session.state()).isEqualTo(SessionState.SIGNED_IN);
            assertThat(session.accessToken()).isNotBlank();
        }
    }

    @Test
    void aLaterSignInInTheSameProcessDoesNotWarmUpAgain() throws Exception {
        WarmUp warmUp = new WarmUp();
        AtomicInteger runs = new AtomicInteger();
        try (EnirisConnection connection = new EnirisConnection(TestSettings.environment(server), settings)) {
            TokenSession session = new TokenSession(connection.authClient(), settings);
            session.addStateListener(warmUp.afterSignIn(runs::incrementAndGet));
            session.signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray());
            await().atMost(30, TimeUnit.SECONDS).until(() -> runs.get() == 1);

            // signed out and in again in the same session, as after a sign-out or an expired session
            session.signOut();
            assertThat(session.signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray()))
                    .isEqualTo(SessionState.SIGNED_IN);
            // and the app's next sign-in window, which builds a backend with a session of its own
            TokenSession next = new TokenSession(connection.authClient(), settings);
            next.addStateListener(warmUp.afterSignIn(runs::incrementAndGet));
            assertThat(next.signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray()))
                    .isEqualTo(SessionState.SIGNED_IN);

            joinWarmUpThreads();
            assertThat(runs).hasValue(1);
        }
    }

    /**
     * Waits for every warm-up thread alive now. A sign-in starts its warm-up's thread before it returns, so after
     * this a warm-up that a sign-in above started has run and counted.
     */
    private static void joinWarmUpThreads() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(WarmUp.THREAD)) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        }
    }
}
