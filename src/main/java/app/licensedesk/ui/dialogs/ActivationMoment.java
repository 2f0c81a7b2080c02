package app.licensedesk.ui.dialogs;

import app.licensedesk.model.InputRules;
import app.licensedesk.ui.common.I18n;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * An activation moment read from a typed date and a 24-hour time in the user's zone, with the reason at each field
 * when it cannot be sent: the one reading the activation dialog and the assignment workspace share.
 *
 * @param date          the date read from the date text, or null while it is not a valid activation date
 * @param instant       the moment to send, or null while the date, the time or their combination is not right
 * @param dateProblem   why the date cannot be sent (with the expected format), or ""
 * @param timeProblem   why the time cannot be sent, or ""
 * @param momentProblem why the date and time together cannot be sent (the clocks skip that time, or it is outside
 *                      the server's years in UTC), or ""
 * @param overlapNote   said when the time happens twice that night (the earlier one is taken), or null
 */
public record ActivationMoment(LocalDate date, Instant instant, String dateProblem, String timeProblem,
                               String momentProblem, String overlapNote) {

    private static final DateTimeFormatter TIME_TEXT = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Reads the date (year-month-day) and the time (HH:mm) as typed, in {@code zone}. */
    public static ActivationMoment read(String dateText, String timeText, ZoneId zone) {
        InputRules.Reading<LocalDate> day = InputRules.activationDate(dateText);
        InputRules.Reading<LocalTime> clockTime = InputRules.timeOfDay(timeText);
        Instant at = null;
        String momentWhy = "";
        String overlapNote = null;
        if (day.value() != null && clockTime.value() != null) {
            LocalDateTime local = LocalDateTime.of(day.value(), clockTime.value());
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                // the clocks jump over this time (spring forward): it does not exist here
                momentWhy = I18n.t("activate.time.gap", TIME_TEXT.format(local),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(I18n.locale())
                                .format(local), zoneName(zone));
            } else {
                // in an overlap (the clocks go back) the time happens twice: the earlier one is taken, and said
                at = local.atOffset(offsets.get(0)).toInstant();
                InputRules.Reading<Instant> utc = InputRules.activationInstant(at);
                if (utc.problem() != null) {
                    // inside the years locally, outside them in UTC, where the server checks them
                    momentWhy = words(utc);
                    at = null;
                } else if (offsets.size() > 1) {
                    overlapNote = I18n.t("activate.time.overlap", TIME_TEXT.format(local), zoneName(zone));
                }
            }
        }
        return new ActivationMoment(day.value(), at, words(day), words(clockTime), momentWhy, overlapNote);
    }

    /** True when there is a moment to send. */
    public boolean valid() {
        return instant != null;
    }

    /** The time of day as the time field shows it: 14:00. */
    public static String timeText(LocalTime time) {
        return TIME_TEXT.format(time);
    }

    /**
     * The zone as people know it: "UTC" for UTC however the system spells it ("Etc/UTC", "Z"), else its name in
     * the user's language ("Central European Time").
     */
    public static String zoneName(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return zone.getDisplayName(TextStyle.FULL, I18n.locale());
    }

    private static String words(InputRules.Reading<?> reading) {
        return reading.problem() == null ? "" : I18n.t(reading.problem(), reading.args().toArray());
    }
}
