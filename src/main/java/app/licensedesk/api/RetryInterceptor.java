package app.licensedesk.api;

import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * The one retry mechanism. Idempotent requests (GET and friends, and methods marked {@link Idempotent}) are
 * retried on every transient failure: 429/500/502/503/504, a dropped or reset connection, a read timeout, and a
 * successful answer whose body breaks off (the body is read to its end here, so a body cut short is met inside
 * the retry loop rather than later in the converter). Retries back off exponentially from {@code retryBaseDelay},
 * capped at {@code retryMaxDelay}, and never sooner than the server's Retry-After/retryAfter. Other requests (POST)
 * are retried only when the connection could not be opened, so the request provably never reached the server: a
 * POST that timed out or lost its answer may have been applied, and only reading the state back can tell.
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
                if (idempotent && response.isSuccessful()) {
                    response = readWhole(response);
                }
            } catch (IOException e) {
                if (last || !isRetryable(e, idempotent) || neverSent(e) && attempt >= CONNECT_RETRIES) {
                    throw e;
                }
                Duration wait = settings.backoff(attempt);
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
            Duration backoff = settings.backoff(attempt);
            Duration wait = asked == null || asked.compareTo(backoff) < 0 ? backoff : asked;
            LOG.info("{} {} answered {}; retry {} of {} in {} ms", request.method(), request.url().encodedPath(),
                    response.code(), attempt + 1, settings.maxRetries(), wait.toMillis());
            response.close();
            pause(wait);
        }
    }

    static boolean isIdempotent(Request request) {
        if (IDEMPOTENT_METHODS.contains(request.method())) {
            return true;
        }
        Invocation invocation = request.tag(Invocation.class);
        return invocation != null && invocation.method().isAnnotationPresent(Idempotent.class);
    }

    /**
     * Reads the body of a successful answer to its end and hands on a copy in memory (the converters read it whole
     * anyway). A body that starts as JSON must end as JSON: one cut off in the middle (a dropped proxy connection)
     * is an {@link UnreadableBodyException} here, where it can be retried. A body that is complete but not what
     * the caller expects stays the converter's to report: asking again would get the same answer.
     */
    static Response readWhole(Response response) throws IOException {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        byte[] bytes;
        try (body) {
            bytes = body.bytes();
        }
        if (startsAsJson(bytes) && !isCompleteJson(bytes)) {
            throw new UnreadableBodyException("The answer breaks off before its JSON ends (" + bytes.length
                    + " bytes)", null);
        }
        return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
    }

    private static boolean startsAsJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static boolean isCompleteJson(byte[] bytes) {
        try {
            JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8));
            reader.setStrictness(Strictness.STRICT);
            reader.skipValue();
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | IllegalStateException | JsonParseException e) {
            return false;
        }
    }

    private static boolean isRetryable(IOException e, boolean idempotent) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (!idempotent) {
            return neverSent(e);
        }
        // a read or connect timeout is worth another try for a read; an interruption (cancel) is not
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    /** The connection could not be opened, so the request provably never reached the server. */
    static boolean neverSent(Throwable e) {
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
