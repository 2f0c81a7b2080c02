package app.licensedesk.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the example payloads under src/test/resources/app/licensedesk/api. */
public final class Resources {

    private Resources() {
    }

    /** @param name e.g. "documented/auth-login-401.json" */
    public static String payload(String name) {
        String path = "/app/licensedesk/api/" + name;
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
