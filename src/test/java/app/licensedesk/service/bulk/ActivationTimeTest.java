package app.licensedesk.service.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The activationIso column: empty, now, instants, local times in the user's zone, and what is refused. */
class ActivationTimeTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static ActivationTime.Parsed parse(String text) {
        return ActivationTime.parse(text, BRUSSELS);
    }

    private static Instant at(String text) {
        ActivationTime.Parsed parsed = parse(text);
        assertThat(parsed.problem()).as(text).isNull();
        assertThat(parsed.time().kind()).isEqualTo(ActivationTime.Kind.AT);
        return parsed.time().at();
    }

    @Test
    void emptyMeansClaimOnlyAndNowMeansNow() {
        assertThat(parse("").time()).isEqualTo(ActivationTime.NONE);
        assertThat(parse("  ").time()).isEqualTo(ActivationTime.NONE);
        assertThat(parse("now").time()).isEqualTo(ActivationTime.NOW);
        assertThat(parse(" NOW ").time()).isEqualTo(ActivationTime.NOW);
    }

    @Test
    void instantsAreTakenAsWritten() {
        assertThat(at("2026-12-01T14:00:00Z")).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(at("2026-12-01T14:00Z")).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(at("2026-12-01T15:00:00+01:00")).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(at("2026-12-01T14:00:00.250Z")).isEqualTo(Instant.parse("2026-12-01T14:00:00.250Z"));
    }

    @Test
    void localTimesAreInTheUsersZone() {
        // winter: Brussels is UTC+1; summer: UTC+2
        assertThat(at("2026-12-01T14:00")).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(at("2026-12-01 14:00")).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(at("2026-07-01 14:00:30")).isEqualTo(Instant.parse("2026-07-01T12:00:30Z"));
    }

    @Test
    void aTimeTheClockSkipsIsRefused() {
        assertThat(parse("2026-03-29 02:30").problem()).contains("does not exist").contains("Europe/Brussels");
    }

    @Test
    void yearsOutside2000To2100AndNonDatesAreRefused() {
        assertThat(parse("1999-12-31T23:00:00Z").problem()).contains("1999").contains("2000");
        // the server's years are counted in UTC: local midnight in Brussels is still 2100 there
        assertThat(at("2101-01-01 00:00")).isEqualTo(Instant.parse("2100-12-31T23:00:00Z"));
        assertThat(parse("2101-01-01 02:00").problem()).contains("2101-01-01 01:00 UTC").contains("2100");
        assertThat(at("2100-12-31T12:00:00Z")).isEqualTo(Instant.parse("2100-12-31T12:00:00Z"));
        assertThat(at("2000-01-01T00:00:00Z")).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(parse("tomorrow").problem()).contains("tomorrow").contains("not a date");
        assertThat(parse("2026-02-30 10:00").problem()).isEqualTo("2026-02-30 does not exist: that month has 28 days.");
        assertThat(parse("2026-12-01").problem()).contains("not a date");
    }
}
