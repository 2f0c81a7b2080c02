package app.licensedesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.testing.Resources;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
            ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({
        "400,VALIDATION", "401,UNAUTHORIZED", "403,FORBIDDEN", "404,NOT_FOUND", "409,CONFLICT", "429,RATE_LIMITED",
        "500,SERVER", "502,SERVER", "503,SERVER", "504,SERVER", "422,VALIDATION", "405,VALIDATION"
    })
    void kindFollowsTheHttpStatusWhateverTheBody(int status, ErrorKind kind) {
        String[] bodies = {null, "", "<html><body>proxy</body></html>", "{\"statusCode\":", "[1,2]",
            "{\"statusCode\":" + status + ",\"error\":\"x\",\"message\":\"y\"}"};
        for (String body : bodies) {
            ApiException e = errors.fromResponse(status, Headers.of(), body);
            assertThat(e.kind()).as("body %s", body).isEqualTo(kind);
            assertThat(e.httpStatus()).isEqualTo(status);
        }
    }

    @Test
    void documentedErrorBodiesGiveCodeAndMessage() {
        ApiException wrongPassword = errors.fromResponse(401, Headers.of(),
                Resources.payload("documented/auth-login-401.json"));
        assertThat(wrongPassword.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(wrongPassword.errorCode()).isEqualTo("PASSWORD_INCORRECT");

        ApiException forbidden = errors.fromResponse(403, Headers.of(), Resources.payload("documented/api-403.json"));
        assertThat(forbidden.errorCode()).isEqualTo("Forbidden");
        assertThat(forbidden.serverMessage()).isEqualTo("User does not have sufficient rights");

        ApiException tooMany = errors.fromResponse(429, Headers.of(),
                Resources.payload("documented/auth-login-429.json"));
        assertThat(tooMany.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(tooMany.errorCode()).isEqualTo("TOO_MANY_FAILED_PASSWORD_CHECKS");
        assertThat(tooMany.retryAfter()).isEqualTo(Duration.ZERO);

        ApiException server = errors.fromResponse(500, Headers.of(),
                Resources.payload("documented/auth-login-500.json"));
        assertThat(server.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(server.errorCode()).isEqualTo("NO_PASSWORD_INFO");
    }

    @Test
    void retryAfterComesFromTheBodyElseTheHeader() {
        String body = "{\"statusCode\":429,\"error\":\"Too many requests\",\"message\":\"SLOW_DOWN\","
                + "\"retryAfter\":12}";
        assertThat(errors.fromResponse(429, Headers.of("Retry-After", "99"), body).retryAfter())
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(errors.fromResponse(429, Headers.of(), "{\"retryAfter\":\"1.5\"}").retryAfter())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(errors.fromResponse(429, Headers.of("Retry-After", "7"), "<html/>").retryAfter())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(errors.fromResponse(503, Headers.of("Retry-After", "Wed, 01 Jan 2025 00:02:00 GMT"), null)
                .retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(errors.fromResponse(503, Headers.of("Retry-After", "Tue, 31 Dec 2024 00:00:00 GMT"), null)
                .retryAfter()).isEqualTo(Duration.ZERO);
        assertThat(errors.fromResponse(429, Headers.of("Retry-After", "soon"), null).retryAfter()).isNull();
        assertThat(errors.fromResponse(429, Headers.of(), null).retryAfter()).isNull();
    }

    @Test
    void ioFailuresMapToTimeoutNetworkOrUnreadable() {
        assertThat(ApiErrors.fromIOException(new SocketTimeoutException("timeout")).kind())
            .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ApiErrors.fromIOException(new InterruptedIOException("timeout")).kind())
            .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ApiErrors.fromIOException(new ConnectException("refused")).kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(ApiErrors.fromIOException(new EOFException()).kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(ApiErrors.fromIOException(new UnreadableBodyException("bad", new IOException())).kind())
                .isEqualTo(ErrorKind.UNREADABLE);
    }

    @Test
    void messagesNeverCarryTokens() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl";
        ApiException e = errors.fromResponse(401, Headers.of(), "{\"statusCode\":401,\"error\":\"Unauthorized\","
                + "\"message\":\"token " + jwt + " is invalid; Authorization: Bearer abc123secret\"}");
        assertThat(e.getMessage()).doesNotContain(jwt).doesNotContain("abc123secret");
        assertThat(e.toString()).doesNotContain(jwt).doesNotContain("abc123secret");
        assertThat(e.serverMessage()).contains("[redacted]");
        ApiException network = ApiErrors.fromIOException(new IOException("failed with Bearer " + jwt));
        assertThat(network.getMessage()).doesNotContain(jwt);
        // Host names and keys are not mistaken for tokens.
        assertThat(ApiErrors.redact("Failed to connect to authentication.eniris.be/1.2.3.4:443 for SG1-RES-0001"))
                .isEqualTo("Failed to connect to authentication.eniris.be/1.2.3.4:443 for SG1-RES-0001");
    }
}
