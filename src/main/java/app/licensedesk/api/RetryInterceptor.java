package app.licensedesk.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * The one retry mechanism. Idempotent requests (GET and friends, and methods marked {@link Idempotent}) are
 * retried on 429/500/502/503/504 and on connection failures, with exponential backoff from
 * {@code retryBaseDelay} capped at {@code retryMaxDelay}, and never sooner than the server's
 * Retry-After/retryAfter. Other requests (POST) are retried only when the connection could not be opened, so the
 * request provably never reached the server. Timeouts are never retried: the server may be working on it.
 */
final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);
    private static final Set<Integer> RETRY_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    /**
     * A host that cannot be reached is retried twice (1 s, 2 s) rather than maxRetries times: someone is waiting
     * at the screen, and a server that refused three connections in three seconds is down. Overload answers
     * (429/5xx) keep the full backoff.
     */
    static final int CONNECT_RETRIES = 2;

    private final ClientSettings settings;
    private final ApiErrors errors;

    RetryInterceptor(ClientSettings settings, ApiErrors errors) {
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean idempotent = isIdempotent(request);
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= settings.maxRetries();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (last || !isRetryable(e, idempotent) || neverSent(e) && attempt >= CONNECT_RETRIES) {
                    throw e;
                }
                Duration wait = backoff(attempt);
                LOG.info("{} {} failed ({}); retry {} of {} in {} ms", request.method(), request.url().encodedPath(),
                        e.getClass().getSimpleName(), attempt + 1, settings.maxRetries(), wait.toMillis());
                pause(wait);
                continue;
            }
            if (last || !idempotent || !RETRY_STATUSES.contains(response.code())) {
                return response;
            }
            Duration asked = errors.retryAfter(
                    ApiErrors.parseErrorBody(response.peekBody(ApiErrors.MAX_ERROR_BODY).string()),
                    response.headers());
            if (asked != null && asked.compareTo(settings.retryMaxDelay()) > 0) {
                return response; // longer than we are willing to block: let the caller tell the user
            }
            Duration wait = asked == null || asked.compareTo(backoff(attempt)) < 0 ? backoff(attempt) : asked;
            LOG.info("{} {} answered {}; retry {} of {} in {} ms", request.method(), request.url().encodedPath(),
                    response.code(), attempt + 1, settings.maxRetries(), wait.toMillis());
            response.close();
            pause(wait);
        }
    }

    /** retryBaseDelay * 2^attempt, capped at retryMaxDelay. */
    Duration backoff(int attempt) {
        Duration max = settings.retryMaxDelay();
        Duration delay = settings.retryBaseDelay();
        for (int i = 0; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    static boolean isIdempotent(Request request) {
        if (IDEMPOTENT_METHODS.contains(request.method())) {
            return true;
        }
        Invocation invocation = request.tag(Invocation.class);
        return invocation != null && invocation.method().isAnnotationPresent(Idempotent.class);
    }

    private static boolean isRetryable(IOException e, boolean idempotent) {
        if (e instanceof InterruptedIOException || e instanceof UnreadableBodyException) {
            return false;
        }
        return idempotent || neverSent(e);
    }

    /** The connection could not be opened, so the request provably never reached the server. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
    }

    private void pause(Duration wait) throws IOException {
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry");
        }
    }
}
