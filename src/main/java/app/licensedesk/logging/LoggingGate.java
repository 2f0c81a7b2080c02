package app.licensedesk.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds Logback's configuration back until the first window is shown, so reading logback.xml and opening the log
 * files (several hundred classes, about half a second of CPU) does not compete with the sign-in window on a
 * machine with few cores. Logback runs it (META-INF/services) before its own configurators: on the thread named
 * by {@link #holdFor}, it waits until {@link #open} or {@link #MAX_WAIT_SECONDS}; everywhere else it returns at
 * once. While it waits, SLF4J is still initialising: every logger asked for meanwhile is a stand-in that keeps
 * what it is given and passes it on once Logback is configured, so no line is lost.
 */
public final class LoggingGate extends ContextAwareBase implements Configurator {

    /** Logging starts by itself after this long, window or not. */
    static final long MAX_WAIT_SECONDS = 10;

    private static final CountDownLatch OPEN = new CountDownLatch(1);
    private static final CountDownLatch WAITING = new CountDownLatch(1);
    private static volatile Thread held;

    /** Logback's configuration, when it runs on {@code thread}, waits for {@link #open}. Call before it starts. */
    public static void holdFor(Thread thread) {
        held = thread;
    }

    /**
     * Waits (at most {@code millis}) until the held thread waits here: from then on SLF4J hands out its stand-ins,
     * so a thread that asks for a logger cannot start Logback's configuration itself.
     */
    public static void awaitWaiting(long millis) throws InterruptedException {
        WAITING.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Lets the configuration go on (the first window is up, or the app is ending). */
    public static void open() {
        OPEN.countDown();
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (Thread.currentThread() == held) {
            WAITING.countDown();
            try {
                OPEN.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ExecutionStatus.INVOKE_NEXT_IF_ANY; // logback.xml (logback-test.xml in tests), as without the gate
    }
}
