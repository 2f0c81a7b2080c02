package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's HTTP layer over raw sockets: malformed requests, slow clients, keep-alive, chunked bodies. */
class WireServerTest {

    /** A raw answer: status line code, headers block and body, as the bytes came. */
    record Raw(int status, String head, String body) {

        JsonObject errorBody(int expected) {
            assertThat(status).as(head + body).isEqualTo(expected);
            assertThat(head).containsIgnoringCase("Content-Type: application/json");
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            assertThat(o.get("statusCode").getAsInt()).isEqualTo(expected);
            assertThat(o.get("error").getAsString()).isNotBlank();
            assertThat(o.get("message").getAsString()).isNotBlank();
            return o;
        }
    }

    private SandboxServer server;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withCustomers(3));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends the bytes on a new connection and reads until the server closes it. */
    private Raw exchange(String request) throws IOException {
        try (Socket s = open()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return parse(s.getInputStream().readAllBytes());
        }
    }

    private static Raw parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        assertThat(text).startsWith("HTTP/1.1 ");
        int split = text.indexOf("\r\n\r\n");
        return new Raw(Integer.parseInt(text.substring(9, 12)), text.substring(0, split), text.substring(split + 4));
    }

    @Test
    void malformedPercentEncodingIsAJson400() throws Exception {
        String access = new SandboxHttp(server).admin();
        for (String target : List.of("/v1/license/controller/%zz", "/v1/license/controller/abc%",
                "/v1/license/customer/%E0%A4%A", "/v1/company?x=%zz")) {
            Raw r = exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + access
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(r.errorBody(400).get("message").getAsString()).as(target).contains("percent-encoding");
        }
    }

    @Test
    void requestsThatCannotBeParsedGetTheJsonErrorBody() throws Exception {
        for (String request : List.of("GARBAGE\r\n\r\n", "GET /v1/company\r\n\r\n",
                "GET /v1/company HTTP/1.1\r\nNo colon here\r\n\r\n",
                "GET v1/company HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /auth/login HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                "POST /auth/login HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                "POST /auth/login HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
                "POST /auth/login HTTP/1.1\r\nContent-Length: 9999999\r\n\r\n")) {
            Raw r = exchange(request);
            r.errorBody(400);
            assertThat(r.head()).as(request).contains("Connection: close");
        }
    }

    @Test
    void keepAliveChunkedBodiesAndExpectContinueWork() throws Exception {
        String login = SandboxHttp.loginBody(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD);
        String half = login.substring(0, 10);
        String rest = login.substring(10);
        try (Socket s = open()) {
            s.getOutputStream().write(("POST /auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Expect: 100-continue\r\n\r\n" + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n"
                    + Integer.toHexString(rest.length()) + ";ext=1\r\n" + rest + "\r\n0\r\n\r\n"
                    + "GET /v1/company HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n");
            assertThat(all).contains("Content-Type: text/plain", "\r\n\r\n\"eyJ");
            // The second request on the same connection got its own answer, then the connection closed.
            assertThat(all.substring(all.indexOf("HTTP/1.1 200 OK") + 5)).contains("HTTP/1.1 401 Unauthorized\r\n");
        }
    }

    @Test
    void noContentAnswersHaveNoBodyAndNoLength() throws Exception {
        SandboxHttp http = new SandboxHttp(server);
        String refresh = http.login(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD);
        Raw r = exchange("POST /auth/logout HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + refresh
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.head()).doesNotContainIgnoringCase("Content-Length");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void fortyStalledClientsDoNotBlockOthersAndAreCutOffAtTheDeadline() throws Exception {
        List<Socket> halfHeaders = new ArrayList<>();
        List<Socket> halfBodies = new ArrayList<>();
        List<Socket> silent = new ArrayList<>();
        try {
            // 40 half-sent requests (more than any fixed pool of worker threads the JDK server used), plus 8
            // connections that never send a byte.
            for (int i = 0; i < 48; i++) {
                Socket s = open();
                if (i >= 40) {
                    silent.add(s);
                    continue;
                }
                String half = i % 2 == 0 ? "GET /v1/company HTTP/1.1\r\nHost: 127.0."
                        : "POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 60\r\n\r\n{\"username\":";
                s.getOutputStream().write(half.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                (i % 2 == 0 ? halfHeaders : halfBodies).add(s);
            }
            long start = System.nanoTime();
            // A normal client is answered at once, although 40 connections are stuck in their requests.
            assertThat(new SandboxHttp(server).get("/v1/company", null).errorMessage(401)).isNotBlank();
            assertThat(millisSince(start)).isLessThan(1000);

            // The stalled requests end at the deadline: a 408 with the error body for the half-sent ones,
            // a plain close for the connections that never sent a byte.
            for (Socket s : halfHeaders) {
                parse(readToEnd(s)).errorBody(408);
            }
            for (Socket s : halfBodies) {
                parse(readToEnd(s)).errorBody(408);
            }
            for (Socket s : silent) {
                assertThat(readToEnd(s)).isEmpty();
            }
            assertThat(millisSince(start)).isBetween(WireServer.REQUEST_DEADLINE_MILLIS - 1500L,
                    WireServer.REQUEST_DEADLINE_MILLIS + 3000L);
        } finally {
            for (List<Socket> list : List.of(halfHeaders, halfBodies, silent)) {
                for (Socket s : list) {
                    s.close();
                }
            }
        }
    }

    private static byte[] readToEnd(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            return in.readAllBytes();
        } catch (SocketException e) {
            return new byte[0];
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
