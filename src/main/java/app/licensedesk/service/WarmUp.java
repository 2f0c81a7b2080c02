package app.licensedesk.service;

import app.licensedesk.model.SessionState;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the warm-up ({@link ApiLicenseDeskService#warmUp}) on a thread of its own at the first sign-in it sees:
 * the sign-in neither waits for it nor hears of its failure, which only leaves the first load slower. Not on the
 * service's pool, which may be a single thread (the concurrency setting) that the first load needs.
 *
 * <p>What it warms is the JVM, not a session, so it runs once: a later sign-in (after a session expired, after a
 * sign-out, in another environment with a backend of its own) finds the code compiled already and starts none. An
 * instance owns whether it has started; {@link #PROCESS} is the process's one, which every backend shares.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    static final String THREAD = "license-desk-warm-up";

    /** The warm-up of this process: {@link Backends} hands it every session. */
    static final WarmUp PROCESS = new WarmUp();

    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * A session state listener that starts {@code work} when the session becomes signed in, unless this warm-up
     * has started before (through any listener it made).
     */
    Consumer<SessionState> afterSignIn(Runnable work) {
        return state -> {
            if (state != SessionState.SIGNED_IN || !started.compareAndSet(false, true)) {
                return;
            }
            Thread thread = new Thread(() -> run(work), THREAD);
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static void run(Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
            LOG.debug("Warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("The warm-up after sign-in failed; only the first load is slower for it", e);
        }
    }
}
