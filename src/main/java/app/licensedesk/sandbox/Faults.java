package app.licensedesk.sandbox;

import java.util.Random;

/**
 * Decides, per request, whether to misbehave and how. Faults apply to every route, auth paths included, and
 * are decided before the request is handled, so a faulted request never changes any state (even the 200 with
 * truncated JSON). The draws come from a random seeded by the options, so a run's sequence of faults repeats;
 * which request gets which fault depends on arrival order.
 */
final class Faults {

    /** The ways a request can go wrong. */
    enum Kind {
        /** 503 with the usual error body. */
        UNAVAILABLE,
        /** No answer for {@link #STALL_MILLIS}, then the connection drops; ends early when the server closes. */
        STALL,
        /** The connection closes without any response. */
        DROP,
        /** 502 with a proxy's HTML page. */
        PROXY_HTML,
        /** 200 with JSON cut off in the middle. */
        TRUNCATED_JSON
    }

    /** Longer than the 30 s read timeouts clients typically use. */
    static final long STALL_MILLIS = 45_000;

    static final String PROXY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    static final String TRUNCATED = "{\"licenses\":[{\"id\":\"3f1c2a9e-7b4d-4c1e-9a0f-";

    private final double rate;
    private final Random random;

    Faults(double rate, long seed) {
        this.rate = rate;
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /** The fault for the next request, or null to answer normally. */
    synchronized Kind next() {
        if (rate <= 0 || random.nextDouble() >= rate) {
            return null;
        }
        Kind[] kinds = Kind.values();
        return kinds[random.nextInt(kinds.length)];
    }
}
