package app.licensedesk.sandbox;

import app.licensedesk.testing.TestClock;
import static app.licensedesk.sandbox.SandboxAccounts.ADMIN_PASSWORD;
import static app.licensedesk.sandbox.SandboxAccounts.ADMIN_USERNAME;
import static app.licensedesk.sandbox.SandboxAccounts.SALES_PASSWORD;
import static app.licensedesk.sandbox.SandboxAccounts.SALES_USERNAME;
import static app.licensedesk.sandbox.SandboxHttp.jwtPayload;
import static app.licensedesk.sandbox.SandboxHttp.loginBody;
import static app.licensedesk.sandbox.SandboxHttp.unquote;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthRoutesTest {

    private final TestClock clock = TestClock.at(TestClock.START);
    private SandboxServer server;
    private SandboxHttp http;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withCustomers(4).withClock(clock));
        http = new SandboxHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginAnswersAQuotedTextPlainRefreshToken() {
        SandboxHttp.Reply reply = http.post("/auth/login", null, loginBody(ADMIN_USERNAME, ADMIN_PASSWORD));
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        String token = unquote(reply);
        JsonObject payload = jwtPayload(token);
        assertThat(payload.get("typ").getAsString()).isEqualTo("refresh");
        assertThat(payload.get("sub").getAsString()).isEqualTo(ADMIN_USERNAME);
        assertThat(payload.get("userId").getAsInt()).isEqualTo(SandboxAccounts.ADMIN_USER_ID);
        assertThat(payload.get("iat").getAsLong()).isEqualTo(TestClock.START.getEpochSecond());
        assertThat(payload.get("exp").getAsLong() - payload.get("iat").getAsLong())
                .isEqualTo(Duration.ofDays(14).toSeconds());
    }

    @Test
    void usernamesMatchCaseInsensitively() {
        assertThat(http.login("Admin@Sandbox.TEST", ADMIN_PASSWORD)).isNotBlank();
    }

    @Test
    void wrongPasswordOrUnknownUserIs401PasswordIncorrect() {
        assertThat(http.post("/auth/login", null, loginBody(ADMIN_USERNAME, "wrong")).errorMessage(401))
                .isEqualTo("PASSWORD_INCORRECT");
        assertThat(http.post("/auth/login", null, loginBody("nobody@sandbox.test", "x")).errorMessage(401))
                .isEqualTo("PASSWORD_INCORRECT");
        assertThat(http.post("/auth/login", null, loginBody(ADMIN_USERNAME, SALES_PASSWORD)).errorMessage(401))
                .isEqualTo("PASSWORD_INCORRECT");
    }

    @Test
    void bodyProblemsAre400() {
        String longName = "a".repeat(257);
        for (String body : new String[] {
            "{\"username\":\"admin@sandbox.test\"}",
            "{\"username\":5,\"password\":\"admin-pass\"}",
            "{\"username\":\"" + longName + "\",\"password\":\"admin-pass\"}",
            "{\"username\":\"admin@sandbox.test\",\"password\":\"" + longName + "\"}",
            "{\"username\":\"\",\"password\":\"x\"}",
            "{username:\"admin@sandbox.test\",password:\"admin-pass\"}",
            "{\"username\":\"admin@sandbox.test\",\"password\":\"admin-pass\"",
            "[]",
            ""}) {
            assertThat(http.post("/auth/login", null, body).status()).as(body).isEqualTo(400);
        }
        http.post("/auth/login", null, "{\"password\":\"x\"}").errorMessage(400);
    }

    @Test
    void fiveFailuresLockTheUsernameFor15Minutes() {
        for (int i = 0; i < AuthRoutes.MAX_FAILURES; i++) {
            assertThat(http.post("/auth/login", null, loginBody(SALES_USERNAME, "bad" + i)).status()).isEqualTo(401);
        }
        SandboxHttp.Reply locked = http.post("/auth/login", null, loginBody(SALES_USERNAME, SALES_PASSWORD));
        assertThat(locked.errorMessage(429)).isEqualTo("TOO_MANY_FAILED_PASSWORD_CHECKS");
        long retryAfter = locked.json().get("retryAfter").getAsLong();
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(locked.header("Retry-After")).isEqualTo(Long.toString(retryAfter));
        // Another user is not affected.
        assertThat(http.login(ADMIN_USERNAME, ADMIN_PASSWORD)).isNotBlank();

        clock.advance(Duration.ofMinutes(10));
        long later = http.post("/auth/login", null, loginBody(SALES_USERNAME, SALES_PASSWORD)).json()
                .get("retryAfter").getAsLong();
        assertThat(later).isEqualTo(retryAfter - Duration.ofMinutes(10).toSeconds());

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(http.login(SALES_USERNAME, SALES_PASSWORD)).isNotBlank();
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        for (int i = 0; i < AuthRoutes.MAX_FAILURES - 1; i++) {
            http.post("/auth/login", null, loginBody(SALES_USERNAME, "bad"));
        }
        http.login(SALES_USERNAME, SALES_PASSWORD);
        for (int i = 0; i < AuthRoutes.MAX_FAILURES - 1; i++) {
            http.post("/auth/login", null, loginBody(SALES_USERNAME, "bad"));
        }
        assertThat(http.login(SALES_USERNAME, SALES_PASSWORD)).isNotBlank();
    }

    @Test
    void accessTokenComesFromARefreshTokenOnly() {
        String refresh = http.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        SandboxHttp.Reply reply = http.get("/auth/accesstoken", refresh);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        String access = unquote(reply);
        JsonObject payload = jwtPayload(access);
        assertThat(payload.get("typ").getAsString()).isEqualTo("access");
        assertThat(payload.get("exp").getAsLong() - payload.get("iat").getAsLong()).isEqualTo(300);
        assertThat(http.get("/v1/company", access).status()).isEqualTo(200);

        http.get("/auth/accesstoken", null).errorMessage(401);
        http.get("/auth/accesstoken", "garbage").errorMessage(401);
        http.get("/auth/accesstoken", "a.b.c").errorMessage(401);
        http.get("/auth/accesstoken", access).errorMessage(401);
        // Quoted as handed out is fine (BearerTokenTest); a lone quote is not.
        http.get("/auth/accesstoken", "\"" + refresh).errorMessage(401);
        String tampered = refresh.substring(0, refresh.length() - 2)
                + (refresh.endsWith("AA") ? "BB" : "AA");
        http.get("/auth/accesstoken", tampered).errorMessage(401);
        // A refresh token is no access token.
        http.get("/v1/company", refresh).errorMessage(401);
    }

    @Test
    void refreshTokenRenewalGivesANewWorkingToken() {
        String refresh = http.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        clock.advance(Duration.ofDays(1));
        String renewed = unquote(http.get("/auth/refreshtoken", refresh));
        assertThat(renewed).isNotEqualTo(refresh);
        assertThat(jwtPayload(renewed).get("typ").getAsString()).isEqualTo("refresh");
        assertThat(jwtPayload(renewed).get("exp").getAsLong())
                .isEqualTo(jwtPayload(refresh).get("exp").getAsLong() + Duration.ofDays(1).toSeconds());
        assertThat(http.accessToken(renewed)).isNotBlank();
        assertThat(http.accessToken(refresh)).isNotBlank();
        http.get("/auth/refreshtoken", "garbage").errorMessage(401);
    }

    @Test
    void validateAnswersTheUserId() {
        assertThat(http.get("/auth/refreshtoken/validate", http.login(ADMIN_USERNAME, ADMIN_PASSWORD)).json()
                .get("userId").getAsInt()).isEqualTo(SandboxAccounts.ADMIN_USER_ID);
        assertThat(http.get("/auth/refreshtoken/validate", http.login(SALES_USERNAME, SALES_PASSWORD)).json()
                .get("userId").getAsInt()).isEqualTo(SandboxAccounts.SALES_USER_ID);
        http.get("/auth/refreshtoken/validate", "garbage").errorMessage(401);
        http.get("/auth/refreshtoken/validate", null).errorMessage(401);
    }

    @Test
    void logoutRevokesTheWholeSession() {
        String refresh = http.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        String renewed = unquote(http.get("/auth/refreshtoken", refresh));
        String access = http.accessToken(refresh);
        String otherSession = http.login(ADMIN_USERNAME, ADMIN_PASSWORD);

        SandboxHttp.Reply out = http.post("/auth/logout", refresh, null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.body()).isEmpty();

        http.get("/auth/accesstoken", refresh).errorMessage(401);
        http.get("/auth/accesstoken", renewed).errorMessage(401);
        http.get("/auth/refreshtoken/validate", refresh).errorMessage(401);
        http.get("/v1/company", access).errorMessage(401);
        http.post("/auth/logout", refresh, null).errorMessage(401);
        http.post("/auth/logout", "garbage", null).errorMessage(401);
        // Other sessions of the same user live on.
        assertThat(http.accessToken(otherSession)).isNotBlank();
    }

    @Test
    void tokensExpireByTheClock() {
        String refresh = http.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        String access = http.accessToken(refresh);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(http.get("/v1/company", access).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/v1/company", access).errorMessage(401)).contains("expired");
        assertThat(http.get("/v1/company", http.accessToken(refresh)).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(14));
        http.get("/auth/accesstoken", refresh).errorMessage(401);
        http.post("/auth/logout", refresh, null).errorMessage(401);
    }

    @Test
    void tokenLifetimesFollowTheOptions() throws Exception {
        SandboxOptions options = SandboxOptions.defaults().withCustomers(2).withClock(clock)
                .withAccessTokenTtl(Duration.ofSeconds(60)).withRefreshTokenTtl(Duration.ofHours(2));
        try (SandboxServer other = SandboxServer.start(options)) {
            SandboxHttp client = new SandboxHttp(other);
            String refresh = client.login(ADMIN_USERNAME, ADMIN_PASSWORD);
            JsonObject access = jwtPayload(client.accessToken(refresh));
            assertThat(access.get("exp").getAsLong() - access.get("iat").getAsLong()).isEqualTo(60);
            JsonObject payload = jwtPayload(refresh);
            assertThat(payload.get("exp").getAsLong() - payload.get("iat").getAsLong()).isEqualTo(7200);
        }
    }

    @Test
    void tokensOfOneServerMeanNothingToAnother() throws Exception {
        String refresh = http.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        try (SandboxServer other = SandboxServer.start(SandboxOptions.defaults().withCustomers(2).withClock(clock))) {
            new SandboxHttp(other).get("/auth/accesstoken", refresh).errorMessage(401);
        }
    }
}
