package app.licensedesk.api.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A small scripted stand-in for both Eniris hosts on one MockWebServer, for the client's own tests (the contract
 * tests use the real sandbox instead). It issues JWT-shaped tokens, counts calls per "METHOD /path", and serves
 * /v1 routes that tests register, after checking the bearer access token.
 */
public final class FakeEniris extends Dispatcher {

    public static final String USER = "user@example.test";
    public static final String PASSWORD = "S3cret-Passw0rd-never-logged";
    public static final String TOTP = "123456";
    public static final String EMAIL_OTP = "654321";
    public static final String RECOVERY_CODE = "RECOV-ERY0-CODE-0001";

    /** How the fake signals that the account needs a second factor (the contract's rules (a) and (b)). */
    public enum TwoFactor { NONE, LOGIN_401, ACCESS_TOKEN_401 }

    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> partialTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();

    private volatile TwoFactor twoFactor = TwoFactor.NONE;
    private volatile Duration accessLifetime = Duration.ofMinutes(5);
    private volatile long accessTokenDelayMillis;

    public FakeEniris(Clock clock) {
        this.clock = clock;
    }

    public FakeEniris twoFactor(TwoFactor mode) {
        this.twoFactor = mode;
        return this;
    }

    /** The {@code exp} the fake writes into new access tokens, from the clock's now. */
    public FakeEniris accessLifetime(Duration lifetime) {
        this.accessLifetime = lifetime;
        return this;
    }

    /** Makes {@code /auth/accesstoken} answer slowly, so concurrent renewals would overlap if allowed. */
    public FakeEniris accessTokenDelayMillis(long millis) {
        this.accessTokenDelayMillis = millis;
        return this;
    }

    /** Serves {@code METHOD path} (encoded path; a trailing "*" matches a prefix) under /v1. */
    public FakeEniris route(String methodAndPath, Function<RecordedRequest, MockResponse> handler) {
        routes.put(methodAndPath, handler);
        return this;
    }

    public int calls(String methodAndPath) {
        AtomicInteger count = calls.get(methodAndPath);
        return count == null ? 0 : count.get();
    }

    /** Every token the fake has handed out, for tests that check nothing leaks. */
    public Set<String> issuedTokens() {
        return Set.copyOf(issued);
    }

    /** The server forgets all refresh tokens (revoked, expired). */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** The server stops accepting the access tokens issued so far, as when they expire. */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    public static MockResponse error(int code, String error, String message) {
        return json(code, "{\"statusCode\":" + code + ",\"error\":\"" + error + "\",\"message\":\"" + message
                + "\"}");
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String key = request.getMethod() + " " + request.getUrl().encodedPath();
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        String bearer = bearer(request);
        return switch (key) {
            case "POST /auth/login" -> login(request);
            case "GET /auth/accesstoken" -> accessToken(bearer);
            case "GET /auth/refreshtoken" -> refreshTokens.remove(bearer) // rotates: the old one dies
                    ? text(issue(refreshTokens, "refresh")) : unauthorized();
            case "GET /auth/refreshtoken/validate" -> refreshTokens.contains(bearer)
                    ? json(200, "{\"userId\":42}") : unauthorized();
            case "POST /auth/logout" -> refreshTokens.remove(bearer)
                    ? new MockResponse.Builder().code(204).build() : unauthorized();
            case "POST /user/2fa/email-otp/challenge" -> partialTokens.contains(bearer)
                    ? new MockResponse.Builder().code(204).build() : unauthorized();
            case "POST /user/2fa/totp/authenticate" -> secondFactor(bearer, request, "totp", TOTP);
            case "POST /user/2fa/email-otp/authenticate" -> secondFactor(bearer, request, "otp", EMAIL_OTP);
            case "POST /user/2fa/recovery-code/authenticate" -> secondFactor(bearer, request, "recoveryCode",
                RECOVERY_CODE);
            default -> api(key, bearer, request);
        };
    }

    private MockResponse login(RecordedRequest request) {
        JsonObject body = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
        if (!USER.equals(body.get("username").getAsString()) || !PASSWORD.equals(body.get("password").getAsString())) {
            return error(401, "Unauthorized", "PASSWORD_INCORRECT");
        }
        return switch (twoFactor) {
            case NONE -> text(issue(refreshTokens, "refresh"));
            case ACCESS_TOKEN_401 -> text(issue(partialTokens, "partial"));
            case LOGIN_401 -> json(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"2FA_REQUIRED\","
                    + "\"partialToken\":\"" + issue(partialTokens, "partial") + "\"}");
        };
    }

    private MockResponse accessToken(String bearer) {
        if (partialTokens.contains(bearer)) {
            return error(401, "Unauthorized", "2FA required");
        }
        if (!refreshTokens.contains(bearer)) {
            return error(401, "Unauthorized", "INVALID_TOKEN");
        }
        MockResponse.Builder answer = new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/plain").body("\"" + issue(accessTokens, "access") + "\"");
        if (accessTokenDelayMillis > 0) {
            answer.headersDelay(accessTokenDelayMillis, TimeUnit.MILLISECONDS);
        }
        return answer.build();
    }

    private MockResponse secondFactor(String bearer, RecordedRequest request, String field, String expected) {
        if (!partialTokens.contains(bearer)) {
            return error(401, "Unauthorized", "NO_TOKEN_PROVIDED");
        }
        JsonObject body = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
        if (body.size() != 1 || !expected.equals(body.get(field).getAsString())) {
            return error(401, "Unauthorized", "CODE_INCORRECT");
        }
        partialTokens.remove(bearer);
        return json(200, "{\"accessToken\":\"" + issue(accessTokens, "access") + "\",\"refreshToken\":\""
                + issue(refreshTokens, "refresh") + "\",\"sudoToken\":\"" + issue(ConcurrentHashMap.newKeySet(),
                "sudo") + "\"}");
    }

    private MockResponse api(String key, String bearer, RecordedRequest request) {
        if (!key.startsWith(request.getMethod() + " /v1/")) {
            return error(404, "Not Found", "Resource not found");
        }
        if (!accessTokens.contains(bearer)) {
            return error(401, "Unauthorized", "Failed to verify token");
        }
        Function<RecordedRequest, MockResponse> handler = routes.get(key);
        if (handler == null) {
            handler = routes.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("*") && key.startsWith(e.getKey().substring(0,
                            e.getKey().length() - 1)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return handler == null ? error(404, "Not Found", "Resource not found") : handler.apply(request);
    }

    private String issue(Set<String> into, String kind) {
        String token = kind.equals("access")
                ? Jwts.withExp(clock.instant().plus(accessLifetime), kind + "-" + sequence.incrementAndGet())
                : Jwts.withExp(clock.instant().plus(Duration.ofDays(14)), kind + "-" + sequence.incrementAndGet());
        into.add(token);
        issued.add(token);
        return token;
    }

    private static MockResponse text(String token) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain")
                .body("\"" + token + "\"").build();
    }

    private static MockResponse unauthorized() {
        return error(401, "Unauthorized", "NO_TOKEN_PROVIDED");
    }

    private static String bearer(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }
}
