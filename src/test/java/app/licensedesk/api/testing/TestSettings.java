package app.licensedesk.api.testing;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Environment;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockWebServer;

/** Settings and environments for tests against a local mock server: short timeouts, recorded backoff. */
public final class TestSettings {

    private TestSettings() {
    }

    public static ClientSettings fast(Clock clock, ClientSettings.Sleeper sleeper) {
        return ClientSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(2))
                .withReadTimeout(Duration.ofSeconds(3))
                .withRetryBaseDelay(Duration.ofMillis(100))
                .withRetryMaxDelay(Duration.ofSeconds(10))
                .withClock(clock)
                .withSleeper(sleeper);
    }

    /** Both hosts on the mock server, addressed by loopback IP so plain HTTP is allowed. */
    public static Environment environment(MockWebServer server) {
        String url = "http://127.0.0.1:" + server.getPort();
        return new Environment(Environment.Kind.CUSTOM, url, url);
    }
}
