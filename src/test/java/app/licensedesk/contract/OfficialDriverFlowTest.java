package app.licensedesk.contract;

import app.licensedesk.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as the official Eniris Python driver (eniris-api-python-driver, {@code eniris/driver.py}) uses the
 * real service, over raw HTTP and without any of the app's classes. {@link DriverLikeClient} copies what that
 * driver does: it keeps each token exactly as the response text (quotes included) and sends it back unchanged
 * as {@code Bearer <text>}, reuses an access token for 2 minutes, renews the refresh token through
 * {@code GET /auth/refreshtoken} after 7 days (once, without retries) and logs in again after 13, retries 429,
 * 500 and 503 and connection failures with backoff {@code min(1 s * 2^n, 60 s)} up to 4 times, and takes 204
 * and 401 on logout as signed out. The driver's own clock is a test clock that the in-process sandbox shares,
 * so minutes and days pass without waiting; the backoff sleeps one millisecond per driver second.
 *
 * <p>By hand against a standalone sandbox: {@code -Ddriver.flow.baseUrl=http://127.0.0.1:18099} runs the flow
 * against it (the driver's clock still jumps; the sandbox keeps its own).
 */
class OfficialDriverFlowTest {

    private static final String JSON = "application/json";
    private static final String CONTROLLER_TYPE = "smartgridControllerSite";

    private final TestClock clock =
            TestClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_000));
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String startSandbox() throws IOException {
        String external = System.getProperty("driver.flow.baseUrl");
        if (external != null && !external.isBlank()) {
            return external.strip();
        }
        sandbox = SandboxServer.start(SandboxOptions.defaults().withClock(clock));
        return sandbox.baseUrl();
    }

    @Test
    void theDriversWholeFlowWorks() throws Exception {
        String base = startSandbox();
        DriverLikeClient driver = new DriverLikeClient(base, SandboxAccounts.ADMIN_USERNAME,
                SandboxAccounts.ADMIN_PASSWORD, clock);

        // Companies: the first call logs in and fetches an access token, each kept as the response text.
        JsonArray companies = json(driver.get("/v1/company", null)).getAsJsonArray("company");
        assertThat(driver.calls()).containsExactly("POST /auth/login", "GET /auth/accesstoken", "GET /v1/company");
        String refreshText = driver.refreshText;
        assertThat(refreshText).startsWith("\"").endsWith("\"").doesNotContain("\n");
        assertThat(driver.sent.get(1).authorization()).isEqualTo("Bearer " + refreshText);
        assertThat(driver.sent.get(2).authorization()).isEqualTo("Bearer " + driver.accessText);
        assertThat(driver.accessText).startsWith("\"").endsWith("\"");
        assertThat(companies).isNotEmpty();

        // A customer's licenses, with includeDatalinks as Python's requests writes a True parameter.
        JsonObject company = null;
        JsonObject fresh = null;
        for (JsonElement e : companies) {
            JsonObject c = e.getAsJsonObject();
            if (c.has("uuid")) {
                fresh = freshLicense(driver, c.get("uuid").getAsString());
                if (fresh != null) {
                    company = c;
                    break;
                }
            }
        }
        assertThat(company).as("a company with an unclaimed, not activated license").isNotNull();
        String key = fresh.get("key").getAsString();

        // Device query a minute later: the access token is reused.
        clock.advance(Duration.ofMinutes(1));
        int before = driver.sent.size();
        JsonArray devices = json(driver.post("/v1/device/query", "{\"filter\": {\"companyId\": ["
                + company.get("id").getAsInt() + "], \"nodeType\": [\"" + CONTROLLER_TYPE + "\"]}}"))
                .getAsJsonArray("device");
        assertThat(driver.calls().subList(before, driver.sent.size())).containsExactly("POST /v1/device/query");
        assertThat(devices).isNotEmpty();
        JsonObject properties = devices.get(0).getAsJsonObject().getAsJsonObject("properties");
        assertThat(properties.get("nodeType").getAsString()).isEqualTo(CONTROLLER_TYPE);
        String nodeId = properties.get("nodeId").getAsString();

        // Claim past the 2 minutes: the driver fetches a new access token first.
        clock.advance(Duration.ofSeconds(90));
        String oldAccess = driver.accessText;
        before = driver.sent.size();
        JsonObject claimed = json(driver.post("/v1/license/claim",
                "{\"licenseKey\": \"" + key + "\", \"nodeId\": \"" + nodeId + "\"}"));
        assertThat(driver.calls().subList(before, driver.sent.size()))
                .containsExactly("GET /auth/accesstoken", "POST /v1/license/claim");
        assertThat(driver.accessText).isNotEqualTo(oldAccess);
        assertThat(claimed.get("success").getAsBoolean()).isTrue();
        assertThat(claimed.getAsJsonObject("license").get("key").getAsString()).isEqualTo(key);
        assertThat(claimed.getAsJsonObject("license").get("nodeId").getAsString()).isEqualTo(nodeId);

        // Licenses by controller now list it, not yet activated.
        JsonObject listed = licenseIn(json(driver.get("/v1/license/controller/" + nodeId, null)), key);
        assertThat(listed.get("activationDate").isJsonNull()).isTrue();

        // A week later: the driver renews the refresh token (GET /auth/refreshtoken) and then the access token.
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        before = driver.sent.size();
        String isoNow = DriverLikeClient.pythonIsoformat(clock.instant());
        JsonObject activated = json(driver.post("/v1/license/activate",
                "{\"key\": \"" + key + "\", \"activationIso\": \"" + isoNow + "\"}"));
        assertThat(driver.calls().subList(before, driver.sent.size())).containsExactly("GET /auth/refreshtoken",
                "GET /auth/accesstoken", "POST /v1/license/activate");
        assertThat(driver.refreshText).isNotEqualTo(refreshText).startsWith("\"");
        assertThat(driver.sent.get(before + 1).authorization()).isEqualTo("Bearer " + driver.refreshText);
        assertThat(activated.get("success").getAsBoolean()).isTrue();
        Instant activatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(Instant.parse(activated.getAsJsonObject("license").get("activationDate").getAsString()))
                .isEqualTo(activatedAt);
        listed = licenseIn(json(driver.get("/v1/license/controller/" + nodeId, null)), key);
        assertThat(Instant.parse(listed.get("activationDate").getAsString())).isEqualTo(activatedAt);
        if (sandbox != null) {
            // In-process the sandbox's time moved too: the access token of a week ago is refused.
            assertThat(driver.send("GET", base + "/v1/company", "Bearer " + oldAccess, null).statusCode())
                    .isEqualTo(401);
        }

        // Logout: 204 signs out; a second logout with a token of the same sign-in gets 401, also "signed out".
        assertThat(driver.close()).isEqualTo(204);
        assertThat(driver.refreshText).isNull();
        HttpResponse<String> again = driver.send("POST", base + "/auth/logout", "Bearer " + refreshText, null);
        assertThat(again.statusCode()).isEqualTo(401);
        assertErrorBody(again, 401);
    }

    @Test
    void retriesA429WithTheDriversBackoffUntilTheLockLifts() throws Exception {
        String base = startSandbox();
        if (sandbox == null) {
            return; // needs the sandbox's clock
        }
        lockLogin(base, Duration.ofSeconds(10));
        DriverLikeClient driver = new DriverLikeClient(base, SandboxAccounts.ADMIN_USERNAME,
                SandboxAccounts.ADMIN_PASSWORD, clock);
        HttpResponse<String> companies = driver.get("/v1/company", null);
        assertThat(companies.statusCode()).isEqualTo(200);
        // 429 at 0, 1, 3 and 7 s; the lock lifts at 10 s; the fifth attempt at 15 s gets through.
        assertThat(driver.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(driver.calls()).containsExactly("POST /auth/login", "POST /auth/login", "POST /auth/login",
                "POST /auth/login", "POST /auth/login", "GET /auth/accesstoken", "GET /v1/company");
        assertThat(driver.statuses.subList(0, 4)).containsOnly(429);
    }

    @Test
    void givesUpAfterFourRetriesLikeTheDriver() throws Exception {
        String base = startSandbox();
        if (sandbox == null) {
            return;
        }
        lockLogin(base, Duration.ofSeconds(20));
        DriverLikeClient driver = new DriverLikeClient(base, SandboxAccounts.ADMIN_USERNAME,
                SandboxAccounts.ADMIN_PASSWORD, clock);
        assertThatThrownBy(() -> driver.get("/v1/company", null)).isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining("Unable to login").hasMessageContaining("TOO_MANY_FAILED_PASSWORD_CHECKS");
        assertThat(driver.statuses).containsExactly(429, 429, 429, 429, 429);
        assertThat(driver.sleeps).hasSize(4);
    }

    /** Five wrong passwords, then the clock moved so that the lock lifts {@code left} later. */
    private void lockLogin(String base, Duration left) throws Exception {
        DriverLikeClient wrong = new DriverLikeClient(base, SandboxAccounts.ADMIN_USERNAME, "wrong", clock);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> wrong.get("/v1/company", null)).isInstanceOf(AuthenticationFailure.class)
                    .hasMessageContaining("PASSWORD_INCORRECT");
        }
        clock.advance(Duration.ofMinutes(15).minus(left));
        HttpResponse<String> locked = wrong.send("POST", base + "/auth/login", null,
                DriverLikeClient.loginJson(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(assertErrorBody(locked, 429).get("retryAfter").getAsLong()).isEqualTo(left.toSeconds());
    }

    /** The first unclaimed, not activated license of the customer, or null. */
    private static JsonObject freshLicense(DriverLikeClient driver, String uuid) throws Exception {
        HttpResponse<String> r = driver.get("/v1/license/customer/" + uuid, "includeDatalinks=True");
        for (JsonElement e : json(r).getAsJsonArray("licenses")) {
            JsonObject l = e.getAsJsonObject();
            assertThat(l.get("datalinks").isJsonArray()).as("datalinks of %s", l).isTrue();
            if (l.getAsJsonArray("datalinks").isEmpty() && l.get("activationDate").isJsonNull()) {
                return l;
            }
        }
        return null;
    }

    private static JsonObject licenseIn(JsonObject body, String key) {
        for (JsonElement e : body.getAsJsonArray("licenses")) {
            if (e.getAsJsonObject().get("key").getAsString().equals(key)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(key + " is not in " + body);
    }

    /** A 200 JSON answer, as the driver's callers read it with {@code response.json()}. */
    private static JsonObject json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("status of %s %s", r.request().uri(), r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static JsonObject assertErrorBody(HttpResponse<String> r, int status) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertThat(o.get("statusCode").getAsInt()).isEqualTo(status);
        assertThat(o.get("message").getAsString()).isNotBlank();
        return o;
    }

    /** Raised like the driver's own AuthenticationFailure. */
    static final class AuthenticationFailure extends RuntimeException {
        AuthenticationFailure(String message) {
            super(message);
        }
    }

    /** One request as sent: method, path and the Authorization header exactly. */
    record Sent(String method, String path, String authorization) {
    }

    /** The driver's logic in Java, over java.net.http with the headers Python's requests sends. */
    static final class DriverLikeClient {

        static final Set<Integer> RETRY_STATUS_CODES = Set.of(429, 500, 503);
        static final int MAXIMUM_RETRIES = 4;
        static final Duration INITIAL_RETRY_DELAY = Duration.ofSeconds(1);
        static final Duration MAXIMUM_RETRY_DELAY = Duration.ofSeconds(60);
        /** The driver waits 60 s; the sandbox answers in milliseconds, 10 s is plenty here. */
        static final Duration TIMEOUT = Duration.ofSeconds(10);

        private static final DateTimeFormatter PYTHON_ISO =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
        private final String base;
        private final String username;
        private final String password;
        private final TestClock clock;
        final List<Sent> sent = new ArrayList<>();
        final List<Integer> statuses = new ArrayList<>();
        final List<Duration> sleeps = new ArrayList<>();
        String refreshText;
        private Instant refreshAt;
        String accessText;
        private Instant accessAt;

        DriverLikeClient(String base, String username, String password, TestClock clock) {
            this.base = base;
            this.username = username;
            this.password = password;
            this.clock = clock;
        }

        static String loginJson(String username, String password) {
            // json.dumps writes ", " and ": ".
            return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
        }

        /** What {@code datetime.now(timezone.utc).isoformat()} writes. */
        static String pythonIsoformat(Instant t) {
            return PYTHON_ISO.format(t);
        }

        List<String> calls() {
            return sent.stream().map(s -> s.method() + " " + s.path()).toList();
        }

        String refreshtoken() throws Exception {
            Instant now = clock.instant();
            if (refreshText == null || age(refreshAt, now).compareTo(Duration.ofDays(13)) > 0) {
                HttpResponse<String> r = retryRequest("POST", base + "/auth/login", null, loginJson(username,
                        password));
                if (r.statusCode() != 200) {
                    throw new AuthenticationFailure("Unable to login: " + r.body());
                }
                refreshAt = now;
                refreshText = r.body();
            } else if (age(refreshAt, now).compareTo(Duration.ofDays(7)) > 0) {
                // No retries here, as in the driver: the old refresh token is still valid for a while.
                HttpResponse<String> r = send("GET", base + "/auth/refreshtoken", "Bearer " + refreshText, null);
                if (r.statusCode() == 200) {
                    refreshAt = now;
                    refreshText = r.body();
                }
            }
            return "Bearer " + refreshText;
        }

        String accesstoken() throws Exception {
            Instant now = clock.instant();
            if (accessText == null || age(accessAt, now).compareTo(Duration.ofMinutes(2)) > 0) {
                HttpResponse<String> r = retryRequest("GET", base + "/auth/accesstoken", this::refreshHeader, null);
                if (r.statusCode() != 200) {
                    throw new AuthenticationFailure("Unable to collect an access token: " + r.body());
                }
                accessAt = now;
                accessText = r.body();
            }
            return "Bearer " + accessText;
        }

        /** The driver's close(): the logout status, or -1 when there was nothing to log out. */
        int close() throws Exception {
            if (refreshText == null || age(refreshAt, clock.instant()).compareTo(Duration.ofDays(14)) > 0) {
                return -1;
            }
            HttpResponse<String> r = retryRequest("POST", base + "/auth/logout", this::refreshHeader, null);
            if (r.statusCode() != 204 && r.statusCode() != 401) {
                throw new AuthenticationFailure("Unable to logout: " + r.body());
            }
            refreshText = null;
            accessText = null;
            return r.statusCode();
        }

        HttpResponse<String> get(String path, String query) throws Exception {
            return retryRequest("GET", base + path + (query == null ? "" : "?" + query), this::accessHeader, null);
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return retryRequest("POST", base + path, this::accessHeader, json);
        }

        private String refreshHeader() {
            try {
                return refreshtoken();
            } catch (Exception e) {
                throw rethrow(e);
            }
        }

        private String accessHeader() {
            try {
                return accesstoken();
            } catch (Exception e) {
                throw rethrow(e);
            }
        }

        private static RuntimeException rethrow(Exception e) {
            return e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }

        /** The driver's retryRequest: the header is asked for again on every attempt. */
        private HttpResponse<String> retryRequest(String method, String url, Supplier<String> authorization,
                                                  String json) throws Exception {
            for (int retryNr = 0; ; retryNr++) {
                HttpResponse<String> r;
                try {
                    r = send(method, url, authorization == null ? null : authorization.get(), json);
                } catch (IOException e) {
                    // requests.Timeout and requests.ConnectionError; HttpTimeoutException is an IOException.
                    if (retryNr + 1 > MAXIMUM_RETRIES) {
                        throw e;
                    }
                    backoff(retryNr);
                    continue;
                }
                if (RETRY_STATUS_CODES.contains(r.statusCode()) && retryNr + 1 <= MAXIMUM_RETRIES) {
                    backoff(retryNr);
                    continue;
                }
                return r;
            }
        }

        private void backoff(int retryNr) throws InterruptedException {
            Duration delay = INITIAL_RETRY_DELAY.multipliedBy(1L << retryNr);
            if (delay.compareTo(MAXIMUM_RETRY_DELAY) > 0) {
                delay = MAXIMUM_RETRY_DELAY;
            }
            sleeps.add(delay);
            // Scaled down: one real millisecond per driver second, while the shared clock takes the whole delay.
            Thread.sleep(delay.toSeconds());
            clock.advance(delay);
        }

        HttpResponse<String> send(String method, String url, String authorization, String json)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("User-Agent", "python-requests/2.32.3")
                    .header("Accept-Encoding", "gzip, deflate")
                    .header("Accept", "*/*");
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, json == null ? HttpRequest.BodyPublishers.ofString("")
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            URI uri = URI.create(url);
            sent.add(new Sent(method, uri.getRawPath(), authorization));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            statuses.add(r.statusCode());
            return r;
        }

        private static Duration age(Instant since, Instant now) {
            return Duration.between(since, now);
        }
    }
}
