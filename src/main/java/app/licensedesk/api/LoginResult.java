package app.licensedesk.api;

/**
 * What {@code POST /auth/login} gave: a token, and whether the server already said it is only a partial token
 * (2FA rule (a) of {@link TwoFactorDetector}). Its text form never shows the token.
 */
public record LoginResult(String token, boolean partial) {

    @Override
    public String toString() {
        return "LoginResult[token=[redacted], partial=" + partial + "]";
    }
}
