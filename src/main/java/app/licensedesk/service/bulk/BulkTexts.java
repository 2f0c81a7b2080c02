package app.licensedesk.service.bulk;

import app.licensedesk.service.Failure;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The bulk package's words, from the app's messages bundle. The service layer may not use ui/common (I18n and
 * ErrorMessages live there), so this is the small mapping the engine needs; for failed claims and activations it
 * uses the very keys ErrorMessages uses, so a row's reason reads as the dialogs' message. Read as I18n reads them:
 * in the default locale (which I18n.applyAtStart sets to the chosen language), English where a key is missing, and
 * every text through MessageFormat (a single quote is written twice).
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

    /** Why a claim ({@code activate == false}) or an activation failed, in the words of ErrorMessages. */
    static String failure(Failure e, boolean activate) {
        String server = e.serverMessage() == null ? "" : e.serverMessage();
        return switch (e.kind()) {
            case VALIDATION -> t(activate ? "error.activate.refused" : "error.claim.refused", server);
            case UNAUTHORIZED -> t("error.unauthorized");
            case SIGNED_OUT -> t("error.signedOut");
            case TWO_FACTOR_REQUIRED -> t("error.twoFactorRequired");
            case FORBIDDEN -> t(activate ? "error.forbidden.activate" : "error.forbidden.claim");
            case NOT_FOUND -> t(activate ? "error.notFound.license" : "error.notFound.claim");
            case CONFLICT -> t("error.conflict", server);
            case RATE_LIMITED -> e.retryAfter() == null ? t("error.rateLimited.noWait")
                    : t("error.rateLimited", humanDuration(e.retryAfter()));
            case SERVER -> t("error.server", e.httpStatus());
            case NETWORK -> t("error.network");
            case TIMEOUT -> t("error.timeout");
            case UNREADABLE -> e.httpStatus() > 0 ? t("error.unreadable", e.httpStatus())
                    : t("error.unreadable.noStatus");
        };
    }

    /** Why reading from the server failed (customers, controllers, licenses), in the words of ErrorMessages. */
    static String readFailure(RuntimeException error) {
        Failure e = Failure.of(error).orElse(null);
        if (e == null) {
            return t("error.unexpected", error.getClass().getSimpleName());
        }
        return switch (e.kind()) {
            case FORBIDDEN -> t("error.forbidden");
            case NOT_FOUND -> t("error.notFound");
            case VALIDATION -> t("error.validation", e.serverMessage() == null ? "" : e.serverMessage());
            default -> failure(e, false);
        };
    }

    private static String humanDuration(Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        if (seconds < 90) {
            return t("duration.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 90 ? t("duration.minutes", minutes) : t("duration.hours", (minutes + 59) / 60);
    }
}
