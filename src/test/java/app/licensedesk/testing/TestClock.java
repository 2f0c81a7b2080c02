package app.licensedesk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock tests move by hand, so token expiry, lockouts and license ends are tested without sleeping: fixed at
 * a start ({@link #at}) or following real time ({@link #followingRealTime}), moved forward by {@link #advance}.
 */
public final class TestClock extends Clock {

    /** A start for tests that need no particular day. */
    public static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock(Clock base) {
        this.base = base;
    }

    /** Stands still at {@code start} until advanced. */
    public static TestClock at(Instant start) {
        return new TestClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** Real time plus whatever the test advanced it by (for journeys, where the toolkit needs time to pass). */
    public static TestClock followingRealTime() {
        return new TestClock(Clock.systemUTC());
    }

    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
