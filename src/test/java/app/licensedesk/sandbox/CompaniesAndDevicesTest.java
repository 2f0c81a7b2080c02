package app.licensedesk.sandbox;

import static app.licensedesk.sandbox.SandboxHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompaniesAndDevicesTest {

    private static final String CONTROLLERS = "{\"filter\":{\"nodeType\":[\"smartgridControllerSite\"]}}";

    private static SandboxServer server;
    private static SandboxHttp http;
    private static String admin;
    private static String sales;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults());
        http = new SandboxHttp(server);
        admin = http.admin();
        sales = http.sales();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Set<String> nodeIds(List<JsonObject> devices) {
        return devices.stream().map(d -> d.getAsJsonObject("properties").get("nodeId").getAsString())
                .collect(Collectors.toSet());
    }

    @Test
    void adminSeesEveryCompanyAndAFewHaveNoUuid() {
        SandboxHttp.Reply reply = http.get("/v1/company", admin);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        List<JsonObject> companies = SandboxHttp.objects(reply.json().getAsJsonArray("company"));
        assertThat(companies).hasSize(40);
        assertThat(companies).allSatisfy(c -> {
            assertThat(c.get("id").getAsInt()).isPositive();
            assertThat(c.get("name").getAsString()).isNotBlank();
        });
        List<JsonObject> withoutUuid = companies.stream().filter(c -> !c.has("uuid")).toList();
        assertThat(withoutUuid).hasSize(2);
        assertThat(companies.stream().filter(c -> c.has("uuid")).map(c -> c.get("uuid").getAsString()))
                .allMatch(u -> u.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .doesNotHaveDuplicates();
        assertThat(companies.stream().map(c -> c.get("name").getAsString())).doesNotHaveDuplicates()
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void salesSeesAboutAThirdIncludingTheFirstThree() {
        List<JsonObject> all = http.companies(admin);
        List<JsonObject> mine = http.companies(sales);
        assertThat(mine.size()).isBetween(10, 16);
        assertThat(all).containsAll(mine);
        assertThat(mine.subList(0, 3)).isEqualTo(all.subList(0, 3));
    }

    @Test
    void companiesNeedAnAccessToken() {
        http.get("/v1/company", null).errorMessage(401);
        http.get("/v1/company", "nonsense").errorMessage(401);
        http.post("/v1/company", admin, "{}").errorMessage(405);
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405WithTheErrorBody() {
        assertThat(http.get("/v2/nothing", admin).errorMessage(404)).contains("/v2/nothing");
        http.get("/v1/company/", admin).errorMessage(404);
        http.get("/v1/license/controller/", admin).errorMessage(404);
        http.get("/auth/login", null).errorMessage(405);
        http.send("DELETE", "/v1/license/claim", admin, null).errorMessage(405);
        http.post("/v1/license/customer/" + http.companies(admin).get(0).get("uuid").getAsString(), admin, "{}")
                .errorMessage(405);
    }

    @Test
    void deviceQueryReturnsControllersAndChildrenLinkedIntoATree() {
        SandboxHttp.Reply reply = http.post("/v1/device/query", admin, "");
        assertThat(reply.status()).isEqualTo(200);
        List<JsonObject> devices = SandboxHttp.objects(reply.json().getAsJsonArray("device"));
        Map<String, JsonObject> byNodeId = devices.stream().collect(Collectors.toMap(
                d -> d.getAsJsonObject("properties").get("nodeId").getAsString(), Function.identity()));
        List<JsonObject> controllers = devices.stream().filter(d -> "smartgridControllerSite".equals(
                text(d.getAsJsonObject("properties"), "nodeType"))).toList();
        assertThat(controllers).hasSize(150);
        assertThat(devices.size()).isGreaterThan(200);
        assertThat(devices).allSatisfy(d -> {
            assertThat(d.get("id").getAsInt()).isPositive();
            assertThat(Instant.parse(d.get("lastUpdate").getAsString())).isNotNull();
            JsonObject rights = d.getAsJsonObject("userRights");
            assertThat(rights.get("monitorManagement").getAsBoolean()).isTrue();
            assertThat(rights.get("propertyEditabilities").isJsonObject()).isTrue();
        });
        for (JsonObject c : controllers) {
            JsonObject p = c.getAsJsonObject("properties");
            assertThat(p.get("nodeId").getAsString()).matches("SGC-\\d{4}-[A-Z0-9]{4}");
            for (JsonElement child : p.getAsJsonArray("nodeChildrenIds")) {
                JsonObject childProps = byNodeId.get(child.getAsString()).getAsJsonObject("properties");
                assertThat(childProps.get("nodeType").getAsString())
                        .isIn("meter", "battery", "solarInverter", "evCharger");
                assertThat(childProps.getAsJsonArray("nodeParentsIds").get(0).getAsString())
                        .isEqualTo(p.get("nodeId").getAsString());
            }
        }
        assertThat(controllers.stream().map(c -> c.getAsJsonObject("properties"))
                .filter(p -> !p.has("name") && p.has("label"))).isNotEmpty();
        assertThat(controllers.stream().map(c -> c.getAsJsonObject("properties"))
                .filter(p -> !p.has("name") && !p.has("label"))).isNotEmpty();
        assertThat(controllers.stream().map(c -> text(c.getAsJsonObject("properties"), "name"))
                .filter(n -> n != null && n.contains(" – "))).hasSizeGreaterThan(100);
    }

    @Test
    void filtersCombine() {
        Set<String> all = nodeIds(http.devices(admin, "{}"));
        Set<String> union = new HashSet<>();
        int companies = http.companies(admin).size();
        for (int id = 1; id <= companies; id++) {
            Set<String> ofCompany = nodeIds(http.devices(admin, "{\"filter\":{\"companyId\":[" + id + "]}}"));
            assertThat(ofCompany).as("company %d", id).isNotEmpty();
            assertThat(Collections.disjoint(ofCompany, union)).as("company %d overlaps", id).isTrue();
            union.addAll(ofCompany);
        }
        assertThat(union).isEqualTo(all);
        assertThat(nodeIds(http.devices(admin, "{\"filter\":{\"companyId\":[1,2]}}")))
                .hasSizeGreaterThan(nodeIds(http.devices(admin, "{\"filter\":{\"companyId\":[1]}}")).size());

        List<JsonObject> meters = http.devices(admin, "{\"filter\":{\"nodeType\":[\"meter\"]}}");
        assertThat(meters).isNotEmpty().allSatisfy(d -> assertThat(
                d.getAsJsonObject("properties").get("nodeType").getAsString()).isEqualTo("meter"));

        String one = nodeIds(http.devices(admin, CONTROLLERS)).iterator().next();
        assertThat(nodeIds(http.devices(admin, "{\"filter\":{\"nodeId\":[\"" + one + "\",\"NOPE\"]}}")))
                .containsExactly(one);

        Set<String> active = nodeIds(http.devices(admin, "{\"filter\":{\"isActive\":true}}"));
        Set<String> inactive = nodeIds(http.devices(admin, "{\"filter\":{\"isActive\":false}}"));
        assertThat(inactive).isNotEmpty();
        assertThat(Collections.disjoint(active, inactive)).isTrue();
        assertThat(active.size() + inactive.size()).isEqualTo(all.size());

        assertThat(http.devices(admin, "{\"filter\":{\"companyId\":[1],\"nodeType\":[\"smartgridControllerSite\"],"
                + "\"isActive\":true}}")).allSatisfy(d -> assertThat(text(d.getAsJsonObject("properties"),
                "nodeType")).isEqualTo("smartgridControllerSite"));
        assertThat(http.devices(admin, "{\"filter\":{\"companyId\":[]}}")).isEmpty();
    }

    @Test
    void fieldsLimitThePropertiesButKeepNodeId() {
        List<JsonObject> devices = http.devices(admin, "{\"fields\":[\"name\"]}");
        assertThat(devices).allSatisfy(d -> {
            Set<String> keys = d.getAsJsonObject("properties").keySet();
            assertThat(keys).contains("nodeId");
            assertThat(Set.of("nodeId", "name")).containsAll(keys);
        });
        assertThat(devices.stream().filter(d -> d.getAsJsonObject("properties").has("name"))).isNotEmpty();
        assertThat(http.devices(admin, "{\"fields\":[]}")).allSatisfy(d ->
                assertThat(d.getAsJsonObject("properties").keySet()).containsExactly("nodeId"));
    }

    @Test
    void skipHashGives204WhenNothingChanged() {
        SandboxHttp.Reply first = http.post("/v1/device/query", admin, CONTROLLERS);
        String hash = first.json().get("hash").getAsString();
        assertThat(first.header("X-Hash")).isEqualTo(hash);
        String again = "{\"filter\":{\"nodeType\":[\"smartgridControllerSite\"]},\"skipHash\":\"" + hash + "\"}";
        SandboxHttp.Reply skipped = http.post("/v1/device/query", admin, again);
        assertThat(skipped.status()).isEqualTo(204);
        assertThat(skipped.body()).isEmpty();
        SandboxHttp.Reply other = http.post("/v1/device/query", admin, "{\"skipHash\":\"" + hash + "\"}");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("hash").getAsString()).isNotEqualTo(hash);
        assertThat(http.post("/v1/device/query", admin, "{\"skipHash\":\"stale\"}").status()).isEqualTo(200);
    }

    @Test
    void deviceQueryValidatesItsBody() {
        for (String body : new String[] {
            "{\"filters\":{}}",
            "{\"filter\":{\"company\":[1]}}",
            "{\"filter\":{\"companyId\":[\"1\"]}}",
            "{\"filter\":{\"companyId\":[1.5]}}",
            "{\"filter\":{\"companyId\":1}}",
            "{\"filter\":{\"isActive\":\"yes\"}}",
            "{\"filter\":[]}",
            "{\"fields\":[1]}",
            "{\"skipHash\":5}",
            "{\"filter\":",
            "{'filter':{}}",
            "[]",
            "{} {}"}) {
            http.post("/v1/device/query", admin, body).errorMessage(400);
        }
        assertThat(http.post("/v1/device/query", admin, "{\"extra\":1}").errorMessage(400)).contains("extra");
        http.post("/v1/device/query", null, "{}").errorMessage(401);
    }

    @Test
    void salesSeesOnlyDevicesOfItsCompanies() {
        Set<String> everything = nodeIds(http.devices(admin, "{}"));
        List<JsonObject> mine = http.devices(sales, "{}");
        assertThat(nodeIds(mine)).isNotEmpty().isSubsetOf(everything).hasSizeLessThan(everything.size() / 2);
        assertThat(mine).allSatisfy(d ->
                assertThat(d.getAsJsonObject("userRights").get("monitorManagement").getAsBoolean()).isFalse());
        Set<Integer> salesIds = http.companies(sales).stream().map(c -> c.get("id").getAsInt())
                .collect(Collectors.toSet());
        int hidden = http.companies(admin).stream().map(c -> c.get("id").getAsInt())
                .filter(id -> !salesIds.contains(id)).findFirst().orElseThrow();
        assertThat(http.devices(sales, "{\"filter\":{\"companyId\":[" + hidden + "]}}")).isEmpty();
        assertThat(http.devices(admin, "{\"filter\":{\"companyId\":[" + hidden + "]}}")).isNotEmpty();
    }
}
