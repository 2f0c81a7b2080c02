package app.licensedesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand, so token expiry and lockouts are tested without sleeping. */
final class MutableClock extends Clock {

    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private volatile Instant now;

    MutableClock() {
        this(START);
    }

    MutableClock(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
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
