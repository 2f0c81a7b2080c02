package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 50 clients, each signed in with a session of its own, make 10,000 requests at once (sign-ins, reads of every kind,
 * claims of licenses of their own and claims of the same licenses as other clients): no answer is wrong (a read
 * shows exactly what the estate holds, and every claim confirmed before a read began), no confirmed claim is lost,
 * and of the clients that claim the same license exactly one wins.
 */
class ConcurrentClientsTest {

    private static final int CLIENTS = 50;
    private static final int REQUESTS_PER_CLIENT = 200;
    private static final int OWN_CLAIMS = 4;
    private static final int CONTESTED_KEYS = 20;
    private static final int CONTESTED_CLAIMS = 4;

    private record Fresh(String key, int companyId) {
    }

    private record Contest(String key, String nodeId, int status) {
    }

    @Test
    void fiftyClientsTenThousandRequestsNoWrongAnswerNoLostClaim() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults())) {
            SandboxHttp http = new SandboxHttp(server);
            String admin = http.admin();
            List<JsonObject> companies = http.companies(admin);
            Map<Integer, List<String>> controllers = new HashMap<>();
            Map<String, String> uuids = new HashMap<>();
            Map<String, List<JsonObject>> licensesBefore = new HashMap<>();
            Map<String, Set<String>> claimedBefore = new HashMap<>();
            List<Fresh> fresh = new ArrayList<>();
            for (JsonObject company : companies) {
                int id = company.get("id").getAsInt();
                for (JsonObject d : http.devices(admin, "{\"filter\":{\"companyId\":[" + id + "]}}")) {
                    JsonObject p = d.getAsJsonObject("properties");
                    if (p.get("nodeType").getAsString().equals(Estate.CONTROLLER_TYPE)) {
                        String nodeId = p.get("nodeId").getAsString();
                        controllers.computeIfAbsent(id, k -> new ArrayList<>()).add(nodeId);
                        claimedBefore.put(nodeId, keys(http.controllerLicenses(admin, nodeId)));
                    }
                }
                if (company.has("uuid") && controllers.containsKey(id)) {
                    String uuid = company.get("uuid").getAsString();
                    uuids.put(String.valueOf(id), uuid);
                    licensesBefore.put(uuid, http.customerLicenses(admin, uuid, false));
                    for (JsonObject l : http.customerLicenses(admin, uuid, true)) {
                        if (l.getAsJsonArray("datalinks").isEmpty()) {
                            fresh.add(new Fresh(l.get("key").getAsString(), id));
                        }
                    }
                }
            }
            int needed = CLIENTS * OWN_CLAIMS + CONTESTED_KEYS;
            assertThat(fresh).hasSizeGreaterThanOrEqualTo(needed);
            List<Fresh> own = fresh.subList(0, CLIENTS * OWN_CLAIMS);
            List<Fresh> contested = fresh.subList(CLIENTS * OWN_CLAIMS, needed);
            List<String> nodeIds = controllers.values().stream().flatMap(List::stream).toList();
            List<String> customerUuids = List.copyOf(uuids.values());

            // what the clients find out, and every wrong answer they get
            Map<String, Set<String>> confirmed = new ConcurrentHashMap<>();
            List<String> wrong = new CopyOnWriteArrayList<>();
            List<Contest> contests = new CopyOnWriteArrayList<>();
            AtomicInteger requests = new AtomicInteger();

            List<Callable<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(() -> {
                    String token = http.accessToken(http.login(SandboxAccounts.ADMIN_USERNAME,
                            SandboxAccounts.ADMIN_PASSWORD));
                    requests.addAndGet(2);
                    for (int i = 2; i < REQUESTS_PER_CLIENT; i++) {
                        requests.incrementAndGet();
                        if (i % 50 == 10 && i / 50 < CONTESTED_CLAIMS) {
                            // the same moment in every client: the claims of one license meet
                            Fresh f = contested.get((client * CONTESTED_CLAIMS + i / 50) % CONTESTED_KEYS);
                            List<String> targets = controllers.get(f.companyId());
                            String nodeId = targets.get(client % targets.size());
                            int status = http.post("/v1/license/claim", token, claim(f.key(), nodeId)).status();
                            contests.add(new Contest(f.key(), nodeId, status));
                        } else if (i % 50 == 30 && i / 50 < OWN_CLAIMS) {
                            Fresh f = own.get(client * OWN_CLAIMS + i / 50);
                            String nodeId = controllers.get(f.companyId()).get(0);
                            SandboxHttp.Reply r = http.post("/v1/license/claim", token, claim(f.key(), nodeId));
                            if (r.status() == 200 && r.json().getAsJsonObject("license").get("nodeId").getAsString()
                                    .equals(nodeId)) {
                                confirmed.computeIfAbsent(nodeId, k -> ConcurrentHashMap.newKeySet()).add(f.key());
                            } else {
                                wrong.add("claim " + f.key() + " -> " + r.status() + " " + r.body());
                            }
                        } else if (i % 3 == 0) {
                            SandboxHttp.Reply r = http.get("/v1/company", token);
                            if (r.status() != 200 || !SandboxHttp.objects(r.json().getAsJsonArray("company"))
                                    .equals(companies)) {
                                wrong.add("companies -> " + r.status() + " " + r.body());
                            }
                        } else if (i % 3 == 1) {
                            String uuid = customerUuids.get((client * 7 + i) % customerUuids.size());
                            SandboxHttp.Reply r = http.get("/v1/license/customer/" + uuid, token);
                            if (r.status() != 200 || !SandboxHttp.objects(r.json().getAsJsonArray("licenses"))
                                    .equals(licensesBefore.get(uuid))) {
                                wrong.add("licenses of " + uuid + " -> " + r.status() + " " + r.body());
                            }
                        } else {
                            String nodeId = nodeIds.get((client * 11 + i) % nodeIds.size());
                            Set<String> mustHave = new HashSet<>(claimedBefore.get(nodeId));
                            mustHave.addAll(confirmed.getOrDefault(nodeId, Set.of()));
                            SandboxHttp.Reply r = http.get("/v1/license/controller/" + nodeId, token);
                            if (r.status() != 200 || !keys(SandboxHttp.objects(r.json().getAsJsonArray("licenses")))
                                    .containsAll(mustHave)) {
                                wrong.add("licenses of " + nodeId + " -> " + r.status() + " " + r.body());
                            }
                        }
                    }
                    return null;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                for (Future<Void> f : pool.invokeAll(clients)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(requests.get()).isEqualTo(10_000);
            assertThat(wrong).isEmpty();
            // every claim that got 200 is there when read back
            int confirmedClaims = 0;
            for (Map.Entry<String, Set<String>> e : confirmed.entrySet()) {
                assertThat(keys(http.controllerLicenses(admin, e.getKey()))).containsAll(e.getValue());
                confirmedClaims += e.getValue().size();
            }
            assertThat(confirmedClaims).isEqualTo(CLIENTS * OWN_CLAIMS);
            // of the clients claiming one license, exactly one won; the others were told it is claimed already
            assertThat(contests).hasSize(CLIENTS * CONTESTED_CLAIMS);
            for (Fresh f : contested) {
                List<Contest> mine = contests.stream().filter(x -> x.key().equals(f.key())).toList();
                assertThat(mine).as(f.key()).hasSize(CLIENTS * CONTESTED_CLAIMS / CONTESTED_KEYS);
                assertThat(mine).extracting(Contest::status).as(f.key()).containsOnly(200, 400);
                List<Contest> won = mine.stream().filter(x -> x.status() == 200).toList();
                assertThat(won).as(f.key()).hasSize(1);
                JsonObject license = http.customerLicenses(admin, uuids.get(String.valueOf(f.companyId())), true)
                        .stream().filter(l -> l.get("key").getAsString().equals(f.key())).findFirst().orElseThrow();
                JsonArray links = license.getAsJsonArray("datalinks");
                assertThat(links).as(f.key()).hasSize(1);
                assertThat(keys(http.controllerLicenses(admin, won.get(0).nodeId()))).contains(f.key());
            }
        }
    }

    private static String claim(String key, String nodeId) {
        return "{\"licenseKey\":\"" + key + "\",\"nodeId\":\"" + nodeId + "\"}";
    }

    private static Set<String> keys(List<JsonObject> licenses) {
        Set<String> out = new HashSet<>();
        licenses.forEach(l -> out.add(l.get("key").getAsString()));
        return out;
    }
}
