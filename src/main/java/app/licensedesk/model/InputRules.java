package app.licensedesk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for what users type into the dialogs: license keys, nodeIds, customer ids, activation dates and times.
 * Each check returns null when the input is fine, else a message key that the UI turns into words.
 */
public final class InputRules {

    /**
     * The contract's upper bound for a license key, in UTF-16 code units (Java's {@code String.length()}): an emoji
     * counts as two. A key within it is within the bound however the server counts characters (docs/eniris-api.md).
     */
    public static final int MAX_KEY_LENGTH = 50;

    public static final String KEY_EMPTY = "input.key.empty";
    public static final String KEY_TOO_LONG = "input.key.tooLong";
    /** Too long, and it holds characters that count as two (emoji): the message says so. */
    public static final String KEY_TOO_LONG_WIDE = "input.key.tooLongWide";
    public static final String NODE_ID_EMPTY = "input.nodeId.empty";
    public static final String CUSTOMER_ID_EMPTY = "input.customerId.empty";
    public static final String CUSTOMER_ID_INVALID = "input.customerId.invalid";

    /** The years an activation date may have; the service refuses others. */
    public static final int FIRST_ACTIVATION_YEAR = 2000;
    public static final int LAST_ACTIVATION_YEAR = 2100;

    public static final String DATE_EMPTY = "input.date.empty";
    public static final String DATE_FORMAT = "input.date.format";
    public static final String DATE_YEAR = "input.date.year";
    public static final String DATE_NO_SUCH_MONTH = "input.date.noSuchMonth";
    public static final String DATE_NO_SUCH_DAY = "input.date.noSuchDay";
    public static final String TIME_FORMAT = "input.time.format";
    public static final String MOMENT_YEAR_UTC = "input.date.yearUtc";

    // Year first, as ISO writes it: unlike 1/12/2026 it means the same day to everybody. Year digits
    // from four to six, so that 10000 is told the years allowed rather than the format.
    private static final Pattern DATE = Pattern.compile("(\\d{4,6})-(\\d{1,2})-(\\d{1,2})");
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    // UUID.fromString accepts short groups such as "1-1-1-1-1", so the shape is checked explicitly.
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InputRules() {
    }

    /**
     * The key without any whitespace: keys contain no spaces, so spaces, tabs and line breaks in the input come
     * from pasting (e-mails, PDFs) and are dropped, including non-breaking and zero-width spaces.
     */
    public static String normalizeKey(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> !isBlank(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean isBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * Checks a normalized key: 1 to {@value #MAX_KEY_LENGTH} characters as {@link #MAX_KEY_LENGTH} counts them.
     * The message of a key that is too long takes the arguments (the bound, {@code normalizedKey.length()}).
     */
    public static String keyProblem(String normalizedKey) {
        if (normalizedKey == null || normalizedKey.isEmpty()) {
            return KEY_EMPTY;
        }
        int length = normalizedKey.length();
        if (length <= MAX_KEY_LENGTH) {
            return null;
        }
        return normalizedKey.codePointCount(0, length) < length ? KEY_TOO_LONG_WIDE : KEY_TOO_LONG;
    }

    /** Checks a controller nodeId: at least one character that is not whitespace. */
    public static String nodeIdProblem(String nodeId) {
        return nodeId == null || nodeId.trim().isEmpty() ? NODE_ID_EMPTY : null;
    }

    /**
     * What reading typed text gave: the value, or why there is none as a message key with its arguments.
     *
     * @param <T> the kind of value
     */
    public record Reading<T>(T value, String problem, List<Object> args) {

        static <T> Reading<T> of(T value) {
            return new Reading<>(value, null, List.of());
        }

        static <T> Reading<T> refused(String problem, Object... args) {
            return new Reading<>(null, problem, List.of(args));
        }
    }

    /**
     * Reads an activation date written year-month-day (2026-12-01; one-digit months and days are fine). A date that
     * does not exist (30 February) or a year outside {@value #FIRST_ACTIVATION_YEAR}..{@value #LAST_ACTIVATION_YEAR}
     * is refused with its own reason. The arguments: the year bounds, or the text and the days of that month.
     */
    public static Reading<LocalDate> activationDate(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Reading.refused(DATE_EMPTY);
        }
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            return Reading.refused(DATE_FORMAT);
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (year < FIRST_ACTIVATION_YEAR || year > LAST_ACTIVATION_YEAR) {
            return Reading.refused(DATE_YEAR, FIRST_ACTIVATION_YEAR, LAST_ACTIVATION_YEAR);
        }
        if (month < 1 || month > 12) {
            return Reading.refused(DATE_NO_SUCH_MONTH, t);
        }
        int days = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > days) {
            return Reading.refused(DATE_NO_SUCH_DAY, t, days);
        }
        return Reading.of(LocalDate.of(year, month, day));
    }

    /** Reads a time of day in 24 hours: "14:30", "8:05"; anything else is refused with the expected format. */
    public static Reading<LocalTime> timeOfDay(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Reading.refused(TIME_FORMAT);
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour > 23 || minute > 59 ? Reading.refused(TIME_FORMAT) : Reading.of(LocalTime.of(hour, minute));
    }

    /**
     * Checks the moment an activation is sent for: the server takes the years {@value #FIRST_ACTIVATION_YEAR} to
     * {@value #LAST_ACTIVATION_YEAR} in UTC, so a local time just inside them (1 January 2000, 00:30 in Brussels)
     * can still be outside. The arguments: the moment in UTC as text ("1999-12-31 23:30"), then the year bounds.
     */
    public static Reading<Instant> activationInstant(Instant at) {
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        if (year < FIRST_ACTIVATION_YEAR || year > LAST_ACTIVATION_YEAR) {
            return Reading.refused(MOMENT_YEAR_UTC, UTC_TEXT.format(at), FIRST_ACTIVATION_YEAR, LAST_ACTIVATION_YEAR);
        }
        return Reading.of(at);
    }

    /** Checks a customer id: a UUID (surrounding whitespace is ignored). */
    public static String customerIdProblem(String customerId) {
        if (customerId == null || customerId.trim().isEmpty()) {
            return CUSTOMER_ID_EMPTY;
        }
        return UUID.matcher(customerId.trim()).matches() ? null : CUSTOMER_ID_INVALID;
    }
}
