package app.licensedesk.ui.common;

import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.bulk.FailureWords;
import java.time.Duration;
import java.util.function.Function;

/** The one place that turns an exception into words for the user, according to what the user was doing. */
public final class ErrorMessages {

    /** What the user was doing when the failure happened; picks the specific wording. */
    public enum Action {
        GENERAL, SIGN_IN, RESUME, TWO_FACTOR, LOAD_CUSTOMERS, LOAD_CONTROLLERS, LOAD_CUSTOMER_LICENSES,
        LOAD_CONTROLLER_LICENSES,
        LOAD_LICENSES, ACTIVATE, CLAIM
    }

    private ErrorMessages() {
    }

    /** Whether this failure is expected (shown inline) rather than a defect (shown in an error dialog). */
    public static boolean isExpected(Throwable error) {
        return Failure.of(error).isPresent();
    }

    public static String describe(Throwable error, Action action) {
        return Failure.of(error).map(api -> describe(api, action))
                .orElseGet(() -> I18n.t("error.unexpected", error.getClass().getSimpleName()));
    }

    /** The words for a failed call, according to what the user was doing. */
    public static String describe(Failure api, Action action) {
        String server = api.serverMessage() == null ? "" : api.serverMessage();
        return switch (api.kind()) {
            case VALIDATION -> switch (action) {
                case ACTIVATE -> I18n.t("error.activate.refused", server);
                case CLAIM -> I18n.t("error.claim.refused", server);
                case LOAD_CUSTOMER_LICENSES -> I18n.t("error.customer.invalid", server);
                default -> I18n.t("error.validation", server);
            };
            case UNAUTHORIZED -> switch (action) {
                case SIGN_IN -> "PASSWORD_INCORRECT".equals(api.errorCode()) || api.httpStatus() == 401
                        ? I18n.t("error.signIn.wrongPassword") : I18n.t("error.unauthorized");
                case TWO_FACTOR -> I18n.t("error.twoFactor.wrongCode");
                case RESUME -> I18n.t("error.resume.refused");
                default -> I18n.t("error.unauthorized");
            };
            case SIGNED_OUT -> I18n.t("error.signedOut");
            case TWO_FACTOR_REQUIRED -> I18n.t("error.twoFactorRequired");
            case FORBIDDEN -> switch (action) {
                case ACTIVATE -> I18n.t("error.forbidden.activate");
                case CLAIM -> I18n.t("error.forbidden.claim");
                case LOAD_CUSTOMER_LICENSES, LOAD_LICENSES -> I18n.t("error.forbidden.customer");
                case LOAD_CONTROLLERS, LOAD_CONTROLLER_LICENSES -> I18n.t("error.forbidden.controller");
                default -> I18n.t("error.forbidden");
            };
            case NOT_FOUND -> switch (action) {
                case ACTIVATE -> I18n.t("error.notFound.license");
                case CLAIM -> I18n.t("error.notFound.claim");
                case LOAD_CONTROLLER_LICENSES -> I18n.t("error.notFound.controller");
                case LOAD_CUSTOMER_LICENSES, LOAD_LICENSES -> I18n.t("error.notFound.customer");
                default -> I18n.t("error.notFound");
            };
            case CONFLICT -> action == Action.TWO_FACTOR
                    ? I18n.t("error.twoFactor.notSetUp") : I18n.t("error.conflict", server);
            case RATE_LIMITED -> rateLimited(api, action);
            case SERVER -> I18n.t("error.server", api.httpStatus());
            case NETWORK -> I18n.t("error.network");
            case TIMEOUT -> I18n.t("error.timeout");
            case UNREADABLE -> api.httpStatus() > 0 ? I18n.t("error.unreadable", api.httpStatus())
                    : I18n.t("error.unreadable.noStatus");
        };
    }

    /**
     * The words for an activation or a claim that the server refused or whose answer was lost, after the service
     * read the license back: what is true now, and whether trying again is safe.
     *
     * @param controllerLabel how people know a controller, from its nodeId
     */
    public static String describe(LicenseOutcome outcome, Function<String, String> controllerLabel) {
        String server = outcome.failure() == null || outcome.failure().serverMessage() == null ? ""
                : outcome.failure().serverMessage();
        if (outcome.action() == LicenseOutcome.Action.ACTIVATE) {
            String at = Formats.dateTime(outcome.activatedAt());
            return switch (outcome.status()) {
                case DONE -> I18n.t("outcome.activate.done", at);
                case ALREADY -> I18n.t("outcome.activate.already", at, server);
                case REFUSED -> I18n.t("error.activate.refused", server);
                case LOST_DONE -> I18n.t("outcome.activate.lostDone", at);
                case LOST_NOT_DONE -> I18n.t("outcome.activate.lostNotDone");
                case LOST_UNKNOWN -> I18n.t("outcome.activate.lostUnknown");
            };
        }
        String asked = controllerLabel.apply(outcome.nodeId());
        String claimedTo = outcome.claimedTo() == null ? asked : controllerLabel.apply(outcome.claimedTo());
        return switch (outcome.status()) {
            case DONE -> I18n.t("outcome.claim.done", claimedTo);
            case ALREADY -> I18n.t("error.claim.refusedKnown", claimedTo, server);
            case REFUSED -> I18n.t("error.claim.refused", server);
            case LOST_DONE -> I18n.t("outcome.claim.lostDone", claimedTo);
            case LOST_NOT_DONE -> I18n.t("outcome.claim.lostNotDone", asked);
            case LOST_UNKNOWN -> I18n.t("outcome.claim.lostUnknown", asked);
        };
    }

    /**
     * These words for the bulk engine's rows, which the service layer cannot ask for itself: a claim's or an
     * activation's failure as the dialogs say it, anything else as {@link Action#GENERAL}.
     */
    public static FailureWords forBulk() {
        return new FailureWords() {
            @Override
            public String step(Failure failure, boolean activate) {
                return describe(failure, activate ? Action.ACTIVATE : Action.CLAIM);
            }

            @Override
            public String other(RuntimeException error) {
                return describe(error, Action.GENERAL);
            }
        };
    }

    private static String rateLimited(Failure api, Action action) {
        Duration wait = api.retryAfter();
        String key = switch (action) {
            case SIGN_IN, RESUME -> "error.rateLimited.signIn";
            case TWO_FACTOR -> "error.rateLimited.twoFactor";
            default -> "error.rateLimited";
        };
        if (wait == null) {
            return I18n.t(key + ".noWait");
        }
        return I18n.t(key, humanDuration(wait));
    }

    /** "45 seconds", "3 minutes", "2 hours". */
    static String humanDuration(Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        if (seconds < 90) {
            return I18n.t("duration.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) {
            return I18n.t("duration.minutes", minutes);
        }
        return I18n.t("duration.hours", (minutes + 59) / 60);
    }
}
