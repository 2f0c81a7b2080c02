package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FaultsAndLatencyTest {

    /** What a raw client saw. */
    enum Outcome { OK, UNAVAILABLE_JSON, PROXY_HTML, TRUNCATED_JSON, DROPPED, STALLED, OTHER }

    /** One raw HTTP/1.1 exchange on its own socket, so no client library retries or pools hide anything. */
    private static final class RawCall implements Callable<Outcome> {
        final Socket socket;

        RawCall(int port, String path) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(2500);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public Outcome call() throws IOException {
            byte[] data;
            try {
                data = socket.getInputStream().readAllBytes();
            } catch (SocketTimeoutException e) {
                return Outcome.STALLED;
            } catch (SocketException e) {
                return Outcome.DROPPED;
            }
            if (data.length == 0) {
                return Outcome.DROPPED;
            }
            String text = new String(data, StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            return switch (status) {
                case 401 -> Outcome.OK;
                case 503 -> JsonParser.parseString(body).getAsJsonObject().get("statusCode").getAsInt() == 503
                        ? Outcome.UNAVAILABLE_JSON : Outcome.OTHER;
                case 502 -> body.contains("<html>") ? Outcome.PROXY_HTML : Outcome.OTHER;
                case 200 -> isJson(body) ? Outcome.OTHER : Outcome.TRUNCATED_JSON;
                default -> Outcome.OTHER;
            };
        }

        private static boolean isJson(String body) {
            try {
                JsonParser.parseString(body);
                return true;
            } catch (JsonSyntaxException e) {
                return false;
            }
        }
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withCustomers(2)
                .withLatencyMs(250))) {
            SandboxHttp http = new SandboxHttp(server);
            long start = System.nanoTime();
            assertThat(http.get("/v1/company", null).status()).isEqualTo(401);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void fullFaultRateProducesEveryKindOfFaultAndCloseEndsStallsAtOnce() throws Exception {
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withCustomers(2).withFaultRate(1.0));
        List<RawCall> calls = new ArrayList<>();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<Socket> stalled = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            for (int i = 0; i < 24; i++) {
                calls.add(new RawCall(server.port(), "/v1/company"));
            }
            List<Future<Outcome>> results = pool.invokeAll(calls);
            for (int i = 0; i < calls.size(); i++) {
                Outcome o = results.get(i).get();
                counts.merge(o, 1, Integer::sum);
                if (o == Outcome.STALLED) {
                    stalled.add(calls.get(i).socket);
                }
            }
            assertThat(counts.keySet()).containsExactlyInAnyOrder(Outcome.UNAVAILABLE_JSON, Outcome.PROXY_HTML,
                    Outcome.TRUNCATED_JSON, Outcome.DROPPED, Outcome.STALLED);

            long start = System.nanoTime();
            server.close();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
            assertThat(stalled).isNotEmpty();
            for (Socket s : stalled) {
                // The stalled request ends with the server: end of stream or a reset. A SocketTimeoutException
                // (not a SocketException) would escape and fail the test.
                s.setSoTimeout(3000);
                try {
                    s.getInputStream().readAllBytes();
                } catch (SocketException e) {
                    assertThat(e).hasMessageContaining("reset");
                }
            }
        } finally {
            server.close();
            pool.shutdownNow();
            for (RawCall c : calls) {
                c.socket.close();
            }
        }
    }

    @Test
    void partialFaultRateLetsMostRequestsThrough() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withCustomers(2)
                .withFaultRate(0.2).withSeed(3))) {
            List<RawCall> calls = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(30);
            try {
                for (int i = 0; i < 30; i++) {
                    calls.add(new RawCall(server.port(), "/v1/company"));
                }
                long ok = 0;
                for (Future<Outcome> f : pool.invokeAll(calls)) {
                    ok += f.get() == Outcome.OK ? 1 : 0;
                }
                assertThat(ok).isBetween(15L, 29L);
            } finally {
                pool.shutdownNow();
                for (RawCall c : calls) {
                    c.socket.close();
                }
            }
        }
    }

    @Test
    void noFaultsByDefault() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withCustomers(2))) {
            for (int i = 0; i < 20; i++) {
                RawCall call = new RawCall(server.port(), "/v1/company");
                try {
                    assertThat(call.call()).isEqualTo(Outcome.OK);
                } finally {
                    call.socket.close();
                }
            }
        }
    }
}
