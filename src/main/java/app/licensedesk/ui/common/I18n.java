package app.licensedesk.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every user-visible string comes from the messages bundle through here, in the language chosen in the preferences
 * ({@value #PREF_LANGUAGE}: {@code en}, {@code nl}, {@code fr}, {@code de}) or else the computer's, when it is one
 * of those four, or else English.
 *
 * <p>For a preferences dialog: list {@link #supported()} with {@link #languageName}, plus "the computer's language"
 * ({@code language.system}); show {@link #storedLanguage}; save with {@link #setLanguage}. The choice takes effect
 * at the next start ({@code language.restart} says so), when {@link #applyAtStart} reads it before any view is built.
 */
public final class I18n {

    /** The preference that holds the chosen language: a tag of {@link #supported()}, or absent for the computer's. */
    public static final String PREF_LANGUAGE = "ui.language";

    private static final Logger LOG = LoggerFactory.getLogger(I18n.class);
    private static final String BUNDLE = "app.licensedesk.messages";
    private static final List<String> SUPPORTED = List.of("en", "nl", "fr", "de");
    // A key missing from a translation falls back to the English base bundle; without this control, asking for
    // English on a Dutch computer would find messages_nl (the default locale's bundle) before the base bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** The computer's locale, before {@link #applyAtStart} replaces the default. */
    private static final Locale COMPUTER = Locale.getDefault();

    private static volatile Locale locale;
    private static volatile ResourceBundle bundle;

    static {
        setLocale(resolve(null, COMPUTER));
    }

    private I18n() {
    }

    /** The language tags License Desk speaks, in the order a preferences dialog lists them. */
    public static List<String> supported() {
        return SUPPORTED;
    }

    /** A language's name in that language, as a language menu shows it: "English", "Nederlands", "Français". */
    public static String languageName(String tag) {
        Locale language = Locale.forLanguageTag(tag);
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    /** The language saved in the preferences, or null when License Desk follows the computer's. */
    public static String storedLanguage(AppPreferences prefs) {
        String tag = prefs.get(PREF_LANGUAGE, null);
        return isSupported(tag) ? tag : null;
    }

    /**
     * Saves the language for the next start: a tag of {@link #supported()}, or null to follow the computer's.
     *
     * @throws IllegalArgumentException for another tag
     */
    public static void setLanguage(AppPreferences prefs, String tag) {
        if (tag != null && !isSupported(tag)) {
            throw new IllegalArgumentException("Unsupported language: " + tag);
        }
        prefs.put(PREF_LANGUAGE, tag);
    }

    /**
     * At start, before any view is built: the saved language, else the computer's. It also becomes the JVM's
     * default locale, so that what JavaFX draws itself (the date picker's months, its dialogs' buttons) and every
     * date and number follow it.
     */
    public static void applyAtStart(AppPreferences prefs) {
        String stored = prefs.get(PREF_LANGUAGE, null);
        if (stored != null && !isSupported(stored)) {
            LOG.warn("Ignoring the unknown language {} in the preferences", stored);
        }
        Locale chosen = resolve(stored, COMPUTER);
        Locale.setDefault(chosen);
        setLocale(chosen);
        LOG.info("Language {}", chosen);
    }

    /**
     * The locale for a saved language tag (null or unknown: the computer's language when supported, else English).
     * The computer's country is kept, so that a Belgian desk gets Belgian date formats in any of the languages.
     */
    static Locale resolve(String tag, Locale computer) {
        String language = isSupported(tag) ? tag
                : isSupported(computer.getLanguage()) ? computer.getLanguage() : "en";
        return new Locale(language, computer.getCountry());
    }

    private static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.contains(tag); // List.of(...).contains(null) throws
    }

    /** Switches the language now; for tests (the app calls {@link #applyAtStart}). */
    public static void setLocale(Locale newLocale) {
        bundle = ResourceBundle.getBundle(BUNDLE, newLocale, NO_FALLBACK);
        locale = newLocale;
    }

    /** The locale that texts, dates and numbers are shown in. */
    public static Locale locale() {
        return locale;
    }

    /**
     * The text for {@code key}, with {@code args} filled in by MessageFormat. Every text goes through MessageFormat,
     * also without arguments, so one rule holds in every bundle: a single quote is written twice ({@code l''URL}).
     */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
