package app.licensedesk.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * True only for the name {@code localhost}, a literal IPv4 address in 127.0.0.0/8 (four decimal octets) and the
     * IPv6 loopback {@code ::1} (bracketed or not, in any spelling). Any other name is false, however it starts:
     * {@code 127.0.0.1.nip.io} or {@code 127.evil.example} resolve wherever their owner likes. No DNS look-up.
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || isLoopbackIpv4(h) || isLoopbackIpv6(h);
    }

    private static boolean isLoopbackIpv4(String h) {
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** {@code ::1} in any of its spellings: groups of hex digits, at most one {@code ::}, all zero but a final 1. */
    private static boolean isLoopbackIpv6(String h) {
        if (!h.matches("[0-9a-f:]+") || h.indexOf("::") != h.lastIndexOf("::")) {
            return false;
        }
        String[] halves = h.split("::", -1);
        List<String> groups = new ArrayList<>();
        for (String half : halves) {
            if (!half.isEmpty()) {
                groups.addAll(Arrays.asList(half.split(":", -1)));
            }
        }
        boolean compressed = halves.length == 2;
        if (groups.isEmpty() || groups.size() > 8 || (!compressed && groups.size() != 8)
                || (compressed && groups.size() == 8)) {
            return false;
        }
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            if (g.isEmpty() || g.length() > 4) {
                return false;
            }
            int value = Integer.parseInt(g, 16);
            if (value != (i == groups.size() - 1 ? 1 : 0)) {
                return false;
            }
        }
        // with "::" the 1 must be the very last group, not one before a compressed tail ("1::")
        return !compressed || !halves[1].isEmpty();
    }

    public boolean isProduction() {
        return kind == Kind.PRODUCTION;
    }
}
