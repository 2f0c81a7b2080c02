package app.licensedesk.service.bulk;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The bulk package's own words, from the app's messages bundle (the service layer may not use ui/common, where I18n
 * lives); why a step failed is ErrorMessages' to say, through {@link FailureWords}. Read as I18n reads them: in the
 * default locale (which I18n.applyAtStart sets to the chosen language), English where a key is missing, and every
 * text through MessageFormat (a single quote is written twice).
 */
final class BulkTexts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.licensedesk.messages",
            Locale.getDefault(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private BulkTexts() {
    }

    static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
