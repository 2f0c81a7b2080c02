package app.licensedesk.bench;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Target 7: 50 concurrent clients (each its own HTTP/1.1 connection) send 10,000 requests for one customer's
 * licenses, to the sandbox or to a trivial JDK HttpServer with 50 threads that answers the sandbox's own bytes. One
 * invocation is the whole burst; every answer is compared with the expected body, and wrong answers are counted to
 * {@code bench.outDir}/sandbox-wrong-SERVER-CUSTOMERS.txt.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SandboxBench {

    static final int CLIENTS = 50;
    static final int REQUESTS = 10_000;

    @Param({"sandbox"})
    public String server;

    @Param({"40"})
    public int customers;

    private SandboxServer sandbox;
    private HttpServer trivial;
    private ExecutorService trivialThreads;
    private String url;
    private String bearer;
    private String expected;
    private final List<HttpClient> clients = new ArrayList<>();
    private ExecutorService pool;
    private final List<Integer> wrong = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(customers));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = sandbox.baseUrl();
        String login = "{\"username\":\"" + SandboxAccounts.ADMIN_USERNAME + "\",\"password\":\""
                + SandboxAccounts.ADMIN_PASSWORD + "\"}";
        String refresh = unquote(client.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        bearer = unquote(client.send(HttpRequest.newBuilder(URI.create(base + "/auth/accesstoken"))
                .header("Authorization", "Bearer " + refresh).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body());
        String companies = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/company"))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String uuid = JsonParser.parseString(companies).getAsJsonObject().getAsJsonArray("company").get(0)
                .getAsJsonObject().get("uuid").getAsString();
        String path = "/v1/license/customer/" + uuid + "?includeDatalinks=true";
        expected = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer "
                + bearer).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        if (server.equals("sandbox")) {
            url = base + path;
        } else {
            byte[] body = expected.getBytes(StandardCharsets.UTF_8);
            trivial = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            trivial.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            trivialThreads = Executors.newFixedThreadPool(CLIENTS);
            trivial.setExecutor(trivialThreads);
            trivial.start();
            url = "http://127.0.0.1:" + trivial.getAddress().getPort() + path;
        }
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    private static String unquote(String body) {
        String t = body.trim();
        return t.substring(1, t.length() - 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pool.shutdownNow();
        if (trivial != null) {
            trivial.stop(0);
            trivialThreads.shutdownNow();
        }
        sandbox.close();
        String dir = System.getProperty("bench.outDir");
        if (dir != null) {
            StringBuilder lines = new StringBuilder();
            wrong.forEach(w -> lines.append(w).append('\n'));
            Files.writeString(Path.of(dir, "sandbox-wrong-" + server + "-" + customers + ".txt"), lines,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Benchmark
    public int burst() throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(30)).GET().build();
        List<Future<?>> workers = new ArrayList<>();
        for (HttpClient client : clients) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < REQUESTS) {
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().equals(expected)) {
                            bad.incrementAndGet();
                        }
                    } catch (IOException e) {
                        bad.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        wrong.add(bad.get());
        return bad.get();
    }
}
