package app.licensedesk.api.testing;

import app.licensedesk.api.AccessTokenSource;
import java.util.concurrent.atomic.AtomicInteger;

/** An access token source that always hands out the same token and counts renewals. */
public final class FixedToken implements AccessTokenSource {

    private final String token;
    private final AtomicInteger renewals = new AtomicInteger();

    public FixedToken(String token) {
        this.token = token;
    }

    @Override
    public String accessToken() {
        return token;
    }

    @Override
    public String renewAfterRejection(String rejected) {
        renewals.incrementAndGet();
        return token;
    }

    public int renewals() {
        return renewals.get();
    }
}
