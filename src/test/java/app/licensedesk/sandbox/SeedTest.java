package app.licensedesk.sandbox;

import app.licensedesk.testing.TestClock;
import static app.licensedesk.sandbox.SandboxHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedTest {

    /** The contract's derived status, computed here independently of the sandbox. */
    enum Status { NOT_ACTIVATED, ACTIVE, EXPIRING, EXPIRED, DEACTIVATED }

    private static final String CONTROLLERS = "{\"filter\":{\"nodeType\":[\"smartgridControllerSite\"]}}";
    private static final TestClock CLOCK = TestClock.at(TestClock.START);

    private static SandboxServer server;
    private static SandboxHttp http;
    private static String admin;
    /** Licenses by company id, as the customer endpoint shows them with datalinks. */
    private static final Map<Integer, List<JsonObject>> LICENSES = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withClock(CLOCK));
        http = new SandboxHttp(server);
        admin = http.admin();
        for (JsonObject c : http.companies(admin)) {
            if (c.has("uuid")) {
                LICENSES.put(c.get("id").getAsInt(), http.customerLicenses(admin, text(c, "uuid"), true));
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JsonObject> allLicenses() {
        return LICENSES.values().stream().flatMap(List::stream).toList();
    }

    private static Instant date(JsonObject o, String name) {
        String t = text(o, name);
        return t == null ? null : Instant.parse(t);
    }

    static Status status(JsonObject license, Instant now) {
        Instant activation = date(license, "activationDate");
        Instant deactivation = date(license, "deactivationDate");
        int months = license.get("duration").getAsInt();
        if (deactivation != null && !deactivation.isAfter(now)) {
            return Status.DEACTIVATED;
        }
        if (activation == null) {
            return Status.NOT_ACTIVATED;
        }
        Instant end = deactivation != null ? deactivation
                : months > 0 ? activation.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant() : null;
        if (end == null) {
            return Status.ACTIVE;
        }
        if (!end.isAfter(now)) {
            return Status.EXPIRED;
        }
        return end.isBefore(now.plus(Duration.ofDays(30))) ? Status.EXPIRING : Status.ACTIVE;
    }

    @Test
    void defaultEstateHasTheDocumentedSize() {
        assertThat(http.companies(admin)).hasSize(40);
        assertThat(http.devices(admin, CONTROLLERS)).hasSize(150);
        assertThat(allLicenses()).hasSize(600);
        assertThat(allLicenses().stream().map(l -> text(l, "key"))).doesNotHaveDuplicates();
        assertThat(allLicenses().stream().map(l -> text(l, "id"))).doesNotHaveDuplicates();
    }

    @Test
    void everyStatusAndTypeIsPresent() {
        Map<Status, Long> counts = allLicenses().stream()
                .collect(Collectors.groupingBy(l -> status(l, CLOCK.instant()), Collectors.counting()));
        assertThat(counts.keySet()).isEqualTo(EnumSet.allOf(Status.class));
        assertThat(counts.get(Status.EXPIRING)).isGreaterThanOrEqualTo(10);
        assertThat(allLicenses().stream().filter(l -> date(l, "deactivationDate") != null
                && date(l, "deactivationDate").isAfter(CLOCK.instant()))).isNotEmpty();
        Set<String> types = allLicenses().stream().map(l -> text(l, "type")).collect(Collectors.toSet());
        // Only the documented values by default; the unknown type is an option (see below).
        assertThat(types).containsExactlyInAnyOrder("residential", "commercial");
        assertThat(allLicenses().stream().filter(l -> l.getAsJsonArray("datalinks").isEmpty())).isNotEmpty();
        assertThat(allLicenses().stream().filter(l -> !l.getAsJsonArray("datalinks").isEmpty()))
                .hasSizeGreaterThan(200);
    }

    @Test
    void licensesLookReal() {
        for (JsonObject l : allLicenses()) {
            assertThat(text(l, "key")).hasSizeBetween(1, 50).matches("SG1-(RES|COM|PIL)-[A-Z0-9]{4}-[A-Z0-9]{4}");
            assertThat(text(l, "creationDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(date(l, "creationDate")).isBefore(CLOCK.instant());
            if (date(l, "activationDate") != null) {
                assertThat(date(l, "creationDate")).isBefore(date(l, "activationDate"));
            }
            assertThat(l.get("duration").getAsInt()).isIn(0, 12, 24, 36, 60);
            assertRange(l, "gridKw", 10, 2000);
            assertRange(l, "solarKw", 5, 1500);
            assertRange(l, "batteryKw", 0, 1000);
            assertRange(l, "evKw", 0, 350);
        }
        for (String field : new String[] {"gridKw", "solarKw", "batteryKw", "evKw"}) {
            assertThat(allLicenses().stream().filter(l -> l.get(field).isJsonNull())).as(field).isNotEmpty();
        }
    }

    private static void assertRange(JsonObject l, String field, int min, int max) {
        JsonElement e = l.get(field);
        assertThat(e).as(field).isNotNull();
        if (!e.isJsonNull()) {
            assertThat(e.getAsInt()).as(field).isBetween(min, max);
        }
    }

    @Test
    void claimedLicensesSitOnControllersOfTheirOwnCustomer() {
        Set<String> claimedKeys = allLicenses().stream().filter(l -> !l.getAsJsonArray("datalinks").isEmpty())
                .map(l -> text(l, "key")).collect(Collectors.toSet());
        Set<String> seenOnControllers = new HashSet<>();
        for (Map.Entry<Integer, List<JsonObject>> entry : LICENSES.entrySet()) {
            Set<String> ownKeys = entry.getValue().stream().map(l -> text(l, "key")).collect(Collectors.toSet());
            String query = "{\"filter\":{\"companyId\":[" + entry.getKey()
                    + "],\"nodeType\":[\"smartgridControllerSite\"]}}";
            for (JsonObject controller : http.devices(admin, query)) {
                String nodeId = controller.getAsJsonObject("properties").get("nodeId").getAsString();
                for (JsonObject l : http.controllerLicenses(admin, nodeId)) {
                    assertThat(ownKeys).contains(text(l, "key"));
                    seenOnControllers.add(text(l, "key"));
                }
            }
        }
        assertThat(seenOnControllers).isEqualTo(claimedKeys);
    }

    @Test
    void firstCompanyHasUnclaimedLicensesThatAreNotActivated() {
        assertThat(LICENSES.get(1).stream().filter(l -> l.get("activationDate").isJsonNull()
                && l.getAsJsonArray("datalinks").isEmpty())).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void sameSeedAndClockGiveTheSameEstate() throws Exception {
        try (SandboxServer twin = SandboxServer.start(SandboxOptions.defaults().withClock(CLOCK));
             SandboxServer other = SandboxServer.start(SandboxOptions.defaults().withClock(CLOCK).withSeed(7))) {
            SandboxHttp twinHttp = new SandboxHttp(twin);
            String twinAdmin = twinHttp.admin();
            assertThat(twinHttp.get("/v1/company", twinAdmin).body()).isEqualTo(http.get("/v1/company", admin).body());
            assertThat(twinHttp.post("/v1/device/query", twinAdmin, "{}").body())
                    .isEqualTo(http.post("/v1/device/query", admin, "{}").body());
            String uuid = text(http.companies(admin).get(5), "uuid");
            assertThat(twinHttp.customerLicenses(twinAdmin, uuid, true))
                    .isEqualTo(http.customerLicenses(admin, uuid, true));

            SandboxHttp otherHttp = new SandboxHttp(other);
            assertThat(otherHttp.get("/v1/company", otherHttp.admin()).body())
                    .isNotEqualTo(http.get("/v1/company", admin).body());
        }
    }

    @Test
    void unknownLicenseTypesAreAnOptionThatLeavesTheRestOfTheSeedAlone() throws Exception {
        try (SandboxServer unusual = SandboxServer.start(SandboxOptions.defaults().withClock(CLOCK)
                .withUnknownLicenseTypes(true))) {
            SandboxHttp u = new SandboxHttp(unusual);
            String token = u.admin();
            Map<String, JsonObject> byId = new HashMap<>();
            for (JsonObject c : u.companies(token)) {
                if (c.has("uuid")) {
                    u.customerLicenses(token, text(c, "uuid"), true).forEach(l -> byId.put(text(l, "id"), l));
                }
            }
            assertThat(byId).hasSize(allLicenses().size());
            List<String> pilots = new ArrayList<>();
            for (JsonObject plain : allLicenses()) {
                JsonObject other = byId.get(text(plain, "id"));
                if ("pilot".equals(text(other, "type"))) {
                    pilots.add(text(other, "key"));
                    assertThat(text(plain, "type")).isEqualTo("commercial");
                    assertThat(text(other, "key")).startsWith("SG1-PIL-")
                            .endsWith(text(plain, "key").substring("SG1-COM-".length()));
                    other.addProperty("type", "commercial");
                    other.addProperty("key", text(plain, "key"));
                }
                assertThat(other).isEqualTo(plain);
            }
            assertThat(pilots).hasSize(2);
        }
    }

    @Test
    void scaleGrowsInProportionAndTinyEstatesStillHaveEveryStatus() throws Exception {
        try (SandboxServer small = SandboxServer.start(SandboxOptions.defaults().withCustomers(8).withClock(CLOCK));
             SandboxServer tiny = SandboxServer.start(SandboxOptions.defaults().withCustomers(1).withClock(CLOCK))) {
            SandboxHttp s = new SandboxHttp(small);
            String token = s.admin();
            List<JsonObject> companies = s.companies(token);
            assertThat(companies).hasSize(8);
            assertThat(s.devices(token, CONTROLLERS)).hasSize(30);
            assertThat(companies.stream().filter(c -> c.has("uuid"))
                    .mapToInt(c -> s.customerLicenses(token, text(c, "uuid"), false).size()).sum()).isEqualTo(120);

            SandboxHttp t = new SandboxHttp(tiny);
            String tinyToken = t.admin();
            List<JsonObject> licenses = new ArrayList<>(
                    t.customerLicenses(tinyToken, text(t.companies(tinyToken).get(0), "uuid"), true));
            assertThat(licenses).hasSize(15);
            assertThat(licenses.stream().map(l -> status(l, CLOCK.instant())).collect(Collectors.toSet()))
                    .isEqualTo(EnumSet.allOf(Status.class));
        }
    }
}
