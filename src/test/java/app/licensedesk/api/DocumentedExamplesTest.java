package app.licensedesk.api;

import app.licensedesk.model.Claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.testing.FixedToken;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.Resources;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.License.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client reads every example payload of the reference (documented/) and of the contract (compiled/), served
 * over HTTP by a MockWebServer, and sends exactly the documented requests.
 */
class DocumentedExamplesTest {

    private static final String PLACEHOLDER_UUID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";

    private final MockWebServer server = new MockWebServer();
    private final FixedToken tokens = new FixedToken("test-access-token");
    private EnirisConnection connection;
    private AuthClient auth;
    private EnirisClient api;

    @BeforeEach
    void start() throws Exception {
        server.start();
        connection = new EnirisConnection(TestSettings.environment(server),
                TestSettings.fast(Clock.systemUTC(), new RecordingSleeper()));
        auth = connection.authClient();
        api = connection.enirisClient(tokens);
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    private void answer(int code, String resource) {
        String body = Resources.payload(resource);
        server.enqueue(new MockResponse.Builder().code(code)
                .setHeader("Content-Type", resource.endsWith(".txt") ? "text/plain" : "application/json")
                .body(body).build());
    }

    private RecordedRequest request() throws InterruptedException {
        return server.takeRequest();
    }

    private static ApiException failure(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    // --- authentication host -----------------------------------------------------------------------------------

    @Test
    void loginReadsTheQuotedRefreshToken() throws Exception {
        answer(200, "documented/auth-login-200.txt");
        LoginResult result = auth.login("user@example.test", "My super secret password".toCharArray());
        assertThat(result.token()).isEqualTo("Jpc3MiOiJodHRwczovL2F1dGhlbnRpY2");
        assertThat(result.partial()).isFalse();
        assertThat(result.toString()).doesNotContain(result.token());
        RecordedRequest sent = request();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/auth/login");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(sent.getBody().utf8())
                .isEqualTo("{\"username\":\"user@example.test\",\"password\":\"My super secret password\"}");
    }

    @Test
    void loginErrorsAsDocumented() {
        answer(400, "documented/auth-login-400.json");
        ApiException badRequest = failure(() -> auth.login("", "x".toCharArray()));
        assertThat(badRequest.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(badRequest.serverMessage()).isEqualTo("body must have required property 'username'");

        answer(401, "documented/auth-login-401.json");
        ApiException wrong = failure(() -> auth.login("u", "wrong".toCharArray()));
        assertThat(wrong.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(wrong.errorCode()).isEqualTo("PASSWORD_INCORRECT");

        answer(429, "documented/auth-login-429.json");
        ApiException tooMany = failure(() -> auth.login("u", "wrong".toCharArray()));
        assertThat(tooMany.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(tooMany.errorCode()).isEqualTo("TOO_MANY_FAILED_PASSWORD_CHECKS");
        assertThat(tooMany.retryAfter()).isEqualTo(Duration.ZERO);

        answer(500, "documented/auth-login-500.json");
        ApiException noInfo = failure(() -> auth.login("u", "x".toCharArray()));
        assertThat(noInfo.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(noInfo.errorCode()).isEqualTo("NO_PASSWORD_INFO");
        // POSTs that reached the server are never repeated.
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void loginRefusalThatAsksForASecondFactorGivesThePartialToken() {
        answer(401, "compiled/auth-login-2fa-401.json");
        LoginResult result = auth.login("u", "p".toCharArray());
        assertThat(result.partial()).isTrue();
        assertThat(result.token()).isEqualTo("partial-token-from-login-401");
    }

    @Test
    void accessTokenIsReadQuotedOrBareWithTheRefreshTokenAsBearer() throws Exception {
        answer(200, "compiled/auth-accesstoken-200.txt");
        String token = auth.accessToken("refresh-1");
        assertThat(token).startsWith("eyJ").doesNotContain("\"").doesNotEndWith("\n");
        assertThat(token.split("\\.")).hasSize(3);
        RecordedRequest sent = request();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/auth/accesstoken");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer refresh-1");

        server.enqueue(new MockResponse.Builder().code(200).body("bare-token-value\r\n").build());
        assertThat(auth.accessToken("refresh-1")).isEqualTo("bare-token-value");
    }

    @Test
    void accessTokenRefusalsTellTwoFactorFromExpiry() {
        answer(401, "compiled/auth-accesstoken-2fa-401.json");
        ApiException twoFactor = failure(() -> auth.accessToken("partial"));
        assertThat(twoFactor.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(TwoFactorDetector.isTwoFactorRefusal(twoFactor)).isTrue();

        answer(401, "documented/auth-refreshtoken-401.json");
        ApiException expired = failure(() -> auth.accessToken("old"));
        assertThat(TwoFactorDetector.isTwoFactorRefusal(expired)).isFalse();
        assertThat(expired.errorCode()).isEqualTo("NO_TOKEN_PROVIDED");
    }

    @Test
    void refreshTokenRenewalAndValidation() throws Exception {
        answer(200, "documented/auth-refreshtoken-200.txt");
        assertThat(auth.renewRefreshToken("refresh-1")).isEqualTo("Jpc3MiOiJodHRwczovL2F1dGhlbnRpY2");
        RecordedRequest renewal = request();
        assertThat(renewal.getUrl().encodedPath()).isEqualTo("/auth/refreshtoken");
        assertThat(renewal.getHeaders().get("Authorization")).isEqualTo("Bearer refresh-1");

        answer(400, "documented/auth-refreshtoken-400.json");
        assertThat(failure(() -> auth.renewRefreshToken("x".repeat(100))).kind()).isEqualTo(ErrorKind.VALIDATION);
        request();

        answer(200, "documented/auth-refreshtoken-validate-200.json");
        assertThat(auth.validateRefreshToken("refresh-1")).isZero();
        RecordedRequest validation = request();
        assertThat(validation.getMethod()).isEqualTo("GET");
        assertThat(validation.getUrl().encodedPath()).isEqualTo("/auth/refreshtoken/validate");

        answer(401, "documented/auth-refreshtoken-validate-401.json");
        assertThat(failure(() -> auth.validateRefreshToken("dead")).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
    }

    @Test
    void logoutAccepts204And401() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        auth.logout("refresh-1");
        RecordedRequest sent = request();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/auth/logout");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer refresh-1");
        assertThat(sent.getBodySize()).isZero();

        answer(401, "documented/auth-refreshtoken-401.json");
        auth.logout("refresh-1");

        answer(500, "documented/auth-login-500.json");
        assertThat(failure(() -> auth.logout("refresh-1")).kind()).isEqualTo(ErrorKind.SERVER);
    }

    @Test
    void secondFactorCallsSendTheDocumentedBodiesWithThePartialToken() throws Exception {
        answer(200, "documented/user-2fa-authenticate-200.json");
        SessionTokens totp = auth.authenticateTotp("partial-1", "123456");
        assertThat(totp).isEqualTo(new SessionTokens("string", "string", "string"));
        assertThat(totp.toString()).doesNotContain("string");
        RecordedRequest totpRequest = request();
        assertThat(totpRequest.getUrl().encodedPath()).isEqualTo("/user/2fa/totp/authenticate");
        assertThat(totpRequest.getHeaders().get("Authorization")).isEqualTo("Bearer partial-1");
        assertThat(totpRequest.getBody().utf8()).isEqualTo("{\"totp\":\"123456\"}");

        server.enqueue(new MockResponse.Builder().code(204).build());
        auth.requestEmailCode("partial-1");
        RecordedRequest challenge = request();
        assertThat(challenge.getUrl().encodedPath()).isEqualTo("/user/2fa/email-otp/challenge");
        assertThat(challenge.getBody().utf8()).isEqualTo("{}");
        server.enqueue(new MockResponse.Builder().code(200).body("null").build());
        auth.requestEmailCode("partial-1");
        request();

        answer(200, "documented/user-2fa-authenticate-200.json");
        auth.authenticateEmailOtp("partial-1", "654321");
        RecordedRequest otp = request();
        assertThat(otp.getUrl().encodedPath()).isEqualTo("/user/2fa/email-otp/authenticate");
        assertThat(otp.getBody().utf8()).isEqualTo("{\"otp\":\"654321\"}");

        answer(200, "documented/user-2fa-authenticate-200.json");
        auth.authenticateRecoveryCode("partial-1", "abcd-efgh");
        RecordedRequest recovery = request();
        assertThat(recovery.getUrl().encodedPath()).isEqualTo("/user/2fa/recovery-code/authenticate");
        assertThat(recovery.getBody().utf8()).isEqualTo("{\"recoveryCode\":\"abcd-efgh\"}");
    }

    @Test
    void secondFactorErrorsAsDocumented() {
        answer(409, "documented/user-2fa-totp-authenticate-409.json");
        ApiException notSetUp = failure(() -> auth.authenticateTotp("p", "123456"));
        assertThat(notSetUp.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(notSetUp.errorCode()).isEqualTo("TOTP_UNINITIALIZED");

        answer(429, "documented/user-2fa-totp-authenticate-429.json");
        ApiException tooMany = failure(() -> auth.authenticateTotp("p", "123456"));
        assertThat(tooMany.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(tooMany.errorCode()).isEqualTo("TOO_MANY_TOTP_CHECKS");
        assertThat(tooMany.retryAfter()).isEqualTo(Duration.ZERO);

        answer(500, "documented/user-2fa-totp-authenticate-500.json");
        assertThat(failure(() -> auth.authenticateTotp("p", "123456")).errorCode()).isEqualTo("TOTP_CORRUPT");

        answer(400, "documented/user-2fa-authenticate-400.json");
        assertThat(failure(() -> auth.authenticateEmailOtp("p", "1")).kind()).isEqualTo(ErrorKind.VALIDATION);

        answer(409, "documented/user-2fa-email-otp-authenticate-409.json");
        assertThat(failure(() -> auth.authenticateEmailOtp("p", "123456")).errorCode())
                .isEqualTo("EMAIL_OTP_INACTIVE");

        answer(409, "documented/user-2fa-recovery-code-authenticate-409.json");
        assertThat(failure(() -> auth.authenticateRecoveryCode("p", "x")).errorCode())
                .isEqualTo("RECOVERY_CODES_UNINITIALIZED");

        answer(429, "documented/user-2fa-recovery-code-authenticate-429.json");
        ApiException recoveryLimit = failure(() -> auth.authenticateRecoveryCode("p", "x"));
        assertThat(recoveryLimit.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(recoveryLimit.errorCode()).isEqualTo("TOO_MANY_RECOVERY_CODE_CHECKS");
    }

    // --- api host ----------------------------------------------------------------------------------------------

    @Test
    void companiesMapToCustomers() throws Exception {
        answer(200, "compiled/company-200.json");
        List<Customer> customers = api.companies();
        assertThat(customers).containsExactly(
                new Customer(12, "0b7c6a52-4b8e-4f5e-9d59-2f3c2a1e9b01", "Zonnepark Oost"),
                new Customer(7, "6f1d2e3c-8a9b-4c5d-a6e7-f8091a2b3c4d", "alfa Energie"),
                new Customer(31, null, "No UUID BV"),
                new Customer(44, null, "#44"));
        assertThat(customers.get(2).hasLicenseView()).isFalse();
        RecordedRequest sent = request();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/company");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer test-access-token");
    }

    @Test
    void documentedDeviceExampleHoldsNoControllerAndDoesNotFail() throws Exception {
        answer(200, "documented/device-query-200.json");
        Customer customer = new Customer(7, "u", "c");
        assertThat(api.controllers(customer, List.of("smartgridControllerSite"), null)).contains(List.of());
        RecordedRequest sent = request();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/device/query");
        assertThat(sent.getBody().utf8())
                .isEqualTo("{\"filter\":{\"companyId\":[7],\"nodeType\":[\"smartgridControllerSite\"]}}");
    }

    @Test
    void devicesBecomeControllersByNodeTypeWithTheNameRule() {
        answer(200, "compiled/device-query-controllers-200.json");
        Customer customer = new Customer(7, "u", "Alfa");
        List<Controller> controllers = api.controllers(customer, List.of("smartgridControllerSite"), null)
                .orElseThrow();
        assertThat(controllers).extracting(Controller::nodeId).containsExactly("site-901", "site/902", "site-903");
        assertThat(controllers).extracting(Controller::name).containsExactly("Brussels HQ", "Gent depot",
                "site-903");
        assertThat(controllers.get(0).deviceId()).isEqualTo(901);
        assertThat(controllers.get(0).lastUpdate()).isEqualTo(Instant.parse("2025-06-01T08:15:30.123Z"));
        assertThat(controllers.get(2).lastUpdate()).isNull();
        assertThat(controllers).allSatisfy(c -> assertThat(c.customers()).containsExactly(customer));
    }

    @Test
    void deviceQueryWithSkipHashMayAnswer204() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        Optional<List<Controller>> unchanged = api.controllers(new Customer(7, "u", "c"),
                List.of("smartgridControllerSite"), "abc+/=");
        assertThat(unchanged).isEmpty();
        assertThat(request().getBody().utf8()).isEqualTo(
                "{\"filter\":{\"companyId\":[7],\"nodeType\":[\"smartgridControllerSite\"]},\"skipHash\":\"abc+/=\"}");
    }

    @Test
    void licensesOfControllerAsDocumented() throws Exception {
        answer(200, "documented/license-controller-200.json");
        List<License> licenses = api.licensesOfController("ctrl-1");
        assertThat(licenses).containsExactly(new License(PLACEHOLDER_UUID, "string", null, null, null, null,
                Instant.parse("2019-08-24T14:15:22Z"), null, 0, null, "residential", List.of(),
                EnumSet.complementOf(EnumSet.of(Field.DATALINKS)))); // the controller endpoint sends no datalinks
        RecordedRequest sent = request();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/license/controller/ctrl-1");
    }

    @Test
    void nodeIdIsPercentEncodedIncludingSlashes() throws Exception {
        answer(200, "documented/license-controller-200.json");
        api.licensesOfController("site/9 2?x#y%");
        assertThat(request().getTarget()).isEqualTo("/v1/license/controller/site%2F9%202%3Fx%23y%25");
        assertThatThrownBy(() -> api.licensesOfController(""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.VALIDATION));
        assertThatThrownBy(() -> api.licensesOfController(".."))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.VALIDATION));
    }

    @Test
    void licensesOfCustomerWithDatalinksAsDocumented() throws Exception {
        answer(200, "documented/license-customer-200.json");
        List<License> licenses = api.licensesOfCustomer(PLACEHOLDER_UUID, true);
        assertThat(licenses).hasSize(1);
        assertThat(licenses.get(0).datalinks()).containsExactly(PLACEHOLDER_UUID);
        RecordedRequest sent = request();
        assertThat(sent.getTarget()).isEqualTo("/v1/license/customer/" + PLACEHOLDER_UUID + "?includeDatalinks=true");
    }

    @Test
    void everyLicenseFieldIsReadAndAnyMayBeMissingOrNull() {
        answer(200, "compiled/license-customer-rich-200.json");
        List<License> licenses = api.licensesOfCustomer("c", false);
        assertThat(licenses).hasSize(4);
        assertThat(licenses.get(0)).isEqualTo(new License("a1b2c3d4-0000-4000-8000-000000000001", "SG1-RES-0001",
                17, 10, 5, 22, Instant.parse("2024-01-15T09:30:00.250Z"), Instant.parse("2024-01-31T23:00:00Z"), 24,
                null, "residential", List.of("d0000000-0000-4000-8000-000000000001",
                "d0000000-0000-4000-8000-000000000002")));
        License unknownType = licenses.get(1);
        assertThat(unknownType.type()).isEqualTo("industrial");
        assertThat(unknownType.creationDate()).isEqualTo(Instant.parse("2024-03-01T17:00:00.123456789Z"));
        assertThat(unknownType.gridKw()).isNull();
        assertThat(unknownType.duration()).isNull();
        assertThat(licenses.get(2)).isEqualTo(License.ofKey("SG1-MIN-0003"));
        // what an answer carries, null included where the contract allows null; a null elsewhere says nothing
        assertThat(licenses.get(0).fields()).isEqualTo(EnumSet.allOf(Field.class));
        assertThat(unknownType.fields()).containsExactlyInAnyOrder(Field.ID, Field.KEY, Field.CREATION_DATE,
                Field.ACTIVATION_DATE, Field.TYPE, Field.DATALINKS);
        assertThat(licenses.get(3).fields()).containsExactlyInAnyOrder(Field.ID, Field.KEY, Field.GRID_KW,
                Field.SOLAR_KW, Field.BATTERY_KW, Field.EV_KW, Field.CREATION_DATE, Field.ACTIVATION_DATE,
                Field.DURATION, Field.DEACTIVATION_DATE, Field.TYPE);
        License deactivated = licenses.get(3);
        assertThat(deactivated.deactivationDate()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(deactivated.solarKw()).isEqualTo(250);
        assertThat(deactivated.datalinks()).isEmpty();
    }

    @Test
    void activateNowAndAtADate() throws Exception {
        answer(200, "documented/license-activate-200.json");
        License now = api.activate("string", null);
        assertThat(now.id()).isEqualTo(PLACEHOLDER_UUID);
        assertThat(now.type()).isEqualTo("residential");
        // the documented answer has no datalinks: they are not said to be none
        assertThat(now.fields()).doesNotContain(Field.DATALINKS).contains(Field.ACTIVATION_DATE, Field.GRID_KW);
        RecordedRequest first = request();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/license/activate");
        assertThat(first.getBody().utf8()).isEqualTo("{\"key\":\"string\"}");

        answer(200, "compiled/license-activate-at-200.json");
        License later = api.activate("SG1-IND-0002", Instant.parse("2025-09-01T06:00:00Z"));
        assertThat(later.activationDate()).isEqualTo(Instant.parse("2025-09-01T06:00:00Z"));
        assertThat(request().getBody().utf8())
                .isEqualTo("{\"key\":\"SG1-IND-0002\",\"activationIso\":\"2025-09-01T06:00:00Z\"}");

        answer(200, "compiled/license-activate-unsuccessful-200.json");
        assertThat(failure(() -> api.activate("K", null)).kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void licenseErrorsAsDocumented() {
        answer(400, "documented/api-400.json");
        ApiException already = failure(() -> api.activate("K", null));
        assertThat(already.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(already.serverMessage()).isEqualTo("Missing or misformatted query parameter or body");

        answer(403, "documented/api-403.json");
        assertThat(failure(() -> api.activate("K", null)).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        answer(404, "documented/api-404.json");
        assertThat(failure(() -> api.activate("K", null)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        answer(404, "documented/api-404.json");
        assertThat(failure(() -> api.claim("K", "n")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        answer(404, "documented/api-404.json");
        assertThat(failure(() -> api.licensesOfController("n")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        answer(403, "documented/api-403.json");
        assertThat(failure(() -> api.licensesOfCustomer("c", true)).kind()).isEqualTo(ErrorKind.FORBIDDEN);

        // A 401 from the api host costs one renewal and one retry, then it is the caller's problem.
        answer(401, "documented/api-401.json");
        answer(401, "documented/api-401.json");
        ApiException unauthorized = failure(() -> api.licensesOfCustomer("c", true));
        assertThat(unauthorized.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(tokens.renewals()).isEqualTo(1);
    }

    @Test
    void claimAsDocumented() throws Exception {
        answer(200, "documented/license-claim-200.json");
        Claim claimed = api.claim("string", "string");
        assertThat(claimed).isEqualTo(new Claim(PLACEHOLDER_UUID, "string", "string"));
        RecordedRequest sent = request();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/license/claim");
        assertThat(sent.getBody().utf8()).isEqualTo("{\"licenseKey\":\"string\",\"nodeId\":\"string\"}");

        answer(400, "documented/api-400.json");
        assertThat(failure(() -> api.claim("string", "string")).kind()).isEqualTo(ErrorKind.VALIDATION);
    }
}
