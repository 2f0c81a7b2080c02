package app.licensedesk.sandbox;

import app.licensedesk.testing.TestClock;
import static app.licensedesk.sandbox.SandboxAccounts.ADMIN_PASSWORD;
import static app.licensedesk.sandbox.SandboxAccounts.ADMIN_USERNAME;
import static app.licensedesk.sandbox.SandboxAccounts.RECOVERY_CODES;
import static app.licensedesk.sandbox.SandboxAccounts.SALES_PASSWORD;
import static app.licensedesk.sandbox.SandboxAccounts.SALES_USERNAME;
import static app.licensedesk.sandbox.SandboxAccounts.TOTP_SECRET;
import static app.licensedesk.sandbox.SandboxAccounts.TWO_FACTOR_PASSWORD;
import static app.licensedesk.sandbox.SandboxAccounts.TWO_FACTOR_USERNAME;
import static app.licensedesk.sandbox.SandboxHttp.jwtPayload;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwoFactorTest {

    private static final String TOTP = "/user/2fa/totp/authenticate";
    private static final String CHALLENGE = "/user/2fa/email-otp/challenge";
    private static final String EMAIL = "/user/2fa/email-otp/authenticate";
    private static final String RECOVERY = "/user/2fa/recovery-code/authenticate";

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

    private String partial() {
        return http.login(TWO_FACTOR_USERNAME, TWO_FACTOR_PASSWORD);
    }

    private static String totpBody(String code) {
        return "{\"totp\":\"" + code + "\"}";
    }

    private static String otherCode(String code) {
        return code.equals("123456") ? "654321" : "123456";
    }

    /** Checks the three tokens of a completed sign-in and that they work. */
    private void assertSignedIn(SandboxHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject tokens = reply.json();
        String access = tokens.get("accessToken").getAsString();
        String refresh = tokens.get("refreshToken").getAsString();
        assertThat(jwtPayload(access).get("typ").getAsString()).isEqualTo("access");
        assertThat(jwtPayload(refresh).get("typ").getAsString()).isEqualTo("refresh");
        assertThat(jwtPayload(tokens.get("sudoToken").getAsString()).get("userId").getAsInt())
                .isEqualTo(SandboxAccounts.TWO_FACTOR_USER_ID);
        assertThat(http.get("/v1/company", access).status()).isEqualTo(200);
        assertThat(http.get("/v1/company", http.accessToken(refresh)).status()).isEqualTo(200);
    }

    @Test
    void loginGivesAPartialTokenThatOnlyTheSecondFactorAccepts() {
        String partial = partial();
        JsonObject payload = jwtPayload(partial);
        assertThat(payload.get("typ").getAsString()).isEqualTo("partial");
        assertThat(payload.get("exp").getAsLong() - payload.get("iat").getAsLong()).isEqualTo(300);

        assertThat(http.get("/auth/accesstoken", partial).errorMessage(401)).contains("2FA");
        http.get("/auth/refreshtoken", partial).errorMessage(401);
        http.get("/auth/refreshtoken/validate", partial).errorMessage(401);
        http.post("/auth/logout", partial, null).errorMessage(401);
        http.get("/v1/company", partial).errorMessage(401);
    }

    @Test
    void totpCompletesSignInOnceAndWrongCodesAre401() {
        String partial = partial();
        String good = Totp.code(TOTP_SECRET, clock.instant());
        assertThat(http.post(TOTP, partial, totpBody(otherCode(good))).errorMessage(401)).contains("TOTP");
        assertSignedIn(http.post(TOTP, partial, totpBody(good)));
        // The partial token completes one sign-in only.
        http.post(TOTP, partial, totpBody(good)).errorMessage(401);
        http.get("/auth/accesstoken", partial).errorMessage(401);
    }

    @Test
    void totpToleratesOneStepOfClockSkew() {
        Instant now = clock.instant();
        assertSignedIn(http.post(TOTP, partial(), totpBody(Totp.code(TOTP_SECRET, now.minusSeconds(30)))));
        assertSignedIn(http.post(TOTP, partial(), totpBody(Totp.code(TOTP_SECRET, now.plusSeconds(30)))));
        http.post(TOTP, partial(), totpBody(Totp.code(TOTP_SECRET, now.minusSeconds(90)))).errorMessage(401);
    }

    @Test
    void totpBodyProblemsAre400AndBadBearersAre401() {
        String partial = partial();
        http.post(TOTP, partial, "{}").errorMessage(400);
        http.post(TOTP, partial, totpBody("12345")).errorMessage(400);
        http.post(TOTP, partial, "{\"totp\":123456}").errorMessage(400);
        http.post(TOTP, partial, "{totp:1").errorMessage(400);
        http.post(TOTP, null, totpBody("123456")).errorMessage(401);
        http.post(TOTP, "garbage", totpBody("123456")).errorMessage(401);
        http.post(TOTP, http.accessToken(http.login(ADMIN_USERNAME, ADMIN_PASSWORD)), totpBody("123456"))
                .errorMessage(401);
    }

    @Test
    void emailChallengeSendsAFreshSingleUseCode() {
        assertThat(server.lastEmailCode(TWO_FACTOR_USERNAME)).isNull();
        String partial = partial();
        SandboxHttp.Reply challenge = http.post(CHALLENGE, partial, "{}");
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(204);
        String code = server.lastEmailCode(TWO_FACTOR_USERNAME);
        assertThat(code).hasSize(6).containsOnlyDigits();

        assertThat(http.post(EMAIL, partial, "{\"otp\":\"" + otherCode(code) + "\"}").errorMessage(401))
                .contains("OTP");
        assertSignedIn(http.post(EMAIL, partial, "{\"otp\":\"" + code + "\"}"));

        String again = partial();
        http.post(EMAIL, again, "{\"otp\":\"" + code + "\"}").errorMessage(401);
        assertThat(http.post(CHALLENGE, again, "").status()).isEqualTo(204);
        String second = server.lastEmailCode(TWO_FACTOR_USERNAME);
        assertThat(second).isNotEqualTo(code);
        http.post(EMAIL, again, "{\"otp\":\"12345\"}").errorMessage(400);
        assertSignedIn(http.post(EMAIL, again, "{\"otp\":\"" + second + "\"}"));
    }

    @Test
    void emailCodeExpiresAfterTenMinutes() {
        String partial = partial();
        http.post(CHALLENGE, partial, "{}");
        String code = server.lastEmailCode(TWO_FACTOR_USERNAME);
        clock.advance(Duration.ofMinutes(6));
        // A partial token from after the challenge, still valid when the code has expired.
        String fresh = partial();
        clock.advance(AuthRoutes.EMAIL_CODE_TTL.minus(Duration.ofMinutes(6)));
        http.post(EMAIL, fresh, "{\"otp\":\"" + code + "\"}").errorMessage(401);
        http.post(CHALLENGE, fresh, "{}");
        assertSignedIn(http.post(EMAIL, fresh, "{\"otp\":\"" + server.lastEmailCode(TWO_FACTOR_USERNAME) + "\"}"));
    }

    @Test
    void emailCodesAreDeterministicPerSeed() throws Exception {
        http.post(CHALLENGE, partial(), "{}");
        try (SandboxServer twin = SandboxServer.start(SandboxOptions.defaults().withCustomers(4).withClock(clock))) {
            SandboxHttp other = new SandboxHttp(twin);
            other.post(CHALLENGE, other.login(TWO_FACTOR_USERNAME, TWO_FACTOR_PASSWORD), "{}");
            assertThat(twin.lastEmailCode(TWO_FACTOR_USERNAME))
                    .isEqualTo(server.lastEmailCode(TWO_FACTOR_USERNAME));
        }
    }

    @Test
    void recoveryCodesWorkOnceEach() {
        assertSignedIn(http.post(RECOVERY, partial(), "{\"recoveryCode\":\"" + RECOVERY_CODES.get(0) + "\"}"));
        assertThat(http.post(RECOVERY, partial(), "{\"recoveryCode\":\"" + RECOVERY_CODES.get(0) + "\"}")
                .errorMessage(401)).contains("RECOVERY");
        assertSignedIn(http.post(RECOVERY, partial(),
                "{\"recoveryCode\":\"" + RECOVERY_CODES.get(1).toLowerCase(Locale.ROOT) + "\"}"));
        http.post(RECOVERY, partial(), "{\"recoveryCode\":\"RC-NOPE-NOPE\"}").errorMessage(401);
        http.post(RECOVERY, partial(), "{\"code\":\"x\"}").errorMessage(400);
    }

    @Test
    void accountsWithoutTwoFactorGet409() {
        for (String refresh : new String[] {http.login(ADMIN_USERNAME, ADMIN_PASSWORD),
            http.login(SALES_USERNAME, SALES_PASSWORD)}) {
            http.post(TOTP, refresh, totpBody("123456")).errorMessage(409);
            http.post(CHALLENGE, refresh, "{}").errorMessage(409);
            http.post(EMAIL, refresh, "{\"otp\":\"123456\"}").errorMessage(409);
            http.post(RECOVERY, refresh, "{\"recoveryCode\":\"RC-7F3K-9Q2M\"}").errorMessage(409);
        }
    }

    @Test
    void fiveWrongTotpCodesLockTotpFor15Minutes() {
        String partial = partial();
        String good = Totp.code(TOTP_SECRET, clock.instant());
        for (int i = 0; i < AuthRoutes.MAX_FAILURES; i++) {
            http.post(TOTP, partial, totpBody(otherCode(good))).errorMessage(401);
        }
        SandboxHttp.Reply locked = http.post(TOTP, partial, totpBody(good));
        assertThat(locked.errorMessage(429)).isEqualTo("TOO_MANY_TOTP_CHECKS");
        assertThat(locked.json().get("retryAfter").getAsLong()).isBetween(1L, 900L);
        assertThat(locked.header("Retry-After")).isEqualTo(locked.json().get("retryAfter").getAsString());
        // Recovery codes are counted separately.
        assertSignedIn(http.post(RECOVERY, partial(), "{\"recoveryCode\":\"" + RECOVERY_CODES.get(2) + "\"}"));

        clock.advance(AuthRoutes.FAILURE_WINDOW.plusSeconds(1));
        assertSignedIn(http.post(TOTP, partial(), totpBody(Totp.code(TOTP_SECRET, clock.instant()))));
    }

    @Test
    void fiveWrongRecoveryCodesAre429() {
        String partial = partial();
        for (int i = 0; i < AuthRoutes.MAX_FAILURES; i++) {
            http.post(RECOVERY, partial, "{\"recoveryCode\":\"RC-BAD" + i + "\"}").errorMessage(401);
        }
        SandboxHttp.Reply locked = http.post(RECOVERY, partial,
                "{\"recoveryCode\":\"" + RECOVERY_CODES.get(3) + "\"}");
        assertThat(locked.errorMessage(429)).isEqualTo("TOO_MANY_RECOVERY_CODE_CHECKS");
        assertThat(locked.json().has("retryAfter")).isTrue();
    }

    @Test
    void partialTokenLivesFiveMinutes() {
        String partial = partial();
        clock.advance(Tokens.PARTIAL_TTL);
        http.post(TOTP, partial, totpBody(Totp.code(TOTP_SECRET, clock.instant()))).errorMessage(401);
    }

    @Test
    void refreshTokenOfTheTwoFactorAccountCanReauthenticate() {
        JsonObject tokens = http.post(TOTP, partial(), totpBody(Totp.code(TOTP_SECRET, clock.instant()))).json();
        String refresh = tokens.get("refreshToken").getAsString();
        clock.advance(Duration.ofMinutes(1));
        assertSignedIn(http.post(TOTP, refresh, totpBody(Totp.code(TOTP_SECRET, clock.instant()))));
        // Re-authentication does not end the session it came from.
        assertThat(http.accessToken(refresh)).isNotBlank();
    }
}
