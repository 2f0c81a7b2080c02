package app.licensedesk.sandbox;

import java.util.Random;

/**
 * Decides, per request, whether to misbehave and how. Faults apply to every route, auth paths included, and
 * are decided before the request is handled, so a faulted request changes no state (even the 200 with
 * truncated JSON), with one exception: {@link Kind#APPLY_THEN_DROP} carries out a claim or an activation and
 * then drops the connection unanswered. The draws come from randoms seeded by the options, so a run's sequence
 * of faults repeats; which request gets which fault depends on arrival order.
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
        TRUNCATED_JSON,
        /**
         * A claim or activate POST is carried out, then the connection closes without any response; on any
         * other request this is a plain {@link #DROP}.
         */
        APPLY_THEN_DROP
    }

    /** Longer than the 30 s read timeouts clients typically use. */
    static final long STALL_MILLIS = 45_000;

    static final String PROXY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    static final String TRUNCATED = "{\"licenses\":[{\"id\":\"3f1c2a9e-7b4d-4c1e-9a0f-";

    private final double rate;
    private final double applyThenDropRate;
    private final Random random;
    private final Random applyThenDrop;

    Faults(double rate, double applyThenDropRate, long seed) {
        this.rate = rate;
        this.applyThenDropRate = applyThenDropRate;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        // Its own random, so turning it on does not change the sequence of the other faults.
        this.applyThenDrop = new Random(seed ^ 0x2545F491L);
    }

    /** The fault for the next request, or null to answer normally; {@code change}: a claim or activate POST. */
    synchronized Kind next(boolean change) {
        if (change && applyThenDropRate > 0 && applyThenDrop.nextDouble() < applyThenDropRate) {
            return Kind.APPLY_THEN_DROP;
        }
        if (rate <= 0 || random.nextDouble() >= rate) {
            return null;
        }
        Kind[] kinds = Kind.values();
        Kind kind = kinds[random.nextInt(kinds.length)];
        return kind == Kind.APPLY_THEN_DROP && !change ? Kind.DROP : kind;
    }
}
