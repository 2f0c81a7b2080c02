package app.licensedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.testing.FixedToken;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.Resources;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a server that answers badly on purpose. */
class FaultToleranceTest {

    private static final Duration BASE = Duration.ofMillis(100);

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<EnirisConnection> connections = new ArrayList<>();
    private ClientSettings settings;
    private AuthClient auth;
    private EnirisClient api;

    @BeforeEach
    void start() throws Exception {
        server.start();
        settings = TestSettings.fast(Clock.systemUTC(), sleeper).withRetryBaseDelay(BASE);
        connect(TestSettings.environment(server), settings);
    }

    private void connect(Environment environment, ClientSettings clientSettings) {
        EnirisConnection connection = new EnirisConnection(environment, clientSettings);
        connections.add(connection);
        auth = connection.authClient();
        api = connection.enirisClient(new FixedToken("access"));
    }

    @AfterEach
    void stop() {
        connections.forEach(EnirisConnection::close);
        server.close();
    }

    private static ApiException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    private void enqueue(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    private static MockResponse dropped() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    // --- garbled and non-JSON bodies ---------------------------------------------------------------------------

    @Test
    void truncatedJsonInA200IsRetriedForGet() {
        enqueue(200, Resources.payload("compiled/license-truncated-200.json"));
        enqueue(200, "{\"licenses\":[{\"key\":\"K-1\"}]} and then garbage");
        enqueue(200, "{\"licenses\":[{\"key\":\"K-1\"}]}");
        assertThat(api.licensesOfCustomer("c", true)).extracting(License::key).containsExactly("K-1");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits()).containsExactly(BASE, BASE.multipliedBy(2));
    }

