package app.licensedesk.api.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Unsigned JWT-shaped tokens for tests. */
public final class Jwts {

    private Jwts() {
    }

    /** A token whose payload has {@code exp} and a marker that makes it unique and easy to search for. */
    public static String withExp(Instant exp, String marker) {
        return part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + part("{\"sub\":\"" + marker + "\",\"exp\":" + exp.getEpochSecond() + "}") + "."
                + part("sig-" + marker);
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
