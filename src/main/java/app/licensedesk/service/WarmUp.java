package app.licensedesk.service;

import app.licensedesk.model.SessionState;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the warm-up ({@link ApiLicenseDeskService#warmUp}) on a thread of its own each time the session becomes
 * signed in: the sign-in neither waits for it nor hears of its failure, which only leaves the first load slower.
 * Not on the service's pool, which may be a single thread (the concurrency setting) that the first load needs.
 */
final class WarmUp implements Consumer<SessionState> {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    static final String THREAD = "license-desk-warm-up";

    private final Runnable work;

    WarmUp(Runnable work) {
        this.work = work;
    }

    @Override
    public void accept(SessionState state) {
        if (state != SessionState.SIGNED_IN) {
            return;
        }
        Thread thread = new Thread(this::run, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            work.run();
            LOG.debug("Warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("The warm-up after sign-in failed; only the first load is slower for it", e);
        }
    }
}
