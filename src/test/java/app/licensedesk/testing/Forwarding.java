package app.licensedesk.testing;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** How the test proxies in front of a sandbox pass a request on and its answer back, unchanged. */
public final class Forwarding {

    private Forwarding() {
    }

    /** The body a proxy received: its bytes, or none. */
    public static byte[] bodyOf(RecordedRequest recorded) {
        return recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray();
    }

    /** The request as it came (raw target, headers but the hop-by-hop ones, body), sent to {@code target}. */
    public static Request upstream(String target, RecordedRequest recorded) {
        Request.Builder builder = new Request.Builder().url(target + recorded.getTarget());
        recorded.getHeaders().forEach(h -> {
            String name = h.getFirst();
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")
                    && !name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Accept-Encoding")) {
                builder.addHeader(name, h.getSecond());
            }
        });
        String contentType = recorded.getHeaders().get("Content-Type");
        RequestBody body = recorded.getMethod().equals("GET") ? null
                : RequestBody.create(bodyOf(recorded), contentType == null ? null : MediaType.parse(contentType));
        return builder.method(recorded.getMethod(), body).build();
    }

    /** The sandbox's status and the headers the client reads (the body is the caller's to add). */
    public static MockResponse.Builder answer(Response response) {
        MockResponse.Builder out = new MockResponse.Builder().code(response.code());
        for (String name : new String[] {"Content-Type", "Retry-After", "X-Hash"}) {
            String value = response.header(name);
            if (value != null) {
                out.setHeader(name, value);
            }
        }
        return out;
    }

    /** No answer: the connection closes, as when the sandbox dropped the request. */
    public static MockResponse dropped() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }
}
