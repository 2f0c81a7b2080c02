package app.licensedesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.Buffer;

/**
 * A MockWebServer in front of a real sandbox that forwards every request as it came (the raw, still encoded
 * request target and the body's bytes) and records it, so a test can assert exactly what reached the sandbox.
 * When the sandbox drops a request, the proxy drops it too.
 */
public final class RecordingProxy implements AutoCloseable {

    /**
     * One request as it reached the proxy: the method, the raw target (path and query) and the body as UTF-8, and
     * the sandbox's answer as UTF-8 (null until it came, or when it never came).
     */
    public record Seen(String method, String target, String body, AtomicReference<String> answer) {
    }

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient upstream;
    private final String target;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public RecordingProxy(String sandboxBaseUrl) throws IOException {
        this(sandboxBaseUrl, Duration.ofSeconds(5));
    }

    /** @param readTimeout how long to wait for the sandbox's answer (its stalls end in a dropped connection) */
    public RecordingProxy(String sandboxBaseUrl, Duration readTimeout) throws IOException {
        this.target = sandboxBaseUrl;
        this.upstream = new OkHttpClient.Builder().retryOnConnectionFailure(false).followRedirects(false)
                .readTimeout(readTimeout).build();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return forward(request);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The requests whose target starts with {@code prefix} (e.g. "/v1/license/"), in the order they came. */
    public List<Seen> seen(String prefix) {
        return seen.stream().filter(s -> s.target().startsWith(prefix)).toList();
    }

    /** Forgets what was seen so far. */
    public void clear() {
        seen.clear();
    }

    private MockResponse forward(RecordedRequest recorded) {
        AtomicReference<String> answer = new AtomicReference<>();
        seen.add(new Seen(recorded.getMethod(), recorded.getTarget(),
                new String(Forwarding.bodyOf(recorded), StandardCharsets.UTF_8), answer));
        try (Response response = upstream.newCall(Forwarding.upstream(target, recorded)).execute()) {
            byte[] answered = response.body().bytes();
            answer.set(new String(answered, StandardCharsets.UTF_8));
            return Forwarding.answer(response).body(new Buffer().write(answered)).build();
        } catch (IOException e) {
            return Forwarding.dropped();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        upstream.dispatcher().executorService().shutdown();
        upstream.connectionPool().evictAll();
    }
}
