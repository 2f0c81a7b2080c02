package app.licensedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseTermsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final LicenseTerms terms = LicenseTerms.defaults();

    private static License license(Instant activation, Integer duration, Instant deactivation) {
        return new License("id", "KEY", null, null, null, null, null, activation, duration, deactivation,
                "residential", List.of());
    }

    @Test
    void notActivatedWithoutActivationDate() {
        assertThat(terms.status(license(null, 12, null), NOW)).isEqualTo(LicenseStatus.NOT_ACTIVATED);
        assertThat(terms.end(license(null, 12, null))).isNull();
    }

    @Test
    void endIsActivationPlusMonthsInUtc() {
        License l = license(Instant.parse("2026-01-31T10:00:00Z"), 1, null);
        assertThat(terms.end(l)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    }

    @Test
    void zeroDurationHasNoEndAndStaysActive() {
        License l = license(Instant.parse("2020-01-01T00:00:00Z"), 0, null);
        assertThat(terms.end(l)).isNull();
        assertThat(terms.status(l, NOW)).isEqualTo(LicenseStatus.ACTIVE);
    }

    @Test
    void activeExpiringExpiredFollowTheEnd() {
        assertThat(terms.status(license(NOW.minus(10, ChronoUnit.DAYS), 12, null), NOW))
                .isEqualTo(LicenseStatus.ACTIVE);
        // ends in about 20 days: inside the 30-day window
        Instant activation = NOW.atOffset(java.time.ZoneOffset.UTC).minusMonths(12).plusDays(20).toInstant();
        assertThat(terms.status(license(activation, 12, null), NOW)).isEqualTo(LicenseStatus.EXPIRING);
        assertThat(terms.status(license(Instant.parse("2020-01-01T00:00:00Z"), 12, null), NOW))
                .isEqualTo(LicenseStatus.EXPIRED);
    }

    @Test
    void endExactlyNowIsExpired() {
        Instant activation = NOW.atOffset(java.time.ZoneOffset.UTC).minusMonths(6).toInstant();
        assertThat(terms.status(license(activation, 6, null), NOW)).isEqualTo(LicenseStatus.EXPIRED);
    }

    @Test
    void deactivationDateWinsOverDuration() {
        License past = license(NOW.minus(100, ChronoUnit.DAYS), 24, NOW.minus(1, ChronoUnit.DAYS));
        assertThat(terms.status(past, NOW)).isEqualTo(LicenseStatus.DEACTIVATED);
        License soon = license(NOW.minus(100, ChronoUnit.DAYS), 24, NOW.plus(5, ChronoUnit.DAYS));
        assertThat(terms.end(soon)).isEqualTo(NOW.plus(5, ChronoUnit.DAYS));
        assertThat(terms.status(soon, NOW)).isEqualTo(LicenseStatus.EXPIRING);
        // a never-activated license that was deactivated is deactivated, not "not activated"
        assertThat(terms.status(license(null, 12, NOW.minusSeconds(1)), NOW)).isEqualTo(LicenseStatus.DEACTIVATED);
    }

    @Test
    void futureActivationIsScheduled() {
        assertThat(terms.status(license(NOW.plus(3, ChronoUnit.DAYS), 12, null), NOW))
                .isEqualTo(LicenseStatus.SCHEDULED);
    }

    @Test
    void unitAndWindowAreSettings() {
        LicenseTerms days = new LicenseTerms(ChronoUnit.DAYS, Duration.ofDays(5));
        License l = license(NOW.minus(20, ChronoUnit.DAYS), 30, null);
        assertThat(days.end(l)).isEqualTo(NOW.plus(10, ChronoUnit.DAYS));
        assertThat(days.status(l, NOW)).isEqualTo(LicenseStatus.ACTIVE);
        assertThat(days.status(l, NOW.plus(6, ChronoUnit.DAYS))).isEqualTo(LicenseStatus.EXPIRING);
    }

    @Test
    void nullDatalinksBecomeEmpty() {
        assertThat(license(null, null, null).datalinks()).isEmpty();
    }
}
