package app.licensedesk.service.bulk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * When a row asks for its license to be activated, read from the {@code activationIso} column: empty means claim
 * only, {@code now} (any case) means activate now (the request carries no activationIso, so the server takes its
 * own now), an ISO-8601 instant with {@code Z} or an offset is taken as written, and a local date-time
 * ({@code 2026-12-01T14:00} or {@code 2026-12-01 14:00}, seconds optional) is taken in the given time zone.
 *
 * @param kind which of the three
 * @param at   the instant for {@link Kind#AT}, else null
 */
public record ActivationTime(Kind kind, Instant at) {

    /** No activation, activation now, or at an instant. */
    public enum Kind { NONE, NOW, AT }

    static final ActivationTime NONE = new ActivationTime(Kind.NONE, null);
    static final ActivationTime NOW = new ActivationTime(Kind.NOW, null);
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private static final Pattern LOCAL_WITH_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");

    /** The parsed value, or the reason it could not be read (then {@code time} is null). */
    record Parsed(ActivationTime time, String problem) {
    }

    static Parsed parse(String raw, ZoneId zone) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return new Parsed(NONE, null);
        }
        if (text.equalsIgnoreCase("now")) {
            return new Parsed(NOW, null);
        }
        Instant at;
        int year;
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text);
            year = withOffset.getYear();
            at = withOffset.toInstant();
        } catch (DateTimeParseException notAnInstant) {
            String iso = LOCAL_WITH_SPACE.matcher(text).matches() ? text.replaceFirst(" ", "T") : text;
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(iso);
            } catch (DateTimeParseException notLocal) {
                return new Parsed(null, BulkTexts.t("bulk.problem.activationFormat", text));
            }
            year = local.getYear();
            if (year >= MIN_YEAR && year <= MAX_YEAR && zone.getRules().getValidOffsets(local).isEmpty()) {
                return new Parsed(null, BulkTexts.t("bulk.problem.activationGap", text, zone.getId()));
            }
            // In the autumn overlap the earlier of the two offsets is taken (ZonedDateTime's rule).
            at = ZonedDateTime.of(local, zone).toInstant();
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return new Parsed(null, BulkTexts.t("bulk.problem.activationYear", year));
        }
        return new Parsed(new ActivationTime(Kind.AT, at), null);
    }

    boolean requested() {
        return kind != Kind.NONE;
    }
}
