package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fault that carries out a claim or an activation and then drops the connection without an answer. */
class ApplyThenDropTest {

    /** Sends one POST on its own socket and returns what came back before the server closed it (maybe nothing). */
    private static byte[] rawPost(SandboxServer server, String path, String bearer, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + bearer + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            try {
                return s.getInputStream().readAllBytes();
            } catch (SocketException e) {
                // A reset is as good as a close here: either way no answer arrived.
                return new byte[0];
            }
        }
    }

    @Test
    void claimAndActivateAreCarriedOutButNeverAnswered() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withCustomers(3)
                .withApplyThenDropRate(1.0))) {
            SandboxHttp http = new SandboxHttp(server);
            // Sign-in and reads are not affected by this switch.
            String admin = http.admin();
            Estate.Company first = server.estate().companies().get(0);
            String key = server.estate().licensesOf(first.id()).get(0).key();
            String nodeId = server.estate().devices().stream()
                    .filter(d -> d.isController() && d.companyId() == first.id()).findFirst().orElseThrow().nodeId();
            assertThat(http.controllerLicenses(admin, nodeId)).noneMatch(l -> SandboxHttp.text(l, "key").equals(key));

            assertThat(rawPost(server, "/v1/license/claim", admin,
                    "{\"licenseKey\":\"" + key + "\",\"nodeId\":\"" + nodeId + "\"}")).isEmpty();
            assertThat(http.controllerLicenses(admin, nodeId)).anyMatch(l -> SandboxHttp.text(l, "key").equals(key));

            assertThat(rawPost(server, "/v1/license/activate", admin, "{\"key\":\"" + key + "\"}")).isEmpty();
            JsonObject activated = http.customerLicenses(admin, first.uuid().toString(), true).stream()
                    .filter(l -> SandboxHttp.text(l, "key").equals(key)).findFirst().orElseThrow();
            assertThat(activated.get("activationDate").isJsonNull()).isFalse();
            assertThat(activated.getAsJsonArray("datalinks")).hasSize(1);

            // A repeat is refused as usual (already claimed) and that answer is lost too; nothing else changes.
            assertThat(rawPost(server, "/v1/license/claim", admin,
                    "{\"licenseKey\":\"" + key + "\",\"nodeId\":\"" + nodeId + "\"}")).isEmpty();
            assertThat(http.controllerLicenses(admin, nodeId).stream()
                    .filter(l -> SandboxHttp.text(l, "key").equals(key))).hasSize(1);
            assertThat(http.post("/v1/device/query", admin, "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void withoutTheSwitchClaimsAreAnswered() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withCustomers(3))) {
            String admin = new SandboxHttp(server).admin();
            String key = server.estate().licensesOf(1).get(0).key();
            String nodeId = server.estate().devices().stream()
                    .filter(d -> d.isController() && d.companyId() == 1).findFirst().orElseThrow().nodeId();
            assertThat(new String(rawPost(server, "/v1/license/claim", admin,
                    "{\"licenseKey\":\"" + key + "\",\"nodeId\":\"" + nodeId + "\"}"), StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 200 OK");
        }
    }

    @Test
    void theFaultMixIncludesItForChangesOnly() {
        Faults mix = new Faults(1.0, 0.0, 42);
        Set<Faults.Kind> onChanges = EnumSet.noneOf(Faults.Kind.class);
        Set<Faults.Kind> onOthers = EnumSet.noneOf(Faults.Kind.class);
        for (int i = 0; i < 300; i++) {
            onChanges.add(mix.next(true));
            onOthers.add(mix.next(false));
        }
        assertThat(onChanges).isEqualTo(EnumSet.allOf(Faults.Kind.class));
        assertThat(onOthers).isEqualTo(EnumSet.complementOf(EnumSet.of(Faults.Kind.APPLY_THEN_DROP)));

        Faults off = new Faults(0.0, 0.0, 42);
        Faults only = new Faults(0.0, 1.0, 42);
        for (int i = 0; i < 50; i++) {
            assertThat(off.next(true)).isNull();
            assertThat(only.next(true)).isEqualTo(Faults.Kind.APPLY_THEN_DROP);
            assertThat(only.next(false)).isNull();
        }
    }
}