    @Test
    void truncatedJsonInEveryAnswerEndsUnreadable() {
        for (int i = 0; i <= settings.maxRetries(); i++) {
            enqueue(200, Resources.payload("compiled/license-truncated-200.json"));
        }
        ApiException e = failure(() -> api.licensesOfController("n"));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNREADABLE);
        assertThat(server.getRequestCount()).isEqualTo(settings.maxRetries() + 1);
    }

    @Test
    void aBodyCutShortByTheConnectionIsRetriedForGet() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Resources.payload("compiled/company-200.json"))
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        enqueue(200, Resources.payload("compiled/company-200.json"));
        assertThat(api.companies()).hasSize(4);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTruncatedAnswerToAPostIsNotRetried() {
        enqueue(200, "{\"success\":true,\"license\":{\"key\":\"K\",");
        enqueue(200, Resources.payload("documented/license-activate-200.json"));
        assertThat(failure(() -> api.activate("K", null)).kind()).isEqualTo(ErrorKind.UNREADABLE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void htmlProxyPageOn502IsRetriedForGetThenAServerError() {
        for (int i = 0; i <= settings.maxRetries(); i++) {
            server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                    .body(Resources.payload("compiled/proxy-502.html")).build());
        }
        ApiException e = failure(() -> api.companies());
        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.serverMessage()).isNull();
        assertThat(e.getMessage()).doesNotContain("<html>");
        assertThat(server.getRequestCount()).isEqualTo(settings.maxRetries() + 1);
        assertThat(sleeper.waits()).containsExactly(BASE, BASE.multipliedBy(2), BASE.multipliedBy(4),
                BASE.multipliedBy(8));
    }

    @Test
    void emptyBody500RecoversOnRetry() {
        enqueue(500, "");
        enqueue(503, "");
        server.enqueue(new MockResponse.Builder().code(200).body(Resources.payload("compiled/company-200.json"))
                .build());
        assertThat(api.companies()).hasSize(4);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void emptyBody500WithoutRetriesIsAServerError() {
        connect(TestSettings.environment(server), settings.withMaxRetries(0));
        enqueue(500, "");
        ApiException e = failure(() -> api.companies());
        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.errorCode()).isNull();
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void backoffIsCappedAtTheMaximumDelay() {
        connect(TestSettings.environment(server), settings.withMaxRetries(6)
                .withRetryMaxDelay(Duration.ofMillis(500)));
        for (int i = 0; i < 7; i++) {
            enqueue(503, "");
        }
        failure(() -> api.companies());
        assertThat(sleeper.waits()).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 500L, 500L,
                500L);
    }

    // --- stalls, drops, refused connections --------------------------------------------------------------------

    @Test
    void aStallBeyondTheReadTimeoutIsRetriedForGet() {
        connect(TestSettings.environment(server), settings.withReadTimeout(Duration.ofMillis(300)));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        enqueue(200, Resources.payload("compiled/company-200.json"));
        assertThat(api.companies()).hasSize(4);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(BASE);
    }

    @Test
    void aPostThatStallsBeyondTheReadTimeoutIsATimeoutAndNotRetried() {
        connect(TestSettings.environment(server), settings.withReadTimeout(Duration.ofMillis(300)));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        enqueue(200, Resources.payload("documented/license-claim-200.json"));
        long start = System.nanoTime();
        ApiException e = failure(() -> api.claim("K", "n"));
        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.answerLost()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aBodyThatStallsHalfwayIsRetriedForGetAndATimeoutInTheEnd() {
        connect(TestSettings.environment(server), settings.withReadTimeout(Duration.ofMillis(300)).withMaxRetries(1));
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(Resources.payload("compiled/company-200.json"))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        enqueue(200, Resources.payload("compiled/company-200.json"));
        assertThat(api.companies()).hasSize(4);

        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body(Resources.payload("compiled/company-200.json"))
                    .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        }
        assertThat(failure(() -> api.companies()).kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void droppedConnectionsAreRetriedForGet() {
        server.enqueue(dropped());
        server.enqueue(dropped());
        server.enqueue(new MockResponse.Builder().code(200).body(Resources.payload("compiled/company-200.json"))
                .build());
        assertThat(api.companies()).hasSize(4);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.waits()).containsExactly(BASE, BASE.multipliedBy(2));
    }

    @Test
    void droppedConnectionsEndAsANetworkErrorAfterTheRetries() {
        for (int i = 0; i <= settings.maxRetries(); i++) {
            server.enqueue(dropped());
        }
        ApiException e = failure(() -> api.licensesOfController("n"));
        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(server.getRequestCount()).isEqualTo(settings.maxRetries() + 1);
    }

    @Test
    void aCallFromTheJavaFxThreadIsRefusedBeforeAnythingIsSent() throws Exception {
        enqueue(200, "{\"licenses\":[]}");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread fx = new Thread(() -> thrown.set(catchThrowable(() -> api.licensesOfController("n"))),
                "JavaFX Application Thread");
        fx.start();
        fx.join();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JavaFX thread").hasMessageContaining("/v1/license/controller/n");
        assertThat(server.getRequestCount()).isZero();
        // the same call from any other thread goes through
        assertThat(api.licensesOfController("n")).isEmpty();
    }

    @Test
    void aPostWhoseConnectionDropsAfterSendingIsNotRetried() {
        server.enqueue(dropped());
        enqueue(200, Resources.payload("documented/license-activate-200.json"));
        ApiException e = failure(() -> api.activate("K", null));
        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.answerLost()).as("the server may have applied it").isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPostIsRetriedWhenTheConnectionWasRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        connect(new Environment(Environment.Kind.CUSTOM, url, url), settings);
        ApiException e = failure(() -> api.claim("K", "n"));
        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.answerLost()).as("a refused connection never carried the request").isFalse();
        // an unreachable host is given up on sooner than an overloaded one: someone waits at the screen
        assertThat(settings.maxRetries()).isGreaterThan(RetryInterceptor.CONNECT_RETRIES);
        assertThat(sleeper.waits()).hasSize(RetryInterceptor.CONNECT_RETRIES);
    }

    // --- rate limits and POSTs ---------------------------------------------------------------------------------

    @Test
    void rateLimitHonoursRetryAfterFromBodyAndHeader() {
        enqueue(429, "{\"statusCode\":429,\"error\":\"Too many requests\",\"message\":\"SLOW\",\"retryAfter\":3}");
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("").build());
        enqueue(429, "{\"statusCode\":429,\"retryAfter\":0}");
        enqueue(200, Resources.payload("compiled/company-200.json"));
        assertThat(api.companies()).hasSize(4);
        // Never sooner than the server asked, never sooner than the backoff.
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2),
                BASE.multipliedBy(4));
    }

    @Test
    void rateLimitLongerThanTheMaximumDelayIsReportedNotWaited() {
        enqueue(429, "{\"statusCode\":429,\"error\":\"Too many requests\",\"message\":\"SLOW\",\"retryAfter\":3600}");
        ApiException e = failure(() -> api.companies());
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void postIsNotRetriedOn503Or429() {
        enqueue(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"busy\"}");
        assertThat(failure(() -> api.activate("K", null)).kind()).isEqualTo(ErrorKind.SERVER);
        enqueue(429, "{\"statusCode\":429,\"retryAfter\":1}");
        ApiException limited = failure(() -> api.claim("K", "n"));
        assertThat(limited.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void theDeviceQueryIsAPostThatIsSafeToRetry() {
        enqueue(503, "");
        enqueue(200, Resources.payload("compiled/device-query-controllers-200.json"));
        assertThat(api.controllers(new Customer(1, "u", "c"), List.of("smartgridControllerSite"), null)
                .orElseThrow()).hasSize(3);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    // --- bounded concurrency, HTTPS rule -----------------------------------------------------------------------

    @Test
    void requestsInFlightNeverExceedTheBound() throws Exception {
        int bound = 3;
        int calls = 12;
        connect(TestSettings.environment(server), settings.withMaxConcurrentRequests(bound));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        Object monitor = new Object();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                synchronized (monitor) {
                    max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    arrived.incrementAndGet();
                    monitor.notifyAll();
                    // Hold each request a moment so that, without a bound, all of them would be in flight together;
                    // let go early once the bound is exceeded (the test has failed then anyway).
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150);
                    long left;
                    while (inFlight.get() <= bound && (left = deadline - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.timedWait(monitor, left);
                    }
                    inFlight.decrementAndGet();
                }
                return new MockResponse.Builder().code(200).body("{\"company\":[]}").build();
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(threads.submit(() -> api.companies()));
            }
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(arrived.get()).isEqualTo(calls);
        assertThat(max.get()).isEqualTo(bound);
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        ClientSettings defaults = ClientSettings.defaults();
        assertThatThrownBy(() -> new EnirisConnection(new Environment(Environment.Kind.CUSTOM,
                "http://authentication.example.com", "https://api.example.com"), defaults))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https-required");
        assertThatThrownBy(() -> new EnirisConnection(new Environment(Environment.Kind.CUSTOM,
                "https://authentication.example.com", "http://10.0.0.5:8080"), defaults))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnirisConnection(new Environment(Environment.Kind.CUSTOM,
                "ftp://x", "https://api.example.com"), defaults)).isInstanceOf(IllegalArgumentException.class);
        new EnirisConnection(Environment.production(), defaults).close();
        new EnirisConnection(Environment.sandbox("http://localhost:18088"), defaults).close();
        new EnirisConnection(Environment.sandbox("http://127.0.0.1:18088/"), defaults).close();
    }
}
