package app.licensedesk.sandbox;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers; the router writes it to the exchange. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    static Response json(int status, JsonElement body) {
        return new Response(status, JSON, Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A token as the auth host sends it: text/plain, wrapped in double quotes. */
    static Response quoted(String token) {
        return new Response(200, "text/plain; charset=utf-8",
                ("\"" + token + "\"").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response raw(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Not an answer: the connection closes without any response (a fault). */
    static Response drop() {
        return new Response(0, null, new byte[0], Map.of());
    }

    boolean drops() {
        return status == 0;
    }

    static Response noContent() {
        return new Response(204, null, new byte[0], Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, copy);
    }
}
