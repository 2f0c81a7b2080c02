package app.licensedesk;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code --smoke-test}: proves that a build (the jar or an installed package) starts. It launches the app, waits
 * for the sign-in window, prints {@code ready in N ms} (since the JVM started) as its last line and returns 0;
 * on any failure it prints the reason on stderr and returns 1, and a watchdog ends the JVM with 3 when no window
 * came within the timeout, so it never hangs a build.
 */
final class SmokeTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * Modules the sign-in window does not load but the app needs later (TLS to Eniris, dates in the user's
     * language, the credential store's D-Bus transport): a trimmed runtime that lacks one would start fine and fail
     * in front of a user.
     */
    static final List<String> LATER_MODULES = List.of("jdk.crypto.ec", "jdk.localedata", "jdk.net",
        "jdk.security.auth");
    private static final String PREFIX = "license-desk --smoke-test: ";

    /** The smoke test now running in this JVM, if any; the app reports its first window here. */
    private static volatile SmokeTest running;

    private final long startMillis;
    private final LongSupplier clock;
    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;
    private final IntConsumer halt;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile long shownMillis = -1;
    private volatile String problem;

    SmokeTest(long startMillis, LongSupplier clock, Duration timeout, PrintStream out, PrintStream err,
              IntConsumer halt) {
        this.startMillis = startMillis;
        this.clock = clock;
        this.timeout = timeout;
        this.out = out;
        this.err = err;
        this.halt = halt;
    }

    /**
     * The smoke test of this JVM: timed from the JVM's start (or from the start of the JVM that handed the app to
     * this one: {@link ClassDataLaunch}), on stdout and stderr.
     */
    static SmokeTest forThisJvm() {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        return new SmokeTest(Math.min(started, Long.getLong(ClassDataLaunch.LAUNCHED_AT, started)),
                System::currentTimeMillis,
                TIMEOUT, System.out, System.err, code -> Runtime.getRuntime().halt(code));
    }

    /**
     * Runs {@code launch} (which blocks until the app has ended) and reports.
     *
     * @return the exit code: 0 when the sign-in window was shown, else 1
     */
    int run(Runnable launch) {
        Thread watchdog = new Thread(this::watch, "license-desk-smoke-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        running = this;
        try {
            List<String> missing = LATER_MODULES.stream()
                    .filter(name -> ModuleLayer.boot().findModule(name).isEmpty()).toList();
            if (!missing.isEmpty()) {
                err.println(PREFIX + "the Java runtime lacks the modules " + String.join(", ", missing));
                return 1;
            }
            launch.run();
        } catch (RuntimeException | Error e) {
            err.println(PREFIX + "the app did not start: " + reason(e));
            return 1;
        } finally {
            running = null;
            finished.countDown();
        }
        if (problem != null) {
            err.println(PREFIX + problem);
            return 1;
        }
        if (shownMillis < 0) {
            err.println(PREFIX + "the app ended before its sign-in window was shown");
            return 1;
        }
        out.println("ready in " + (shownMillis - startMillis) + " ms");
        out.flush();
        return 0;
    }

    /**
     * Called by the app on the FX thread once its first window is up: when a smoke test runs, notes the time and
     * ends the app. Does nothing otherwise.
     */
    static void windowShown(Stage stage) {
        SmokeTest test = running;
        if (test == null) {
            return;
        }
        test.shown(stage.isShowing(), stage.getScene() != null && stage.getScene().lookup("#usernameField") != null);
        Platform.exit();
    }

    void shown(boolean showing, boolean signIn) {
        if (!showing) {
            problem = "the first window did not show";
        } else if (!signIn) {
            problem = "the first window is not the sign-in window";
        } else {
            shownMillis = clock.getAsLong();
        }
    }

    private void watch() {
        try {
            if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println(PREFIX + "no sign-in window after " + timeout.toSeconds() + " s");
                err.flush();
                halt.accept(3);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The innermost cause's message, e.g. "Unable to open DISPLAY", with its type when it has none. */
    private static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getName()
                : message + " (" + root.getClass().getSimpleName() + ")";
    }
}
