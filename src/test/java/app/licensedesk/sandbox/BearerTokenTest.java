package app.licensedesk.sandbox;

import static app.licensedesk.sandbox.SandboxAccounts.ADMIN_PASSWORD;
import static app.licensedesk.sandbox.SandboxAccounts.ADMIN_USERNAME;
import static app.licensedesk.sandbox.SandboxHttp.loginBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens are accepted bare or in the one pair of double quotes the token endpoints hand them out in (as
 * the official Python driver sends them back), on every auth and /v1 path; any other quoting is refused.
 */
class BearerTokenTest {

    /** Ways of spoiling a good token that must all be refused with 401. */
    private static final List<UnaryOperator<String>> MALFORMED = List.of(
            t -> "\"" + t,
            t -> t + "\"",
            t -> "\"\"" + t + "\"\"",
            t -> t.substring(0, 10) + "\"" + t.substring(10),
            t -> "\" " + t + " \"",
            t -> "'" + t + "'",
            t -> "\"\"",
            t -> "\"");

    private SandboxServer server;
    private SandboxHttp http;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withCustomers(4));
        http = new SandboxHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void headerParsingStripsOnePairOfQuotesOnly() {
        assertThat(Request.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(Request.bearerToken("Bearer \"abc.def.ghi\"")).isEqualTo("abc.def.ghi");
        assertThat(Request.bearerToken("bearer   \"abc.def.ghi\"  ")).isEqualTo("abc.def.ghi");
        assertThat(Request.bearerToken("Bearer \"\"abc\"\"")).isEqualTo("\"abc\"");
        assertThat(Request.bearerToken("Bearer \"abc")).isEqualTo("\"abc");
        assertThat(Request.bearerToken("Bearer \"\"")).isNull();
        assertThat(Request.bearerToken("Bearer \"")).isEqualTo("\"");
        assertThat(Request.bearerToken("Bearer ")).isNull();
        assertThat(Request.bearerToken("Basic abc")).isNull();
        assertThat(Request.bearerToken(null)).isNull();
    }

    @Test
    void quotedRefreshTokensWorkOnEveryRefreshTokenPath() {
        String quoted = http.post("/auth/login", null, loginBody(ADMIN_USERNAME, ADMIN_PASSWORD)).body();
        assertThat(quoted).startsWith("\"").endsWith("\"");

        assertThat(http.get("/auth/refreshtoken/validate", quoted).json().get("userId").getAsInt())
                .isEqualTo(SandboxAccounts.ADMIN_USER_ID);
        String renewed = http.get("/auth/refreshtoken", quoted).body();
        assertThat(renewed).startsWith("\"");
        String access = http.get("/auth/accesstoken", renewed).body();
        assertThat(access).startsWith("\"").endsWith("\"");
        assertThat(http.get("/v1/company", access).status()).isEqualTo(200);
        assertThat(http.post("/auth/logout", quoted, null).status()).isEqualTo(204);
        assertThat(http.get("/auth/refreshtoken/validate", renewed).errorMessage(401)).contains("revoked");
    }

    @Test
    void quotedAccessTokensWorkOnEveryV1Path() {
        String access = "\"" + http.admin() + "\"";
        assertThat(http.get("/v1/company", access).status()).isEqualTo(200);
        Estate estate = server.estate();
        Estate.Company first = estate.companies().get(0);
        assertThat(http.get("/v1/license/customer/" + first.uuid(), access).status()).isEqualTo(200);
        String nodeId = estate.devices().stream().filter(d -> d.isController() && d.companyId() == first.id())
                .findFirst().orElseThrow().nodeId();
        assertThat(http.get("/v1/license/controller/" + nodeId, access).status()).isEqualTo(200);
        assertThat(http.post("/v1/device/query", access, "{}").status()).isEqualTo(200);
        String key = estate.licensesOf(first.id()).get(0).key();
        assertThat(http.post("/v1/license/claim", access,
                "{\"licenseKey\":\"" + key + "\",\"nodeId\":\"" + nodeId + "\"}").status()).isEqualTo(200);
        assertThat(http.post("/v1/license/activate", access, "{\"key\":\"" + key + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void quotedPartialTokensWorkOnTheTwoFactorPaths() {
        String partial = http.post("/auth/login", null, loginBody(SandboxAccounts.TWO_FACTOR_USERNAME,
                SandboxAccounts.TWO_FACTOR_PASSWORD)).body();
        assertThat(partial).startsWith("\"");
        assertThat(http.get("/auth/accesstoken", partial).errorMessage(401)).contains("2FA");
        assertThat(http.post("/user/2fa/email-otp/challenge", partial, "{}").status()).isEqualTo(204);
        SandboxHttp.Reply reply = http.post("/user/2fa/recovery-code/authenticate", partial,
                "{\"recoveryCode\":\"" + SandboxAccounts.RECOVERY_CODES.get(0) + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void otherQuotingIsRefusedEverywhere() {
        String refresh = http.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        String access = http.accessToken(refresh);
        String partial = http.login(SandboxAccounts.TWO_FACTOR_USERNAME, SandboxAccounts.TWO_FACTOR_PASSWORD);
        for (UnaryOperator<String> spoil : MALFORMED) {
            String badRefresh = spoil.apply(refresh);
            String badAccess = spoil.apply(access);
            assertThat(http.get("/auth/accesstoken", badRefresh).errorMessage(401)).as(badRefresh).isNotBlank();
            assertThat(http.get("/auth/refreshtoken", badRefresh).errorMessage(401)).isNotBlank();
            assertThat(http.get("/auth/refreshtoken/validate", badRefresh).errorMessage(401)).isNotBlank();
            assertThat(http.post("/auth/logout", badRefresh, null).errorMessage(401)).isNotBlank();
            assertThat(http.post("/user/2fa/totp/authenticate", spoil.apply(partial), "{\"totp\":\"123456\"}")
                    .errorMessage(401)).isNotBlank();
            assertThat(http.get("/v1/company", badAccess).errorMessage(401)).as(badAccess).isNotBlank();
            assertThat(http.post("/v1/device/query", badAccess, "{}").errorMessage(401)).isNotBlank();
            assertThat(http.post("/v1/license/activate", badAccess, "{\"key\":\"x\"}").errorMessage(401))
                    .isNotBlank();
        }
        // The good tokens still work: nothing above was taken as a failed attempt against them.
        assertThat(http.get("/v1/company", access).status()).isEqualTo(200);
        assertThat(http.post("/auth/logout", refresh, null).status()).isEqualTo(204);
    }
}
