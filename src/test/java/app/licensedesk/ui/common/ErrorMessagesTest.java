package app.licensedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.bulk.FailureWords;
import app.licensedesk.ui.common.ErrorMessages.Action;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static ApiException api(ErrorKind kind, int status, String code, String message, Duration retry) {
        return new ApiException(kind, status, code, message, retry, null);
    }

    @Test
    void eachFailureHasItsOwnWords() {
        assertThat(ErrorMessages.describe(api(ErrorKind.UNAUTHORIZED, 401, "PASSWORD_INCORRECT", "x", null),
                Action.SIGN_IN)).isEqualTo("Wrong username or password.");
        assertThat(ErrorMessages.describe(api(ErrorKind.FORBIDDEN, 403, null, null, null), Action.ACTIVATE))
                .isEqualTo("You do not have the right to activate this license.");
        assertThat(ErrorMessages.describe(api(ErrorKind.FORBIDDEN, 403, null, null, null),
                Action.LOAD_CUSTOMER_LICENSES)).isEqualTo("No access to this customer.");
        assertThat(ErrorMessages.describe(api(ErrorKind.NOT_FOUND, 404, null, null, null), Action.ACTIVATE))
                .isEqualTo("No license with this key exists.");
        assertThat(ErrorMessages.describe(api(ErrorKind.NETWORK, 0, null, null, null), Action.LOAD_CUSTOMERS))
                .contains("Cannot reach the server");
        assertThat(ErrorMessages.describe(api(ErrorKind.TIMEOUT, 0, null, null, null), Action.LOAD_CUSTOMERS))
                .contains("did not answer in time");
        assertThat(ErrorMessages.describe(api(ErrorKind.SERVER, 503, null, null, null), Action.LOAD_LICENSES))
                .contains("HTTP 503");
        // a body that broke off has no status worth naming
        assertThat(ErrorMessages.describe(api(ErrorKind.UNREADABLE, 0, null, null, null), Action.LOAD_LICENSES))
                .isEqualTo("The server sent an answer License Desk cannot read.");
        assertThat(ErrorMessages.describe(api(ErrorKind.UNREADABLE, 200, null, null, null), Action.LOAD_LICENSES))
                .contains("HTTP 200");
        assertThat(ErrorMessages.describe(api(ErrorKind.TWO_FACTOR_REQUIRED, 401, null, null, null), Action.SIGN_IN))
                .contains("Two-factor");
        assertThat(ErrorMessages.describe(api(ErrorKind.CONFLICT, 409, null, null, null), Action.TWO_FACTOR))
                .contains("not set up");
    }

    @Test
    void refusalsAndLostAnswersSayWhatTheReadBackShowed() {
        ApiException e = api(ErrorKind.VALIDATION, 400, "Bad Request", "License already claimed", null);
        LicenseOutcome already = new LicenseOutcome(LicenseOutcome.Action.CLAIM, LicenseOutcome.Status.ALREADY, "K",
                "SGC-0002", null, "SGC-0001", Failure.of(e).orElseThrow());
        assertThat(ErrorMessages.describe(already, nodeId -> "Site " + nodeId))
                .contains("already claimed by controller Site SGC-0001").contains("License already claimed");
        assertThat(ErrorMessages.describe(e, Action.CLAIM)).contains("may already be claimed");
        for (LicenseOutcome.Action action : LicenseOutcome.Action.values()) {
            for (LicenseOutcome.Status status : LicenseOutcome.Status.values()) {
                String text = ErrorMessages.describe(new LicenseOutcome(action, status, "K", "n", null, null,
                        Failure.of(e).orElseThrow()),
                        nodeId -> nodeId);
                assertThat(text).as(action + "/" + status).isNotBlank().doesNotContain("!");
            }
        }
        assertThat(ErrorMessages.describe(api(ErrorKind.VALIDATION, 400, null, "already activated", null),
                Action.ACTIVATE)).contains("already be activated").contains("already activated");
    }

    @Test
    void rateLimitSaysHowLongToWait() {
        assertThat(ErrorMessages.describe(api(ErrorKind.RATE_LIMITED, 429, null, null, Duration.ofSeconds(45)),
                Action.SIGN_IN)).isEqualTo("Too many failed sign-in attempts. Try again in 45 seconds.");
        assertThat(ErrorMessages.describe(api(ErrorKind.RATE_LIMITED, 429, null, null, Duration.ofSeconds(600)),
                Action.LOAD_CUSTOMERS)).isEqualTo("Too many requests. Try again in 10 minutes.");
        assertThat(ErrorMessages.describe(api(ErrorKind.RATE_LIMITED, 429, null, null, null), Action.TWO_FACTOR))
                .contains("Too many wrong codes");
    }

    @Test
    void unexpectedErrorsAreNamedButNotExpected() {
        IllegalStateException bug = new IllegalStateException("boom");
        assertThat(ErrorMessages.isExpected(bug)).isFalse();
        assertThat(ErrorMessages.describe(bug, Action.CLAIM)).contains("IllegalStateException");
    }

    @Test
    void everyKindAndActionHasAText() {
        for (ErrorKind kind : ErrorKind.values()) {
            for (Action action : Action.values()) {
                String text = ErrorMessages.describe(api(kind, 400, null, "m", Duration.ofSeconds(5)), action);
                assertThat(text).as(kind + "/" + action).isNotBlank().doesNotContain("!");
            }
        }
    }

    @Test
    void aBulkRowSaysWhatTheDialogsSay() {
        FailureWords bulk = ErrorMessages.forBulk();
        for (ErrorKind kind : ErrorKind.values()) {
            ApiException e = api(kind, 400, null, "m", Duration.ofSeconds(5));
            Failure failure = Failure.of(e).orElseThrow();
            assertThat(bulk.step(failure, true)).as(kind + " activate")
                    .isEqualTo(ErrorMessages.describe(e, Action.ACTIVATE));
            assertThat(bulk.step(failure, false)).as(kind + " claim")
                    .isEqualTo(ErrorMessages.describe(e, Action.CLAIM));
            assertThat(bulk.other(e)).as(kind + " other").isEqualTo(ErrorMessages.describe(e, Action.GENERAL));
        }
        Failure forbidden = Failure.of(api(ErrorKind.FORBIDDEN, 403, null, null, null)).orElseThrow();
        assertThat(bulk.step(forbidden, false)).isEqualTo("You do not have the right to claim this license.");
        Failure slowDown = Failure.of(api(ErrorKind.RATE_LIMITED, 429, null, null, Duration.ofSeconds(120)))
                .orElseThrow();
        assertThat(bulk.step(slowDown, true)).isEqualTo("Too many requests. Try again in 2 minutes.");
        assertThat(bulk.other(api(ErrorKind.NOT_FOUND, 404, null, null, null))).isEqualTo("Not found.");
        assertThat(bulk.other(new IllegalStateException("boom"))).contains("IllegalStateException")
                .doesNotContain("boom");
    }
}
