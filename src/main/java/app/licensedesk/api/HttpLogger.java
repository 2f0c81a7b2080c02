package app.licensedesk.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs HTTP traffic without secrets: request line and status at DEBUG; headers at TRACE with Authorization and
 * cookies redacted; bodies at TRACE only where {@code logBodies} (never on the authentication host, whose bodies
 * are passwords, codes and tokens).
 */
final class HttpLogger implements Interceptor {

    static final String LOGGER_NAME = "app.licensedesk.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "set-cookie",
            "proxy-authorization");
    private static final long MAX_LOGGED_BODY = 4096;

    private final boolean logBodies;

    HttpLogger(boolean logBodies) {
        this.logBodies = logBodies;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        // The whole URL helps debugging and holds no secret in this API; user info is dropped all the same.
        String line = request.method() + " " + request.url().newBuilder().username("").password("").build();
        LOG.debug("--> {}", line);
        if (LOG.isTraceEnabled()) {
            LOG.trace("--> headers {}", headers(request.headers()));
            if (logBodies && request.body() != null) {
                Buffer buffer = new Buffer();
                request.body().writeTo(buffer);
                LOG.trace("--> body {}", ApiErrors.redact(buffer.readUtf8(Math.min(buffer.size(), MAX_LOGGED_BODY))));
            }
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOG.debug("<-- {} failed: {}", line, e.getClass().getSimpleName());
            throw e;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.debug("<-- {} {} ({} ms)", response.code(), line, millis);
        if (LOG.isTraceEnabled()) {
            LOG.trace("<-- headers {}", headers(response.headers()));
            if (logBodies) {
                LOG.trace("<-- body {}", ApiErrors.redact(response.peekBody(MAX_LOGGED_BODY).string()));
            }
        }
        return response;
    }

    private static String headers(Headers headers) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
            sb.append(i == 0 ? "" : ", ").append(name).append(": ").append(secret ? "[redacted]" : headers.value(i));
        }
        return sb.append('}').toString();
    }
}
