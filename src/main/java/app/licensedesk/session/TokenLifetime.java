package app.licensedesk.session;

import java.time.Duration;
import java.time.Instant;

/**
 * The contract's decision on access-token lifetime, in one place: a token is valid for at most
 * {@code maxAge} (5 minutes), or until the {@code exp} of its JWT payload if that is earlier, and is renewed
 * {@code margin} before that.
 */
final class TokenLifetime {

    private final Duration maxAge;
    private final Duration margin;

    TokenLifetime(Duration maxAge, Duration margin) {
        this.maxAge = maxAge;
        this.margin = margin;
    }

    /** When to renew an access token obtained at {@code obtainedAt}. */
    Instant renewAt(String accessToken, Instant obtainedAt) {
        Instant expiry = obtainedAt.plus(maxAge);
        Instant exp = Jwt.expiry(accessToken).orElse(null);
        // An exp before we even got the token is clock skew, not a dead token: fall back to the maximum age.
        if (exp != null && exp.isAfter(obtainedAt) && exp.isBefore(expiry)) {
            expiry = exp;
        }
        Instant renewAt = expiry.minus(margin);
        // A margin longer than the lifetime would renew on every request: use half the lifetime at least.
        Instant halfLife = obtainedAt.plus(Duration.between(obtainedAt, expiry).dividedBy(2));
        return renewAt.isBefore(halfLife) ? halfLife : renewAt;
    }
}
