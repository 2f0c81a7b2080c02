package app.licensedesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Counts failed checks per key (e.g. "login:user") and locks the key after too many within a window. */
final class AttemptLimiter {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    AttemptLimiter(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Seconds until the key may try again, or 0 when it may try now. */
    synchronized long retryAfterSeconds(String key) {
        Deque<Instant> list = prune(key);
        if (list.size() < maxFailures) {
            return 0;
        }
        // The lock lifts when the oldest counted failure leaves the window.
        Duration left = Duration.between(clock.instant(), list.peekFirst().plus(window));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    synchronized void recordFailure(String key) {
        prune(key).addLast(clock.instant());
    }

    synchronized void reset(String key) {
        failures.remove(key);
    }

    private Deque<Instant> prune(String key) {
        Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant cutoff = clock.instant().minus(window);
        while (!list.isEmpty() && !list.peekFirst().isAfter(cutoff)) {
            list.removeFirst();
        }
        return list;
    }
}
