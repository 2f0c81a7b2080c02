package app.licensedesk.sandbox;

import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One incoming request, read fully, with the helpers routes need. */
final class Request {

    private final String method;
    private final String path;
    private final String param;
    private final Map<String, String> query;
    private final byte[] body;
    private final String authorization;

    private Request(String method, String path, String param, Map<String, String> query, byte[] body,
                    String authorization) {
        this.method = method;
        this.path = path;
        this.param = param;
        this.query = query;
        this.body = body;
        this.authorization = authorization;
    }

    /** The request for the router; a malformed percent-encoding in the query is a 400. */
    static Request of(WireServer.WireRequest wire) {
        String target = wire.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        return new Request(wire.method().toUpperCase(Locale.ROOT), path, null, parseQuery(query), wire.body(),
                wire.header("authorization"));
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("Malformed percent-encoding in the query");
            }
        }
        return out;
    }

    /** Decodes one path segment; '+' stays a plus, because only query strings use it for spaces. */
    static String decodeSegment(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Malformed percent-encoding in the path");
        }
    }

    Request withParam(String decodedParam) {
        return new Request(method, path, decodedParam, query, body, authorization);
    }

    String method() {
        return method;
    }

    /** The raw (still percent-encoded) path. */
    String path() {
        return path;
    }

    /** The decoded path parameter of routes like /v1/license/controller/{nodeId}. */
    String param() {
        return param;
    }

    String query(String name) {
        return query.get(name);
    }

    /** The body as a JSON object; an empty or malformed body is a 400. */
    JsonObject jsonObject() {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiError.badRequest("A JSON body is required");
        }
        return Json.parseObject(text);
    }

    /** Like {@link #jsonObject()}, but an empty body counts as {} (for bodies whose fields are all optional). */
    JsonObject jsonObjectOrEmpty() {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.isBlank() ? new JsonObject() : Json.parseObject(text);
    }

    /** The bearer token of this request; see {@link #bearerToken(String)}. */
    String bearer() {
        return bearerToken(authorization);
    }

    /**
     * The one place where the sandbox reads bearer tokens: the token of an {@code Authorization: Bearer ...}
     * header, or null when the header is missing, uses another scheme or carries nothing. Decision (see
     * eniris-api.md, Tokens): the token may come wrapped in one pair of double quotes, exactly as the token
     * endpoints hand it out, because the official driver sends it back that way and the real service accepts
     * it. Anything else with a quote in it (a lone quote, quotes inside, two pairs) is returned as it is, so
     * that it fails the signature check like any other malformed token.
     */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            token = token.substring(1, token.length() - 1);
        }
        return token.isEmpty() ? null : token;
    }
}
