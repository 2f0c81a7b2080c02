package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A small raw HTTP client for the sandbox tests (deliberately not the app's api classes). */
final class SandboxHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One answer: status, body text and headers. */
    record Reply(int status, String body, HttpHeaders headers) {

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Checks the contract's error shape and returns the message. */
        String errorMessage(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).startsWith("application/json");
            JsonObject o = json();
            assertThat(o.get("statusCode").getAsInt()).isEqualTo(expectedStatus);
            assertThat(o.get("error").getAsString()).isNotBlank();
            return o.get("message").getAsString();
        }
    }

    private final String base;

    SandboxHttp(SandboxServer server) {
        this.base = server.baseUrl();
    }

    Reply get(String path, String bearer) {
        return send("GET", path, bearer, null);
    }

    Reply post(String path, String bearer, String body) {
        return send("POST", path, bearer, body);
    }

    Reply send(String method, String path, String bearer, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String loginBody(String username, String password) {
        JsonObject o = new JsonObject();
        o.addProperty("username", username);
        o.addProperty("password", password);
        return o.toString();
    }

    /** The token from a 200 text answer, with the contract's quotes checked and stripped. */
    static String unquote(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(200);
        String body = reply.body().trim();
        assertThat(body).startsWith("\"").endsWith("\"");
        return body.substring(1, body.length() - 1);
    }

    String login(String username, String password) {
        return unquote(post("/auth/login", null, loginBody(username, password)));
    }

    String accessToken(String refreshToken) {
        return unquote(get("/auth/accesstoken", refreshToken));
    }

    String signIn(String username, String password) {
        return accessToken(login(username, password));
    }

    String admin() {
        return signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD);
    }

    String sales() {
        return signIn(SandboxAccounts.SALES_USERNAME, SandboxAccounts.SALES_PASSWORD);
    }

    static JsonObject jwtPayload(String token) {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    List<JsonObject> companies(String access) {
        return objects(get("/v1/company", access).json().getAsJsonArray("company"));
    }

    List<JsonObject> devices(String access, String queryBody) {
        Reply r = post("/v1/device/query", access, queryBody);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return objects(r.json().getAsJsonArray("device"));
    }

    List<JsonObject> customerLicenses(String access, String uuid, boolean datalinks) {
        Reply r = get("/v1/license/customer/" + uuid + "?includeDatalinks=" + datalinks, access);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return objects(r.json().getAsJsonArray("licenses"));
    }

    List<JsonObject> controllerLicenses(String access, String nodeId) {
        Reply r = get("/v1/license/controller/" + nodeId, access);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return objects(r.json().getAsJsonArray("licenses"));
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : array) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
