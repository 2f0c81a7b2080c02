package app.licensedesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-visible string comes from the messages bundle through here. */
public final class I18n {

    private static final String BUNDLE = "app.licensedesk.messages";
    private static volatile ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());

    private I18n() {
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** Switches the language (for tests and, later, a preference). */
    public static void setLocale(Locale locale) {
        bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** The text for {@code key}, with {@code args} filled in by MessageFormat when given. */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
