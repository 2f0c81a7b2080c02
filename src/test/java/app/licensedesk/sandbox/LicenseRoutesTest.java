package app.licensedesk.sandbox;

import app.licensedesk.testing.TestClock;
import static app.licensedesk.sandbox.SandboxHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LicenseRoutesTest {

    /** A license that was unclaimed and not activated when the class started. */
    private record Fresh(String key, String id, int companyId, String uuid) {
    }

    private static final Set<String> LICENSE_FIELDS = Set.of("id", "key", "gridKw", "solarKw", "batteryKw",
            "evKw", "creationDate", "activationDate", "duration", "deactivationDate", "type");

    private static final TestClock CLOCK = TestClock.at(TestClock.START);
    private static SandboxServer server;
    private static SandboxHttp http;
    private static String admin;
    private static String sales;
    private static final List<Fresh> FRESH = new ArrayList<>();
    private static final Map<Integer, List<String>> CONTROLLERS = new HashMap<>();
    private static final Map<Integer, String> CHILDREN = new HashMap<>();
    private static Set<Integer> salesCompanies;
    private static long freshInFirstCompany;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withClock(CLOCK));
        http = new SandboxHttp(server);
        admin = http.admin();
        sales = http.sales();
        salesCompanies = http.companies(sales).stream().map(c -> c.get("id").getAsInt()).collect(Collectors.toSet());
        for (JsonObject company : http.companies(admin)) {
            int id = company.get("id").getAsInt();
            for (JsonObject d : http.devices(admin, "{\"filter\":{\"companyId\":[" + id + "]}}")) {
                JsonObject p = d.getAsJsonObject("properties");
                if (p.get("nodeType").getAsString().equals(Estate.CONTROLLER_TYPE)) {
                    CONTROLLERS.computeIfAbsent(id, k -> new ArrayList<>()).add(p.get("nodeId").getAsString());
                } else {
                    CHILDREN.put(id, p.get("nodeId").getAsString());
                }
            }
            if (!company.has("uuid")) {
                continue;
            }
            String uuid = company.get("uuid").getAsString();
            for (JsonObject l : http.customerLicenses(admin, uuid, true)) {
                if (l.get("activationDate").isJsonNull() && l.getAsJsonArray("datalinks").isEmpty()) {
                    FRESH.add(new Fresh(l.get("key").getAsString(), l.get("id").getAsString(), id, uuid));
                }
            }
        }
        freshInFirstCompany = FRESH.stream().filter(f -> f.companyId() == 1).count();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each test takes its own licenses, so the tests do not depend on each other's changes. */
    private static synchronized Fresh take(Predicate<Fresh> wanted) {
        Fresh f = FRESH.stream().filter(wanted).findFirst().orElseThrow();
        FRESH.remove(f);
        return f;
    }

    private static Fresh take() {
        return take(f -> true);
    }

    private static Fresh takeForSales() {
        return take(f -> salesCompanies.contains(f.companyId()));
    }

    private static Fresh takeHiddenFromSales() {
        return take(f -> !salesCompanies.contains(f.companyId()));
    }

    private static String activateBody(String key) {
        return "{\"key\":\"" + key + "\"}";
    }

    private static String claimBody(String key, String nodeId) {
        return "{\"licenseKey\":\"" + key + "\",\"nodeId\":\"" + nodeId + "\"}";
    }

    private static JsonObject licenseInCustomer(Fresh f, boolean datalinks) {
        return http.customerLicenses(admin, f.uuid(), datalinks).stream()
                .filter(l -> l.get("key").getAsString().equals(f.key())).findFirst().orElseThrow();
    }

    @Test
    void firstCompanyHasFreshLicensesForUiTests() {
        assertThat(freshInFirstCompany).isGreaterThanOrEqualTo(EstateSeeder.FRESH_LICENSES_IN_FIRST_COMPANY);
    }

    @Test
    void activateWithoutDateUsesNowAndIsVisibleAtOnce() {
        Fresh f = take();
        SandboxHttp.Reply reply = http.post("/v1/license/activate", admin, activateBody(f.key()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject body = reply.json();
        assertThat(body.get("success").getAsBoolean()).isTrue();
        JsonObject license = body.getAsJsonObject("license");
        assertThat(license.keySet()).isEqualTo(LICENSE_FIELDS);
        assertThat(text(license, "key")).isEqualTo(f.key());
        assertThat(text(license, "id")).isEqualTo(f.id());
        assertThat(text(license, "activationDate")).isEqualTo("2025-03-01T10:00:00.000Z");
        assertThat(text(licenseInCustomer(f, false), "activationDate")).isEqualTo("2025-03-01T10:00:00.000Z");
    }

    @Test
    void activateTakesAnIsoDate() {
        Map<String, String> cases = Map.of(
                "2025-01-15T08:30:00+01:00", "2025-01-15T07:30:00.000Z",
                "2025-02-01T00:00:00Z", "2025-02-01T00:00:00.000Z",
                "2025-02-03T12:00:00.250Z", "2025-02-03T12:00:00.250Z",
                "2025-02-04T12:00:00", "2025-02-04T12:00:00.000Z");
        cases.forEach((iso, expected) -> {
            Fresh f = take();
            SandboxHttp.Reply reply = http.post("/v1/license/activate", admin,
                    "{\"key\":\"" + f.key() + "\",\"activationIso\":\"" + iso + "\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(text(reply.json().getAsJsonObject("license"), "activationDate")).isEqualTo(expected);
            assertThat(text(licenseInCustomer(f, true), "activationDate")).isEqualTo(expected);
        });
    }

    @Test
    void activationHappensOnlyOnce() {
        Fresh f = take();
        http.post("/v1/license/activate", admin,
                "{\"key\":\"" + f.key() + "\",\"activationIso\":\"2025-01-01T00:00:00Z\"}");
        String message = http.post("/v1/license/activate", admin, activateBody(f.key())).errorMessage(400);
        assertThat(message).contains("already activated");
        assertThat(text(licenseInCustomer(f, false), "activationDate")).isEqualTo("2025-01-01T00:00:00.000Z");
    }

    @Test
    void activateValidatesItsBody() {
        Fresh f = take();
        for (String body : new String[] {
            "{\"key\":\"" + f.key() + "\",\"extra\":true}",
            "{\"key\":\"" + f.key() + "\"",
            "{key:\"" + f.key() + "\"}",
            "{\"key\":12345}",
            "{\"key\":\"\"}",
            "{\"key\":\"" + "K".repeat(51) + "\"}",
            "{\"key\":\"" + f.key() + "\",\"activationIso\":\"yesterday\"}",
            "{\"key\":\"" + f.key() + "\",\"activationIso\":\"2025-02-30T10:00:00Z\"}",
            "{\"key\":\"" + f.key() + "\",\"activationIso\":20250101}",
            "{}",
            "",
            "[\"" + f.key() + "\"]"}) {
            http.post("/v1/license/activate", admin, body).errorMessage(400);
        }
        assertThat(licenseInCustomer(f, false).get("activationDate").isJsonNull()).isTrue();
    }

    @Test
    void activationYearsOutside2000To2100AreRefused() {
        Fresh f = take();
        for (String iso : new String[] {"1999-12-31T23:59:59.999Z", "2101-01-01T00:00:00Z",
            "2100-12-31T23:00:00-05:00", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "9999-12-31T00:00:00"}) {
            String body = "{\"key\":\"" + f.key() + "\",\"activationIso\":\"" + iso + "\"}";
            assertThat(http.post("/v1/license/activate", admin, body).errorMessage(400)).as(iso).contains("2000");
        }
        assertThat(licenseInCustomer(f, false).get("activationDate").isJsonNull()).isTrue();
        for (String iso : new String[] {"2000-01-01T00:00:00Z", "2100-12-31T23:59:59.999Z"}) {
            Fresh g = take();
            String body = "{\"key\":\"" + g.key() + "\",\"activationIso\":\"" + iso + "\"}";
            SandboxHttp.Reply r = http.post("/v1/license/activate", admin, body);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(Instant.parse(r.json().getAsJsonObject("license").get("activationDate").getAsString()))
                    .isEqualTo(Instant.parse(iso));
        }
    }

    @Test
    void activateAnswers404ForUnknownKeysAnd401WithoutToken() {
        assertThat(http.post("/v1/license/activate", admin, activateBody("SG1-NOPE-0000-0000")).errorMessage(404))
                .contains("SG1-NOPE-0000-0000");
        assertThat(http.post("/v1/license/activate", admin, activateBody("K".repeat(50))).status()).isEqualTo(404);
        http.post("/v1/license/activate", null, activateBody(take().key())).errorMessage(401);
    }

    @Test
    void salesMayNotActivate() {
        Fresh visible = takeForSales();
        http.post("/v1/license/activate", sales, activateBody(visible.key())).errorMessage(403);
        Fresh hidden = takeHiddenFromSales();
        http.post("/v1/license/activate", sales, activateBody(hidden.key())).errorMessage(404);
        assertThat(licenseInCustomer(visible, false).get("activationDate").isJsonNull()).isTrue();
        assertThat(licenseInCustomer(hidden, false).get("activationDate").isJsonNull()).isTrue();
    }

    @Test
    void claimLinksALicenseToAControllerExactlyOnce() {
        Fresh f = take();
        List<String> controllers = CONTROLLERS.get(f.companyId());
        String controller = controllers.get(0);
        SandboxHttp.Reply reply = http.post("/v1/license/claim", admin, claimBody(f.key(), controller));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("success").getAsBoolean()).isTrue();
        JsonObject brief = reply.json().getAsJsonObject("license");
        assertThat(brief.keySet()).containsExactlyInAnyOrder("id", "key", "nodeId");
        assertThat(text(brief, "id")).isEqualTo(f.id());
        assertThat(text(brief, "key")).isEqualTo(f.key());
        assertThat(text(brief, "nodeId")).isEqualTo(controller);

        assertThat(http.controllerLicenses(admin, controller).stream().filter(l -> text(l, "key").equals(f.key())))
                .hasSize(1).allSatisfy(l -> assertThat(l.keySet()).isEqualTo(LICENSE_FIELDS));
        JsonObject inCustomer = licenseInCustomer(f, true);
        assertThat(inCustomer.getAsJsonArray("datalinks")).hasSize(1);
        UUID.fromString(inCustomer.getAsJsonArray("datalinks").get(0).getAsString());

        String other = controllers.size() > 1 ? controllers.get(1) : controller;
        assertThat(http.post("/v1/license/claim", admin, claimBody(f.key(), controller)).errorMessage(400))
                .contains("already claimed");
        http.post("/v1/license/claim", admin, claimBody(f.key(), other)).errorMessage(400);
        assertThat(licenseInCustomer(f, true).getAsJsonArray("datalinks")).hasSize(1);
        assertThat(http.controllerLicenses(admin, controller).stream().filter(l -> text(l, "key").equals(f.key())))
                .hasSize(1);
    }

    @Test
    void claimAnswers404ForUnknownLicensesOrControllersAnd400ForBadBodies() {
        Fresh f = take();
        String controller = CONTROLLERS.get(f.companyId()).get(0);
        http.post("/v1/license/claim", admin, claimBody("SG1-NOPE-0000-0000", controller)).errorMessage(404);
        http.post("/v1/license/claim", admin, claimBody(f.key(), "SGC-9999-NOPE")).errorMessage(404);
        String child = CHILDREN.values().iterator().next();
        http.post("/v1/license/claim", admin, claimBody(f.key(), child)).errorMessage(404);
        for (String body : new String[] {
            "{\"licenseKey\":\"" + f.key() + "\",\"nodeId\":\"" + controller + "\",\"force\":true}",
            "{\"licenseKey\":\"" + f.key() + "\",\"nodeId\":\"\"}",
            "{\"licenseKey\":\"" + f.key() + "\",\"nodeId\":17}",
            "{\"licenseKey\":\"" + f.key() + "\"}",
            "{\"key\":\"" + f.key() + "\",\"nodeId\":\"" + controller + "\"}",
            "{\"licenseKey\":\"" + "K".repeat(51) + "\",\"nodeId\":\"" + controller + "\"}",
            "{\"licenseKey\":\"\",\"nodeId\":\"" + controller + "\"}",
            "{\"licenseKey\":\"" + f.key()}) {
            http.post("/v1/license/claim", admin, body).errorMessage(400);
        }
        http.post("/v1/license/claim", "nonsense", claimBody(f.key(), controller)).errorMessage(401);
        assertThat(licenseInCustomer(f, true).getAsJsonArray("datalinks")).isEmpty();
    }

    @Test
    void salesMayClaimWithinItsCompaniesOnly() {
        Fresh visible = takeForSales();
        String ownController = CONTROLLERS.get(visible.companyId()).get(0);
        int hiddenCompany = CONTROLLERS.keySet().stream().filter(id -> !salesCompanies.contains(id))
                .findFirst().orElseThrow();
        String hiddenController = CONTROLLERS.get(hiddenCompany).get(0);

        http.post("/v1/license/claim", sales, claimBody(visible.key(), hiddenController)).errorMessage(404);
        http.post("/v1/license/claim", sales, claimBody(takeHiddenFromSales().key(), ownController))
                .errorMessage(404);
        assertThat(http.post("/v1/license/claim", sales, claimBody(visible.key(), ownController)).status())
                .isEqualTo(200);
        assertThat(http.controllerLicenses(sales, ownController).stream().map(l -> text(l, "key")))
                .contains(visible.key());
    }

    @Test
    void controllerEndpointChecksTheController() {
        String controller = CONTROLLERS.get(1).get(0);
        assertThat(http.get("/v1/license/controller/" + controller.replace("-", "%2D"), admin).status())
                .isEqualTo(200);
        assertThat(http.get("/v1/license/controller/SGC-9999-NOPE", admin).errorMessage(404))
                .contains("SGC-9999-NOPE");
        http.get("/v1/license/controller/" + CHILDREN.values().iterator().next(), admin).errorMessage(404);
        http.get("/v1/license/controller/no%20such%2Fnode", admin).errorMessage(404);
        http.get("/v1/license/controller/" + controller, null).errorMessage(401);
        int hiddenCompany = CONTROLLERS.keySet().stream().filter(id -> !salesCompanies.contains(id))
                .findFirst().orElseThrow();
        http.get("/v1/license/controller/" + CONTROLLERS.get(hiddenCompany).get(0), sales).errorMessage(404);
    }

    @Test
    void customerEndpointValidatesAndChecksAccess() {
        String first = http.companies(admin).get(0).get("uuid").getAsString();
        List<JsonObject> plain = http.customerLicenses(admin, first, false);
        assertThat(plain).isNotEmpty().allSatisfy(l -> assertThat(l.keySet()).isEqualTo(LICENSE_FIELDS));
        assertThat(SandboxHttp.objects(http.get("/v1/license/customer/" + first, admin).json()
                .getAsJsonArray("licenses"))).allSatisfy(l -> assertThat(l.has("datalinks")).isFalse());
        assertThat(http.customerLicenses(admin, first, true))
                .allSatisfy(l -> assertThat(l.get("datalinks").isJsonArray()).isTrue());
        assertThat(http.customerLicenses(admin, first.toUpperCase(Locale.ROOT), false)).hasSameSizeAs(plain);

        http.get("/v1/license/customer/" + first + "?includeDatalinks=maybe", admin).errorMessage(400);
        http.get("/v1/license/customer/not-a-uuid", admin).errorMessage(400);
        http.get("/v1/license/customer/12345", admin).errorMessage(400);
        http.get("/v1/license/customer/" + UUID.randomUUID(), admin).errorMessage(404);
        http.get("/v1/license/customer/" + first, null).errorMessage(401);

        Fresh hidden = takeHiddenFromSales();
        http.get("/v1/license/customer/" + hidden.uuid(), sales).errorMessage(403);
        assertThat(http.customerLicenses(sales, first, true)).hasSameSizeAs(plain);
    }

    @Test
    void concurrentClaimsOfOneLicenseLinkItOnce() throws Exception {
        Fresh f = take();
        List<String> controllers = CONTROLLERS.get(f.companyId());
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String controller = controllers.get(i % controllers.size());
            calls.add(() -> http.post("/v1/license/claim", admin, claimBody(f.key(), controller)).status());
        }
        assertThat(runAll(calls)).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
        assertThat(licenseInCustomer(f, true).getAsJsonArray("datalinks")).hasSize(1);
    }

    @Test
    void concurrentActivationsOfOneLicenseHappenOnce() throws Exception {
        Fresh f = take();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> http.post("/v1/license/activate", admin, activateBody(f.key())).status());
        }
        assertThat(runAll(calls)).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
    }

    private static List<Integer> runAll(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
