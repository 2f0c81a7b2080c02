package app.licensedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import java.time.Clock;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A redirect could carry the password to a host nobody checked: the client follows none. */
class NoRedirectTest {

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    private EnirisConnection connection;

    @BeforeEach
    void start() throws Exception {
        server.start();
        elsewhere.start();
        connection = new EnirisConnection(TestSettings.environment(server),
                TestSettings.fast(Clock.systemUTC(), new RecordingSleeper()));
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
        elsewhere.close();
    }

    @Test
    void aRedirectedSignInIsNotResentToTheNewLocation() throws Exception {
        // "localhost" rather than 127.0.0.1: the target passes the loopback rule, so only the redirect policy stops it
        server.enqueue(new MockResponse.Builder().code(307)
                .addHeader("Location", "http://localhost:" + elsewhere.getPort() + "/auth/login").build());
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("\"refresh\"").build());

        Throwable thrown = catchThrowable(() -> connection.authClient().login("admin", "secret-pass".toCharArray()));

        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(thrown.getMessage()).doesNotContain("secret-pass");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).as("the password went nowhere else").isZero();
    }
}
