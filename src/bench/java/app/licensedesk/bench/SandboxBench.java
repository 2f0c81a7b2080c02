package app.licensedesk.bench;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Target 7: 50 concurrent clients (each its own HTTP/1.1 connection) send 10,000 requests to each of three servers in
 * turn: the sandbox at {@link #SMALL} customers, a trivial JDK HttpServer with 50 threads that answers the small
 * sandbox's own bytes, and the sandbox at {@link #LARGE} customers. The requests are the two the app makes per
 * customer, taking turns: the customer's licenses and the device query for its controllers. One invocation is one
 * burst to each server, in an order that rotates from one invocation to the next, so the three are compared under
 * the same load of a shared machine. The large estate is asked about a customer whose answers have the sizes of the
 * small estate's (the same requests, not bigger answers). Every answer is compared with the expected body; each
 * burst's time and wrong answers are written to {@code bench.outDir}/sandbox-bursts.txt as "server millis wrong"
 * (the warm-up's as "warm-up server millis wrong").
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SandboxBench {

    static final int CLIENTS = 50;
    static final int REQUESTS = 10_000;
    static final int SMALL = 40;
    static final int LARGE = 400;
    static final String BURSTS = "sandbox-bursts.txt";

    /** The servers of one invocation, by name. */
    static final List<String> SERVERS = List.of("sandbox-" + SMALL, "jdk", "sandbox-" + LARGE);

    /** Where a burst goes (its two requests, taking turns) and what each answer must be. */
    private record Target(String name, List<HttpRequest> requests, List<String> expected) {

        int distance(Target other) {
            return Math.abs(expected.get(0).length() - other.expected.get(0).length())
                    + Math.abs(expected.get(1).length() - other.expected.get(1).length());
        }
    }

    private final List<SandboxServer> sandboxes = new ArrayList<>();
    private HttpServer trivial;
    private ExecutorService trivialThreads;
    private final List<Target> targets = new ArrayList<>();
    private final List<HttpClient> clients = new ArrayList<>();
    private ExecutorService pool;
    private int invocation;
    private final StringBuilder bursts = new StringBuilder();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        pool = Executors.newFixedThreadPool(CLIENTS);
        HttpClient client = clients.get(0);
        Target small = sandboxTarget(client, SMALL, null);
        Target large = sandboxTarget(client, LARGE, small);
        List<byte[]> bodies = small.expected().stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
        trivial = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        trivial.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = bodies.get(exchange.getRequestURI().getPath().startsWith("/v1/device/") ? 1 : 0);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        trivialThreads = Executors.newFixedThreadPool(CLIENTS);
        trivial.setExecutor(trivialThreads);
        trivial.start();
        String jdk = "http://127.0.0.1:" + trivial.getAddress().getPort();
        targets.add(small);
        targets.add(new Target(SERVERS.get(1), small.requests().stream().map(r -> HttpRequest.newBuilder(r,
                (n, v) -> true).uri(URI.create(jdk + r.uri().getRawPath()
                + (r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery()))).build()).toList(),
                small.expected()));
        targets.add(large);
        bursts.append("# answers of ").append(small.expected().get(0).length()).append(" + ")
                .append(small.expected().get(1).length()).append(" and ").append(large.expected().get(0).length())
                .append(" + ").append(large.expected().get(1).length()).append(" bytes\n");
        // Warm-up, not recorded: one burst to each, so the JIT has seen all three before the first measured one.
        for (Target t : targets) {
            record("warm-up " + t.name(), t);
        }
    }

    /**
     * A signed-in sandbox of {@code customers} and the requests about one customer: the first customer with
     * licenses, or (with {@code like} given) the one whose answers' sizes are nearest like's.
     */
    private Target sandboxTarget(HttpClient client, int customers, Target like) throws Exception {
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(customers));
        sandboxes.add(sandbox);
        String base = sandbox.baseUrl();
        String login = "{\"username\":\"" + SandboxAccounts.ADMIN_USERNAME + "\",\"password\":\""
                + SandboxAccounts.ADMIN_PASSWORD + "\"}";
        String refresh = unquote(client.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String bearer = "Bearer " + unquote(client.send(HttpRequest.newBuilder(URI.create(base + "/auth/accesstoken"))
                .header("Authorization", "Bearer " + refresh).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body());
        String companies = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/company"))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Target best = null;
        for (JsonElement e : JsonParser.parseString(companies).getAsJsonObject().getAsJsonArray("company")) {
            JsonObject c = e.getAsJsonObject();
            if (!c.has("uuid")) {
                continue;
            }
            List<HttpRequest> requests = List.of(
                    HttpRequest.newBuilder(URI.create(base + "/v1/license/customer/" + c.get("uuid").getAsString()
                            + "?includeDatalinks=true")).header("Authorization", bearer)
                            .timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpRequest.newBuilder(URI.create(base + "/v1/device/query")).header("Authorization", bearer)
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"filter\":{\"companyId\":["
                                    + c.get("id").getAsInt() + "],\"nodeType\":[\"smartgridControllerSite\"]}}"))
                            .build());
            List<String> answers = new ArrayList<>();
            for (HttpRequest r : requests) {
                answers.add(client.send(r, HttpResponse.BodyHandlers.ofString()).body());
            }
            Target t = new Target("sandbox-" + customers, requests, answers);
            if (best == null || like != null && t.distance(like) < best.distance(like)) {
                best = t;
            }
            if (like == null || best.distance(like) == 0) {
                break;
            }
        }
        return best;
    }

    private static String unquote(String body) {
        String t = body.trim();
        return t.substring(1, t.length() - 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pool.shutdownNow();
        trivial.stop(0);
        trivialThreads.shutdownNow();
        sandboxes.forEach(SandboxServer::close);
        String dir = System.getProperty("bench.outDir");
        if (dir != null) {
            Files.writeString(Path.of(dir, BURSTS), bursts, StandardCharsets.UTF_8);
        }
    }

    /** One burst to each server, starting one further along than the last invocation did. */
    @Benchmark
    public int round() throws Exception {
        int wrong = 0;
        int first = invocation++;
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get((first + i) % targets.size());
            wrong += record(t.name(), t);
        }
        return wrong;
    }

    private int record(String name, Target t) throws Exception {
        long start = System.nanoTime();
        int bad = burst(t);
        bursts.append(String.format(Locale.ROOT, "%s %.3f %d%n", name, (System.nanoTime() - start) / 1e6, bad));
        return bad;
    }

    /** {@link #REQUESTS} requests over {@link #CLIENTS} connections; the number of wrong answers. */
    private int burst(Target target) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (HttpClient client : clients) {
            workers.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < REQUESTS) {
                    int which = n % 2;
                    try {
                        HttpResponse<String> r = client.send(target.requests().get(which),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().equals(target.expected().get(which))) {
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
        return bad.get();
    }
}
