package app.licensedesk.ui.common;

import app.licensedesk.model.Environment;
import app.licensedesk.model.LicenseTerms;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The preferences the user sets in the Preferences dialog, read from and saved to {@link AppPreferences}, with their
 * defaults and rules. A value that cannot be read (an older version's, a hand edit) counts as its default.
 *
 * @param theme              light, dark, or what the operating system uses
 * @param language           the language of the texts, applied at the next start
 * @param durationUnit       the unit of a license's {@code duration}
 * @param expiringDays       a license ending within this many days is "Expiring"
 * @param lookAheadDays      the Expiring page lists the licenses ending within this many days, applied at the next
 *                           sign-in
 * @param concurrency        API requests in flight at most, applied at the next sign-in
 * @param nodeTypes          the device node types that count as controllers, applied at the next sign-in
 * @param defaultEnvironment what the sign-in window preselects, or null for the one used last
 */
public record UserSettings(Theme theme, Language language, ChronoUnit durationUnit, int expiringDays,
                           int lookAheadDays, int concurrency, List<String> nodeTypes,
                           Environment.Kind defaultEnvironment) {

    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 32;
    public static final int MIN_EXPIRING_DAYS = 1;
    public static final int MAX_EXPIRING_DAYS = 365;
    public static final int MIN_LOOK_AHEAD_DAYS = 1;
    public static final int MAX_LOOK_AHEAD_DAYS = 365;
    /** The Expiring page's period unless set: two months, long enough to plan the follow-up calls. */
    public static final int DEFAULT_LOOK_AHEAD_DAYS = 60;
    /** The units a duration may be counted in; months is the project's decision (model/LicenseTerms). */
    public static final List<ChronoUnit> DURATION_UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.WEEKS,
            ChronoUnit.MONTHS, ChronoUnit.YEARS);
    /** What a node type may look like: the API's identifiers are camelCase words. */
    private static final Pattern NODE_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

    static final String KEY_THEME = "prefs.theme";
    static final String KEY_DURATION_UNIT = "prefs.durationUnit";
    static final String KEY_EXPIRING_DAYS = "prefs.expiringDays";
    static final String KEY_LOOK_AHEAD_DAYS = "prefs.lookAheadDays";
    static final String KEY_CONCURRENCY = "prefs.concurrency";
    static final String KEY_NODE_TYPES = "prefs.nodeTypes";
    static final String KEY_DEFAULT_ENVIRONMENT = "prefs.defaultEnvironment";
    private static final String LAST_USED = "LAST_USED";

    /** The look of the app. */
    public enum Theme { SYSTEM, LIGHT, DARK }

    /** The languages offered; SYSTEM follows the operating system. */
    public enum Language {
        SYSTEM(null), ENGLISH(Locale.ENGLISH), DUTCH(Locale.forLanguageTag("nl")), FRENCH(Locale.FRENCH),
        GERMAN(Locale.GERMAN);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        /** The locale to use, or null for the operating system's. */
        public Locale locale() {
            return locale;
        }

        /** The tag I18n keeps ({@code en}, {@code nl}, ...), or null for the operating system's. */
        String tag() {
            return locale == null ? null : locale.getLanguage();
        }

        static Language ofTag(String tag) {
            for (Language l : values()) {
                if (l.locale != null && l.locale.getLanguage().equals(tag)) {
                    return l;
                }
            }
            return SYSTEM;
        }
    }

    public UserSettings {
        nodeTypes = List.copyOf(nodeTypes);
    }

    public static UserSettings defaults() {
        return new UserSettings(Theme.SYSTEM, Language.SYSTEM, LicenseTerms.DEFAULT_DURATION_UNIT,
                (int) LicenseTerms.DEFAULT_EXPIRING_WINDOW.toDays(), DEFAULT_LOOK_AHEAD_DAYS, 8,
                List.of("smartgridControllerSite"), null);
    }

    public static UserSettings load(AppPreferences prefs) {
        UserSettings d = defaults();
        ChronoUnit unit = parse(ChronoUnit.class, prefs.get(KEY_DURATION_UNIT, null), d.durationUnit());
        List<String> types = parseNodeTypes(prefs.get(KEY_NODE_TYPES, ""));
        String env = prefs.get(KEY_DEFAULT_ENVIRONMENT, LAST_USED);
        return new UserSettings(parse(Theme.class, prefs.get(KEY_THEME, null), d.theme()),
                Language.ofTag(I18n.storedLanguage(prefs)),
                DURATION_UNITS.contains(unit) ? unit : d.durationUnit(),
                number(prefs.get(KEY_EXPIRING_DAYS, null), MIN_EXPIRING_DAYS, MAX_EXPIRING_DAYS, d.expiringDays()),
                number(prefs.get(KEY_LOOK_AHEAD_DAYS, null), MIN_LOOK_AHEAD_DAYS, MAX_LOOK_AHEAD_DAYS,
                        d.lookAheadDays()),
                number(prefs.get(KEY_CONCURRENCY, null), MIN_CONCURRENCY, MAX_CONCURRENCY, d.concurrency()),
                nodeTypesProblem(String.join(",", types)) == null ? types : d.nodeTypes(),
                parse(Environment.Kind.class, env, null));
    }

    public void save(AppPreferences prefs) {
        prefs.put(KEY_THEME, theme.name());
        // one key for the language, the one I18n applies at start
        I18n.setLanguage(prefs, language.tag());
        prefs.put(KEY_DURATION_UNIT, durationUnit.name());
        prefs.put(KEY_EXPIRING_DAYS, Integer.toString(expiringDays));
        prefs.put(KEY_LOOK_AHEAD_DAYS, Integer.toString(lookAheadDays));
        prefs.put(KEY_CONCURRENCY, Integer.toString(concurrency));
        prefs.put(KEY_NODE_TYPES, String.join(",", nodeTypes));
        prefs.put(KEY_DEFAULT_ENVIRONMENT, defaultEnvironment == null ? LAST_USED : defaultEnvironment.name());
    }

    /** The license-term decisions with these preferences. */
    public LicenseTerms licenseTerms() {
        return new LicenseTerms(durationUnit, Duration.ofDays(expiringDays));
    }

    /** "a, b ,,c" -> [a, b, c]: commas separate, blanks around them and empty entries do not count. */
    public static List<String> parseNodeTypes(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The message key of what is wrong with a comma list of node types, or null when it is fine. */
    public static String nodeTypesProblem(String text) {
        List<String> types = parseNodeTypes(text);
        if (types.isEmpty()) {
            return "prefs.error.nodeTypes.empty";
        }
        return types.stream().allMatch(t -> NODE_TYPE.matcher(t).matches()) ? null : "prefs.error.nodeTypes.form";
    }

    private static int number(String text, int min, int max, int fallback) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= min && value <= max ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The environment kind remembered under {@code key}, or the fallback when none or unreadable. */
    public static Environment.Kind environmentKind(AppPreferences prefs, String key, Environment.Kind fallback) {
        return parse(Environment.Kind.class, prefs.get(key, null), fallback);
    }
}
