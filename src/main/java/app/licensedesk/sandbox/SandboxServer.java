package app.licensedesk.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Eniris sandbox: a real HTTP server on 127.0.0.1 that serves the auth paths and the /v1 paths of
 * eniris-api.md on one port, over seeded demo data.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final WireServer http;
    private final CountDownLatch closing;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Estate estate;
    private final AuthRoutes auth;
    private final SandboxOptions options;
    private final Router router;

    private SandboxServer(WireServer http, Router router, CountDownLatch closing, Estate estate, AuthRoutes auth,
                          SandboxOptions options) {
        this.http = http;
        this.router = router;
        this.closing = closing;
        this.estate = estate;
        this.auth = auth;
        this.options = options;
    }

    /** Seeds the data and starts serving on 127.0.0.1 (only) at the options' port, 0 meaning a free one. */
    public static SandboxServer start(SandboxOptions options) throws IOException {
        Estate estate = EstateSeeder.seed(options);
        Tokens tokens = new Tokens(options);
        AuthRoutes auth = new AuthRoutes(tokens, options);
        List<Route> routes = new ArrayList<>(auth.routes());
        routes.addAll(new ApiRoutes(estate, tokens, options.clock()).routes());
        CountDownLatch closing = new CountDownLatch(1);

        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        Router router = new Router(routes, options, closing);
        WireServer http = WireServer.start(loopback, options.port(), router);
        SandboxServer server = new SandboxServer(http, router, closing, estate, auth, options);
        LOG.info("Sandbox listening on {} ({} companies, {} controllers, {} licenses, latency {} ms, "
                        + "fault rate {})", server.baseUrl(), estate.companies().size(), estate.controllerCount(),
                estate.licenses().size(), options.latencyMs(), options.faultRate());
        return server;
    }

    /** For example "http://127.0.0.1:18088", without a trailing slash; auth and /v1 paths share it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return http.port();
    }

    /**
     * The code most recently "emailed" to this user by POST /user/2fa/email-otp/challenge, or null if none was
     * asked for. The sandbox sends no mail; tests read the code here, people read it in the log or console.
     */
    public String lastEmailCode(String username) {
        return auth.lastEmailCode(username);
    }

    /** Calls the listener with (username, code) for every emailed code; the standalone console prints them. */
    void onEmailCode(BiConsumer<String, String> listener) {
        auth.onEmailCode(listener);
    }

    /** How many requests this server has handled, auth paths included; for benchmarks that count requests. */
    public long requestsHandled() {
        return router.requests();
    }

    Estate estate() {
        return estate;
    }

    SandboxOptions options() {
        return options;
    }

    /** Stops at once: ends latency waits and stalls, closes connections and the worker threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int port = port();
        closing.countDown();
        http.close();
        LOG.info("Sandbox on port {} stopped", port);
    }
}
