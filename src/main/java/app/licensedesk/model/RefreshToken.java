package app.licensedesk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token and when it was obtained: what "keep me signed in" hands to the credential store and back. Its
 * text form never shows the token.
 *
 * @param value      the token as the server handed it out (without quotes)
 * @param obtainedAt when the server handed it out; the session renews a token older than seven days
 */
public record RefreshToken(String value, Instant obtainedAt) {

    public RefreshToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
    }

    @Override
    public String toString() {
        return "RefreshToken[obtainedAt=" + obtainedAt + "]";
    }
}
