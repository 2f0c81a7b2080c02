package app.licensedesk.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of the HTTP client and the session: concurrency, timeouts, retries, token lifetimes, the clock and the
 * backoff sleeper (both replaceable so tests run fast and deterministic).
 *
 * @param maxConcurrentRequests    requests in flight toward the API at most
 * @param controllerNodeTypes      device node types that count as controllers
 * @param connectTimeout           TCP/TLS connect timeout
 * @param readTimeout              read (and write) timeout per I/O operation
 * @param maxRetries               retries after the first attempt of a retryable request
 * @param retryBaseDelay           first backoff delay; doubled on each further retry
 * @param retryMaxDelay            cap of a backoff delay; a server asking to wait longer is not retried
 * @param accessTokenMaxAge        an access token is never trusted longer than this, whatever its JWT says
 * @param accessTokenRenewalMargin renew this long before the access token's expiry
 * @param refreshTokenRenewAfter   renew the refresh token once it is this old
 * @param clock                    the time source for token lifetimes and Retry-After dates
 * @param sleeper                  how the client waits between retries
 */
public record ClientSettings(int maxConcurrentRequests, List<String> controllerNodeTypes, Duration connectTimeout,
                             Duration readTimeout, int maxRetries, Duration retryBaseDelay, Duration retryMaxDelay,
                             Duration accessTokenMaxAge, Duration accessTokenRenewalMargin,
                             Duration refreshTokenRenewAfter, Clock clock, Sleeper sleeper) {

    /** Waits between retries; tests replace it to record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        /** The real sleeper. */
        static Sleeper threadSleep() {
            return duration -> Thread.sleep(Math.max(0, duration.toMillis()));
        }
    }

    public ClientSettings {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        controllerNodeTypes = List.copyOf(controllerNodeTypes);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
        Objects.requireNonNull(accessTokenMaxAge, "accessTokenMaxAge");
        Objects.requireNonNull(accessTokenRenewalMargin, "accessTokenRenewalMargin");
        Objects.requireNonNull(refreshTokenRenewAfter, "refreshTokenRenewAfter");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The defaults: 8 in flight, 10 s connect, 30 s read, 4 retries from 1 s up to 60 s, tokens per the contract. */
    public static ClientSettings defaults() {
        return new ClientSettings(8, List.of("smartgridControllerSite"), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 4, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofDays(7), Clock.systemUTC(), Sleeper.threadSleep());
    }

    /**
     * The wait before retry number {@code attempt + 1}: retryBaseDelay * 2^attempt, capped at retryMaxDelay. The one
     * backoff rule, for the client's retries and the bulk engine's second sends alike.
     */
    public Duration backoff(int attempt) {
        Duration delay = retryBaseDelay;
        for (int i = 0; i < attempt && delay.compareTo(retryMaxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }

    public ClientSettings withMaxConcurrentRequests(int value) {
        return new ClientSettings(value, controllerNodeTypes, connectTimeout, readTimeout, maxRetries,
                retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin, refreshTokenRenewAfter,
                clock, sleeper);
    }

    public ClientSettings withControllerNodeTypes(List<String> value) {
        return new ClientSettings(maxConcurrentRequests, value, connectTimeout, readTimeout, maxRetries,
                retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin, refreshTokenRenewAfter,
                clock, sleeper);
    }

    public ClientSettings withConnectTimeout(Duration value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, value, readTimeout, maxRetries,
                retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin, refreshTokenRenewAfter,
                clock, sleeper);
    }

    public ClientSettings withReadTimeout(Duration value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, value, maxRetries,
                retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin, refreshTokenRenewAfter,
                clock, sleeper);
    }

    public ClientSettings withMaxRetries(int value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout, value,
                retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin, refreshTokenRenewAfter,
                clock, sleeper);
    }

    public ClientSettings withRetryBaseDelay(Duration value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout,
                maxRetries, value, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin,
                refreshTokenRenewAfter, clock, sleeper);
    }

    public ClientSettings withRetryMaxDelay(Duration value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout,
                maxRetries, retryBaseDelay, value, accessTokenMaxAge, accessTokenRenewalMargin,
                refreshTokenRenewAfter, clock, sleeper);
    }

    public ClientSettings withAccessTokenMaxAge(Duration value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout,
                maxRetries, retryBaseDelay, retryMaxDelay, value, accessTokenRenewalMargin, refreshTokenRenewAfter,
                clock, sleeper);
    }

    public ClientSettings withAccessTokenRenewalMargin(Duration value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout,
                maxRetries, retryBaseDelay, retryMaxDelay, accessTokenMaxAge, value, refreshTokenRenewAfter,
                clock, sleeper);
    }

    public ClientSettings withRefreshTokenRenewAfter(Duration value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout,
                maxRetries, retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin, value,
                clock, sleeper);
    }

    public ClientSettings withClock(Clock value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout,
                maxRetries, retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin,
                refreshTokenRenewAfter, value, sleeper);
    }

    public ClientSettings withSleeper(Sleeper value) {
        return new ClientSettings(maxConcurrentRequests, controllerNodeTypes, connectTimeout, readTimeout,
                maxRetries, retryBaseDelay, retryMaxDelay, accessTokenMaxAge, accessTokenRenewalMargin,
                refreshTokenRenewAfter, clock, value);
    }
}
