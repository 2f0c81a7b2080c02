package app.licensedesk.service.bulk;

import app.licensedesk.model.InputRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a row asks for its license to be activated, read from the {@code activationIso} column: empty means claim
 * only, {@code now} (any case) means activate now (the request carries no activationIso, so the server takes its
 * own now), an ISO-8601 instant with {@code Z} or an offset is taken as written, and a local date-time
 * ({@code 2026-12-01T14:00} or {@code 2026-12-01 14:00}, seconds optional) is taken in the given time zone. A local
 * time the clocks skip, or one that happens twice (autumn), is refused with the offsets to write instead; the moment
 * must lie in the server's years in UTC ({@link InputRules#activationInstant}).
 *
 * @param kind which of the three
 * @param at   the instant for {@link Kind#AT}, else null
 */
public record ActivationTime(Kind kind, Instant at) {

    /** No activation, activation now, or at an instant. */
    public enum Kind { NONE, NOW, AT }

    static final ActivationTime NONE = new ActivationTime(Kind.NONE, null);
    static final ActivationTime NOW = new ActivationTime(Kind.NOW, null);
    private static final Pattern LOCAL_WITH_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");
    /** The date in front of a date-time that could not be read: it may be a day that does not exist. */
    private static final Pattern DATE_PART = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2})[T ].*");
    private static final DateTimeFormatter OFFSET_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx",
            Locale.ROOT);

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
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            String iso = LOCAL_WITH_SPACE.matcher(text).matches() ? text.replaceFirst(" ", "T") : text;
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(iso);
            } catch (DateTimeParseException notLocal) {
                return new Parsed(null, unreadable(text));
            }
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                return new Parsed(null, BulkTexts.t("bulk.problem.activationGap", text, zone.getId()));
            }
            if (offsets.size() > 1) {
                // A file is run unattended: which of the two moments was meant is asked, not guessed.
                ZonedDateTime earlier = ZonedDateTime.ofLocal(local, zone, offsets.get(0));
                ZonedDateTime later = ZonedDateTime.ofLocal(local, zone, offsets.get(1));
                return new Parsed(null, BulkTexts.t("bulk.problem.activationOverlap", text, zone.getId(),
                        OFFSET_TEXT.format(earlier), earlier.toInstant().toString(),
                        OFFSET_TEXT.format(later), later.toInstant().toString()));
            }
            at = local.atOffset(offsets.get(0)).toInstant();
        }
        InputRules.Reading<Instant> utc = InputRules.activationInstant(at);
        if (utc.problem() != null) {
            return new Parsed(null, BulkTexts.t(utc.problem(), utc.args().toArray()));
        }
        return new Parsed(new ActivationTime(Kind.AT, at), null);
    }

    /** Why a date-time cannot be read: the day does not exist (30 February) when that is why, else the format. */
    private static String unreadable(String text) {
        Matcher m = DATE_PART.matcher(text);
        if (m.matches()) {
            InputRules.Reading<LocalDate> day = InputRules.activationDate(m.group(1));
            if (day.problem() != null && !day.problem().equals(InputRules.DATE_FORMAT)) {
                return BulkTexts.t(day.problem(), day.args().toArray());
            }
        }
        return BulkTexts.t("bulk.problem.activationFormat", text);
    }

    boolean requested() {
        return kind != Kind.NONE;
    }
}
