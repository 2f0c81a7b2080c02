package app.licensedesk.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and numbers for people: in the chosen language's locale ({@link I18n#locale()}) and the computer's time zone;
 * missing values as an empty string.
 */
public final class Formats {

    private static final DateTimeFormatter UTC_ISO = DateTimeFormatter.ISO_INSTANT;

    private Formats() {
    }

    public static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(I18n.locale()).format(instant.atZone(zone()));
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(I18n.locale()).format(instant.atZone(zone()));
    }

    /** The instant as the API receives it, e.g. 2026-12-01T08:00:00Z. */
    public static String utcIso(Instant instant) {
        return instant == null ? "" : UTC_ISO.format(instant);
    }

    /** The integer format of the last locale asked for: a table formats a number per cell it shows. */
    private static NumberFormat integers;
    private static Locale integersLocale;

    public static String number(Integer value) {
        if (value == null) {
            return "";
        }
        Locale locale = I18n.locale();
        synchronized (Formats.class) { // a NumberFormat is not safe to share between threads
            if (integers == null || !locale.equals(integersLocale)) {
                integers = NumberFormat.getIntegerInstance(locale);
                integersLocale = locale;
            }
            return integers.format(value);
        }
    }
}
