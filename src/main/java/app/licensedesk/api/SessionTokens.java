package app.licensedesk.api;

/**
 * The tokens a completed second factor gives: access, refresh and sudo token. Its text form never shows them.
 */
public record SessionTokens(String accessToken, String refreshToken, String sudoToken) {

    @Override
    public String toString() {
        return "SessionTokens[redacted]";
    }
}
