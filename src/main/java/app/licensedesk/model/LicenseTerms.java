package app.licensedesk.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one place for the decisions about a license's term: the unit of {@code duration} (months unless a
 * preference says otherwise, 0 = no fixed term), how its end is computed, and the "expiring soon" window.
 */
public final class LicenseTerms {

    /** Decision from eniris-api.md: duration counts months. */
    public static final ChronoUnit DEFAULT_DURATION_UNIT = ChronoUnit.MONTHS;
    public static final Duration DEFAULT_EXPIRING_WINDOW = Duration.ofDays(30);

    private final ChronoUnit durationUnit;
    private final Duration expiringWindow;

    public LicenseTerms(ChronoUnit durationUnit, Duration expiringWindow) {
        this.durationUnit = Objects.requireNonNull(durationUnit);
        this.expiringWindow = Objects.requireNonNull(expiringWindow);
    }

    public static LicenseTerms defaults() {
        return new LicenseTerms(DEFAULT_DURATION_UNIT, DEFAULT_EXPIRING_WINDOW);
    }

    public ChronoUnit durationUnit() {
        return durationUnit;
    }

    public Duration expiringWindow() {
        return expiringWindow;
    }

    /**
     * The end of the license: its deactivation date when set, else activation + duration when both are known
     * and the duration is positive; null when the license has no known end.
     */
    public Instant end(License license) {
        if (license.deactivationDate() != null) {
            return license.deactivationDate();
        }
        Integer duration = license.duration();
        if (license.activationDate() == null || duration == null || duration <= 0) {
            return null;
        }
        // Month arithmetic needs a calendar; UTC keeps the result independent of the user's zone.
        return license.activationDate().atOffset(ZoneOffset.UTC).plus(duration, durationUnit).toInstant();
    }

    /** The status of the license at the given instant. */
    public LicenseStatus status(License license, Instant now) {
        if (license.deactivationDate() != null && !license.deactivationDate().isAfter(now)) {
            return LicenseStatus.DEACTIVATED;
        }
        if (license.activationDate() == null) {
            return LicenseStatus.NOT_ACTIVATED;
        }
        if (license.activationDate().isAfter(now)) {
            return LicenseStatus.SCHEDULED;
        }
        Instant end = end(license);
        if (end == null) {
            return LicenseStatus.ACTIVE;
        }
        if (!end.isAfter(now)) {
            return LicenseStatus.EXPIRED;
        }
        return end.isAfter(now.plus(expiringWindow)) ? LicenseStatus.ACTIVE : LicenseStatus.EXPIRING;
    }
}
