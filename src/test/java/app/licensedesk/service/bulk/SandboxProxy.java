package app.licensedesk.service.bulk;

import app.licensedesk.testing.Forwarding;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * A MockWebServer in front of a real sandbox: forwards every request, counts the claim and activate POSTs per
 * key (sent, and applied = answered 200 with {@code success: true} by the sandbox) and records how each was
 * answered (applied, refused, another error, or lost when the sandbox dropped it), and can drop the connection
 * after the sandbox has applied a POST ("apply-then-drop": the client never hears that its request worked).
 */
final class SandboxProxy implements AutoCloseable {

    static final String CLAIM = "/v1/license/claim";
    static final String ACTIVATE = "/v1/license/activate";

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient upstream;
    private final String target;
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    /** Per path and key, one slot per POST in the order they arrived, filled when the sandbox answers. */
    private final Map<String, List<AtomicReference<Answer>>> answers = new ConcurrentHashMap<>();
    private final Set<String> dropAfterApply = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

    SandboxProxy(String sandboxBaseUrl) throws IOException {
        this.target = sandboxBaseUrl;
        this.upstream = new OkHttpClient.Builder().retryOnConnectionFailure(false).followRedirects(false)
                .readTimeout(Duration.ofSeconds(2)).build();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return forward(request);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The next POST to {@code path} for this key is applied by the sandbox, then its connection dropped. */
    void dropAfterApplying(String path, String key) {
        dropAfterApply.add(path + " " + key);
    }

    /** How many POSTs to {@code path} for {@code key} reached the proxy. */
    int sent(String path, String key) {
        AtomicInteger n = sent.get(path + " " + key);
        return n == null ? 0 : n.get();
    }

    /** How many POSTs to {@code path} for {@code key} the sandbox answered with 200. */
    int applied(String path, String key) {
        AtomicInteger n = applied.get(path + " " + key);
        return n == null ? 0 : n.get();
    }

    /** What became of a claim or activate POST, as the proxy saw the sandbox answer it. */
    enum Answer {
        /** 200 with success: the sandbox applied it. */
        APPLIED,
        /** 400: refused, e.g. already claimed or activated. */
        REFUSED,
        /** Another error status (a fault decided before the request was handled: nothing applied). */
        ERROR,
        /** No answer (the sandbox dropped or stalled it): applied or not, only a read can tell. */
        LOST
    }

    /**
     * The answers to the POSTs to {@code path} for {@code key}, in the order the POSTs arrived (not the order the
     * answers came: a stalled one ends last). One still waiting for the sandbox counts as LOST.
     */
    List<Answer> answers(String path, String key) {
        List<AtomicReference<Answer>> list = answers.get(path + " " + key);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return list.stream().map(a -> a.get() == null ? Answer.LOST : a.get()).toList();
        }
    }

    private AtomicReference<Answer> arrived(String path, String key) {
        AtomicReference<Answer> slot = new AtomicReference<>();
        if (key != null) {
            List<AtomicReference<Answer>> list = answers.computeIfAbsent(path + " " + key, k -> new ArrayList<>());
            synchronized (list) {
                list.add(slot);
            }
        }
        return slot;
    }

    /** The requests the proxy has seen for a method and path, e.g. "GET /auth/accesstoken". */
    int requests(String methodAndPath) {
        AtomicInteger n = byPath.get(methodAndPath);
        return n == null ? 0 : n.get();
    }

    private MockResponse forward(RecordedRequest recorded) {
        String path = recorded.getUrl().encodedPath();
        byPath.computeIfAbsent(recorded.getMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        String key = null;
        if (recorded.getMethod().equals("POST") && (path.equals(CLAIM) || path.equals(ACTIVATE))) {
            key = keyOf(recorded.getBody().utf8(), path.equals(CLAIM) ? "licenseKey" : "key");
            sent.computeIfAbsent(path + " " + key, k -> new AtomicInteger()).incrementAndGet();
        }
        AtomicReference<Answer> answer = arrived(path, key);
        try (Response response = upstream.newCall(Forwarding.upstream(target, recorded)).execute()) {
            ResponseBody responseBody = response.body();
            byte[] bytes = responseBody.bytes();
            // a 200 with cut-off JSON is one of the sandbox's faults, decided before anything was applied
            boolean success = response.code() == 200 && succeeded(new String(bytes, StandardCharsets.UTF_8));
            answer.set(success ? Answer.APPLIED : response.code() == 400 ? Answer.REFUSED : Answer.ERROR);
            if (key != null && success) {
                applied.computeIfAbsent(path + " " + key, k -> new AtomicInteger()).incrementAndGet();
                if (dropAfterApply.remove(path + " " + key)) {
                    return Forwarding.dropped();
                }
            }
            return Forwarding.answer(response).body(new Buffer().write(bytes)).build();
        } catch (IOException e) {
            // the sandbox dropped or stalled the request: so does the proxy
            answer.set(Answer.LOST);
            return Forwarding.dropped();
        }
    }

    private static boolean succeeded(String json) {
        try {
            return JsonParser.parseString(json).getAsJsonObject().get("success").getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String keyOf(String json, String field) {
        try {
            JsonElement value = JsonParser.parseString(json).getAsJsonObject().get(field);
            return value == null ? null : value.getAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        upstream.dispatcher().executorService().shutdown();
        upstream.connectionPool().evictAll();
    }
}
