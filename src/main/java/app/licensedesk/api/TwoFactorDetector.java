package app.licensedesk.api;

import app.licensedesk.model.ErrorKind;
import java.util.Locale;

/**
 * The contract's undocumented decision on how sign-in signals 2FA, in one place. 2FA is required when either
 * (a) login answers 401, its message contains "2FA" or "PARTIAL", and the body carries a {@code partialToken}, or
 * (b) login answers 200 but {@code /auth/accesstoken} with that token answers 401 with a message containing "2FA".
 * In both cases the token from login is the partial token.
 */
public final class TwoFactorDetector {

    private TwoFactorDetector() {
    }

    /** Rule (a): the partial token of a login refusal that asks for a second factor, else null. */
    static String partialTokenOfLoginRefusal(int status, Wire.ErrorBody body) {
        if (status != 401 || body == null || body.message() == null || body.partialToken() == null) {
            return null;
        }
        String message = body.message().toUpperCase(Locale.ROOT);
        if (!message.contains("2FA") && !message.contains("PARTIAL")) {
            return null;
        }
        return TextTokens.unquote(body.partialToken());
    }

    /** Rule (b): whether {@code /auth/accesstoken}, asked with the token from login, refused it for want of 2FA. */
    public static boolean isTwoFactorRefusal(ApiException accessTokenFailure) {
        return accessTokenFailure.kind() == ErrorKind.UNAUTHORIZED
                && accessTokenFailure.serverMessage() != null
                && accessTokenFailure.serverMessage().toUpperCase(Locale.ROOT).contains("2FA");
    }
}
