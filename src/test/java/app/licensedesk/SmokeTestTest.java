package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The smoke test's verdicts, without a window: the real run is .ci/run's packaged launcher under Xvfb. */
class SmokeTestTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger halted = new AtomicInteger(-1);
    private final CountDownLatch haltCalled = new CountDownLatch(1);

    private SmokeTest smokeTest(Duration timeout) {
        return new SmokeTest(1_000, () -> 2_345, timeout, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), code -> {
                    halted.set(code);
                    haltCalled.countDown();
                });
    }

    @Test
    void theSignInWindowShownPrintsTheTimeSinceTheJvmStartedAsTheLastLine() {
        SmokeTest test = smokeTest(SmokeTest.TIMEOUT);
        int code = test.run(() -> test.shown(true, true));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ready in 1345 ms" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aStartThatFailsSaysWhyOnStderr() {
        SmokeTest test = smokeTest(SmokeTest.TIMEOUT);
        int code = test.run(() -> {
            throw new RuntimeException("Exception in Application start method",
                    new UnsupportedOperationException("Unable to open DISPLAY"));
        });
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the app did not start: Unable to open DISPLAY (UnsupportedOperationException)");
    }

    @Test
    void anAppThatEndsWithoutItsWindowOrWithAnotherWindowFails() {
        assertThat(smokeTest(SmokeTest.TIMEOUT).run(() -> { })).isEqualTo(1);
        SmokeTest other = smokeTest(SmokeTest.TIMEOUT);
        assertThat(other.run(() -> other.shown(true, false))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ended before its sign-in window was shown")
                .contains("the first window is not the sign-in window");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aStartThatHangsIsEndedByTheWatchdog() throws Exception {
        SmokeTest test = smokeTest(Duration.ofSeconds(1));
        Thread hanging = new Thread(() -> test.run(() -> {
            try {
                haltCalled.await(); // stands for a launch that never shows a window
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        hanging.start();
        assertThat(haltCalled.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(halted.get()).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no sign-in window after 1 s");
        hanging.join(TimeUnit.SECONDS.toMillis(30));
    }
}
