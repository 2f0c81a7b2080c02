package app.licensedesk.ui.assign;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Starts work for a list of items with at most a few of them running at once, then says when all have finished.
 * The work itself goes through the TaskRunner; this only holds the rest back, so a customer with forty controllers
 * does not take forty background threads that would wait for the client's request bound anyway. FX thread only.
 *
 * @param <T> the items
 */
final class Bounded<T> {

    /** How many of the workspace's calls run at once (the client allows a few more on the wire, for other pages). */
    static final int IN_FLIGHT = 4;

    private final Deque<T> waiting;
    private final int limit;
    private final BiConsumer<T, Runnable> start;
    private final Runnable allDone;
    private int running;
    private boolean pumping;
    private boolean ended;

    /**
     * @param start   starts the work for one item; it must call the given runnable exactly once when that work ends,
     *                whether it succeeded or not
     * @param allDone called once, when every started item has ended (at once for no items)
     */
    private Bounded(List<T> items, int limit, BiConsumer<T, Runnable> start, Runnable allDone) {
        this.waiting = new ArrayDeque<>(items);
        this.limit = limit;
        this.start = start;
        this.allDone = allDone;
    }

    static <T> Bounded<T> run(List<T> items, BiConsumer<T, Runnable> start, Runnable allDone) {
        Bounded<T> bounded = new Bounded<>(items, IN_FLIGHT, start, allDone);
        bounded.pump();
        return bounded;
    }

    /** Starts nothing more; what runs ends as it will, and {@code allDone} is not called. */
    void cancel() {
        waiting.clear();
        ended = true;
    }

    private void pump() {
        if (pumping) {
            return; // an item that ended at once (an inline runner) while this loop is starting others
        }
        pumping = true;
        try {
            while (running < limit && !waiting.isEmpty() && !ended) {
                T next = waiting.poll();
                running++;
                start.accept(next, this::finished);
            }
        } finally {
            pumping = false;
        }
        if (running == 0 && waiting.isEmpty() && !ended) {
            ended = true;
            allDone.run();
        }
    }

    private void finished() {
        running--;
        pump();
    }
}
