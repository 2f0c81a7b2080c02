package app.licensedesk.model;

import java.net.URI;
import java.util.Locale;

/**
 * Where the app talks to: production, the in-process local sandbox, or custom URLs.
 *
 * @param kind    which of the three choices
 * @param authUrl base URL of the authentication service (paths /auth/*, /user/*)
 * @param apiUrl  base URL of the metadata and license service (paths /v1/*)
 */
public record Environment(Kind kind, String authUrl, String apiUrl) {

    public static final String PRODUCTION_AUTH_URL = "https://authentication.eniris.be";
    public static final String PRODUCTION_API_URL = "https://api.eniris.be";

    /** The three environment choices of the sign-in screen. */
    public enum Kind { PRODUCTION, SANDBOX, CUSTOM }

    public Environment {
        authUrl = normalize(authUrl);
        apiUrl = normalize(apiUrl);
    }

    public static Environment production() {
        return new Environment(Kind.PRODUCTION, PRODUCTION_AUTH_URL, PRODUCTION_API_URL);
    }

    /** The local sandbox on the given base URL (auth and api share one port). */
    public static Environment sandbox(String baseUrl) {
        return new Environment(Kind.SANDBOX, baseUrl, baseUrl);
    }

    private static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * Checks a base URL: absolute http(s) with a host, and HTTPS unless the host is a loopback address.
     *
     * @return null when valid, else a problem code: "empty", "malformed", "scheme", "https-required"
     */
    public static String problemWith(String url) {
        String value = normalize(url);
        if (value == null || value.isEmpty()) {
            return "empty";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            return "malformed";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return scheme.equals("http") || scheme.equals("https") ? "malformed" : "scheme";
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "scheme";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "https-required";
        }
        return null;
    }

    /** True for localhost and the 127.0.0.0/8 and ::1 loopback addresses, by name only (no DNS look-up). */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    public boolean isProduction() {
        return kind == Kind.PRODUCTION;
    }
}
