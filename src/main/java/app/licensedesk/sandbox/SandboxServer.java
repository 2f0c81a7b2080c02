package app.licensedesk.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Eniris sandbox: a real HTTP server on 127.0.0.1 that serves the auth paths and the /v1 paths of
 * eniris-api.md on one port, over seeded demo data.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    /** Enough threads that stalled requests (fault injection) do not block the others. */
    static final int THREADS = 32;

    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer http;
    private final ExecutorService executor;
    private final CountDownLatch closing;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Estate estate;
    private final AuthRoutes auth;
    private final SandboxOptions options;

    private SandboxServer(HttpServer http, ExecutorService executor, CountDownLatch closing, Estate estate,
                          AuthRoutes auth, SandboxOptions options) {
        this.http = http;
        this.executor = executor;
        this.closing = closing;
        this.estate = estate;
        this.auth = auth;
        this.options = options;
    }

    /** Seeds the data and starts serving on 127.0.0.1 (only) at the options' port, 0 meaning a free one. */
    public static SandboxServer start(SandboxOptions options) throws IOException {
        // The JDK server writes headers and body as two packets; with Nagle's algorithm on, every keep-alive
        // answer then waits ~40 ms for the client's delayed ACK. The property is read once, at first use.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        Estate estate = EstateSeeder.seed(options);
        Tokens tokens = new Tokens(options);
        AuthRoutes auth = new AuthRoutes(tokens, options);
        List<Route> routes = new ArrayList<>(auth.routes());
        routes.addAll(new ApiRoutes(estate, tokens, options.clock()).routes());
        CountDownLatch closing = new CountDownLatch(1);

        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, options.port()), 128);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        http.setExecutor(executor);
        http.createContext("/", new Router(routes, options, closing));
        http.start();
        SandboxServer server = new SandboxServer(http, executor, closing, estate, auth, options);
        LOG.info("Sandbox listening on {} ({} companies, {} controllers, {} licenses, latency {} ms, "
                        + "fault rate {})", server.baseUrl(), estate.companies().size(), estate.controllerCount(),
                estate.licenses().size(), options.latencyMs(), options.faultRate());
        return server;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "sandbox-http-" + count.incrementAndGet());
            // Daemon threads: a stalled request must never keep the JVM alive.
            t.setDaemon(true);
            return t;
        };
    }

    /** For example "http://127.0.0.1:18088", without a trailing slash; auth and /v1 paths share it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return http.getAddress().getPort();
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
        http.stop(0);
        executor.shutdownNow();
        LOG.info("Sandbox on port {} stopped", port);
    }
}
