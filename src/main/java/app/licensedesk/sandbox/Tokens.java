package app.licensedesk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks JWT-shaped tokens (HS256 with a random per-server key). Every token carries a session id
 * ("sid"); logout revokes the session, so the refresh tokens renewed from it and the access tokens minted
 * from it stop working together.
 */
final class Tokens {

    /** The "typ" claim of each kind of token. */
    enum Type {
        ACCESS("access"), REFRESH("refresh"), PARTIAL("partial"), SUDO("sudo");

        final String claim;

        Type(String claim) {
            this.claim = claim;
        }

        static Type of(String claim) {
            for (Type t : values()) {
                if (t.claim.equals(claim)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The checked payload of a token. */
    record Claims(int userId, String subject, Type type, String sessionId, Instant expiresAt) {
    }

    static final Duration PARTIAL_TTL = Duration.ofMinutes(5);
    static final Duration SUDO_TTL = Duration.ofMinutes(5);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key = new byte[32];
    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Set<String> revokedSessions = ConcurrentHashMap.newKeySet();
    /**
     * Tokens whose signature and payload were checked, with their claims: a client sends the same access token with
     * every request, and checking an HMAC and parsing JSON each time was a sixth of a request's cost. Expiry and
     * revocation are still checked on every use. Forgotten wholesale when it grows large (a long-running server).
     */
    private final Map<String, Claims> verified = new ConcurrentHashMap<>();
    private static final int VERIFIED_MAX = 10_000;

    Tokens(SandboxOptions options) {
        new SecureRandom().nextBytes(key);
        this.clock = options.clock();
        this.accessTtl = options.accessTokenTtl();
        this.refreshTtl = options.refreshTokenTtl();
    }

    static String newSession() {
        return UUID.randomUUID().toString();
    }

    String issue(Account account, Type type, String sessionId) {
        Duration ttl = switch (type) {
            case ACCESS -> accessTtl;
            case REFRESH -> refreshTtl;
            case PARTIAL -> PARTIAL_TTL;
            case SUDO -> SUDO_TTL;
        };
        long now = clock.instant().getEpochSecond();
        JsonObject payload = new JsonObject();
        payload.addProperty("sub", account.username());
        payload.addProperty("userId", account.userId());
        payload.addProperty("typ", type.claim);
        payload.addProperty("sid", sessionId);
        // A unique id, so two tokens issued in the same second still differ.
        payload.addProperty("jti", UUID.randomUUID().toString());
        payload.addProperty("iat", now);
        payload.addProperty("exp", now + ttl.toSeconds());
        String unsigned = HEADER + "." + B64.encodeToString(
                Json.GSON.toJson(payload).getBytes(StandardCharsets.UTF_8));
        return unsigned + "." + B64.encodeToString(sign(unsigned));
    }

    /** The claims of a well-signed, unexpired token of an unrevoked session, whatever its type; else null. */
    Claims check(String token) {
        if (token == null) {
            return null;
        }
        Claims known = verified.get(token);
        if (known == null) {
            known = verify(token);
            if (known == null) {
                return null;
            }
            if (verified.size() >= VERIFIED_MAX) {
                verified.clear();
            }
            verified.put(token, known);
        }
        return clock.instant().isBefore(known.expiresAt()) && !revokedSessions.contains(known.sessionId())
                ? known : null;
    }

    /** The claims of a well-signed token with a known type and a session, expired or not; else null. */
    private Claims verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            JsonObject payload = Json.parseObject(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Type type = Type.of(text(payload.get("typ")));
            String sessionId = text(payload.get("sid"));
            Instant expires = Instant.ofEpochSecond(payload.get("exp").getAsLong());
            if (type == null || sessionId == null) {
                return null;
            }
            return new Claims(payload.get("userId").getAsInt(), text(payload.get("sub")), type, sessionId, expires);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                | NullPointerException | ApiError e) {
            // Not our token: garbage base64, missing claims or a payload that is not JSON.
            return null;
        }
    }

    /** Like {@link #check} but only for one type. */
    Claims check(String token, Type type) {
        Claims claims = check(token);
        return claims != null && claims.type() == type ? claims : null;
    }

    void revoke(String sessionId) {
        revokedSessions.add(sessionId);
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private byte[] sign(String unsigned) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
