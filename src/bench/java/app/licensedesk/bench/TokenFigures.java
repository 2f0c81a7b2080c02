package app.licensedesk.bench;

import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Target 6: 200 concurrent requests of one signed-in client across the expiry of its access token (client and
 * sandbox clocks moved past it together): the sandbox must see exactly one renewal ({@code GET /auth/accesstoken}).
 * The sandbox's router logs every request at DEBUG; an appender counts the renewals. A count, not a timing.
 */
final class TokenFigures {

    static final int REQUESTS = 200;
    static final int BURSTS = 5;

    private TokenFigures() {
    }

    static List<Figure> measure() throws Exception {
        Logger router = (Logger) LoggerFactory.getLogger("app.licensedesk.sandbox.Router");
        AtomicInteger renewals = new AtomicInteger();
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getFormattedMessage().startsWith("GET /auth/accesstoken ")) {
                    renewals.incrementAndGet();
                }
            }
        };
        counter.setContext(router.getLoggerContext());
        counter.start();
        Level before = router.getLevel();
        router.setLevel(Level.DEBUG);
        router.addAppender(counter);
        TestClock clock = TestClock.at(Instant.parse("2026-06-01T08:00:00Z"));
        List<Integer> counts = new ArrayList<>();
        List<Integer> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(5).withClock(clock));
             Backend backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()),
                     TestSettings.fast(clock, new RecordingSleeper()))) {
            backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            for (int burst = 0; burst < BURSTS; burst++) {
                clock.advance(Duration.ofMinutes(6)); // past the 5-minute access token, well within the refresh
                renewals.set(0);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    calls.add(pool.submit(() -> {
                        go.await();
                        return backend.service().customers();
                    }));
                }
                go.countDown();
                int failed = 0;
                for (Future<?> call : calls) {
                    try {
                        call.get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failed++;
                    }
                }
                counts.add(renewals.get());
                failures.add(failed);
            }
        } finally {
            pool.shutdownNow();
            router.detachAppender(counter);
            router.setLevel(before);
        }
        boolean met = counts.stream().allMatch(c -> c == 1) && failures.stream().allMatch(f -> f == 0);
        return List.of(new Figure("Renewal calls per burst of " + REQUESTS + " concurrent requests across an expiry",
                "calls", Stats.median(counts), Stats.p99(counts), BURSTS + " bursts: " + counts + ", failed "
                + "requests " + failures, "exactly 1", Stats.median(counts), "exactly 1 in every burst", met,
                "the client renews once (single flight) and the other requests wait for it"));
    }
}
