package app.licensedesk.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads the {@code exp} claim of a JWT without verifying it (the server does that); lenient by design. */
final class Jwt {

    private Jwt() {
    }

    /** The expiry of a JWT-shaped token, or empty when the token is not a JWT or has no numeric {@code exp}. */
    static Optional<Instant> expiry(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(stripPadding(parts[1])),
                    StandardCharsets.UTF_8);
            JsonElement root = JsonParser.parseString(payload);
            if (!root.isJsonObject()) {
                return Optional.empty();
            }
            JsonElement exp = root.getAsJsonObject().get("exp");
            if (exp == null || !exp.isJsonPrimitive() || !exp.getAsJsonPrimitive().isNumber()) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(Math.round(exp.getAsDouble() * 1000)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String stripPadding(String part) {
        int end = part.length();
        while (end > 0 && part.charAt(end - 1) == '=') {
            end--;
        }
        return part.substring(0, end);
    }
}
