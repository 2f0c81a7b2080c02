package app.licensedesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.FakeEniris;
import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.Resources;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.License.Field;
import app.licensedesk.service.LicenseOutcome.Status;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiLicenseDeskServiceTest {

    private static final Runnable NO_CHECK = () -> {
        throw new AssertionError("no answer is lost here");
    };

    private static final Customer ALFA = new Customer(1, "c0000000-0000-4000-8000-000000000001", "Alfa");
    private static final Customer BETA = new Customer(2, "c0000000-0000-4000-8000-000000000002", "beta");
    private static final Customer GAMMA = new Customer(3, "c0000000-0000-4000-8000-000000000003", "Gamma");
    private static final Customer NO_UUID = new Customer(4, null, "Delta");

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final FakeEniris fake = new FakeEniris(clock);
    private final MockWebServer server = new MockWebServer();
    private final List<JsonObject> deviceQueries = new CopyOnWriteArrayList<>();
    private ClientSettings settings;
    private Backend backend;
    private LicenseDeskService service;

    @BeforeEach
    void start() throws Exception {
        fake.route("GET /v1/company", r -> FakeEniris.json(200, Resources.payload("compiled/company-200.json")));
        fake.route("POST /v1/device/query", this::devices);
        fake.route("GET /v1/license/customer/*", this::customerLicenses);
        server.setDispatcher(fake);
        server.start();
        settings = TestSettings.fast(clock, new RecordingSleeper());
        connect(settings);
    }

    private void connect(ClientSettings clientSettings) {
        if (backend != null) {
            backend.close();
        }
        backend = Backends.connect(TestSettings.environment(server), clientSettings);
        service = backend.service();
        backend.session().signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        backend.close();
        server.close();
    }

    private mockwebserver3.MockResponse devices(RecordedRequest request) {
        JsonObject query = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
        deviceQueries.add(query);
        long company = query.getAsJsonObject("filter").getAsJsonArray("companyId").get(0).getAsLong();
        return switch ((int) company) {
            case 1 -> FakeEniris.json(200, "{\"device\":[" + device(11, "n-11", "Zulu site", null)
                    + "," + device(12, "n-12", null, "alpha label") + "]}");
            case 2 -> FakeEniris.json(200, "{\"device\":[" + device(21, "n-21", "Mike site", null) + "]}");
            case 3 -> FakeEniris.error(403, "Forbidden", "User does not have sufficient rights");
            default -> FakeEniris.json(200, "{\"device\":[]}");
        };
    }

    private static String device(long id, String nodeId, String name, String label) {
        return "{\"id\":" + id + ",\"lastUpdate\":\"2026-02-01T10:00:00Z\",\"properties\":{\"nodeId\":\"" + nodeId
                + "\",\"nodeType\":\"smartgridControllerSite\"" + (name == null ? "" : ",\"name\":\"" + name + "\"")
                + (label == null ? "" : ",\"label\":\"" + label + "\"") + "}}";
    }

    private mockwebserver3.MockResponse customerLicenses(RecordedRequest request) {
        String uuid = request.getUrl().pathSegments().get(3);
        if (uuid.equals(GAMMA.uuid())) {
            return FakeEniris.error(403, "Forbidden", "User does not have sufficient rights");
        }
        return FakeEniris.json(200, "{\"licenses\":[{\"key\":\"K-" + uuid.substring(uuid.length() - 1)
                + "\",\"datalinks\":[\"d-1\"],\"includeDatalinks\":\"" + request.getUrl().queryParameter(
                "includeDatalinks") + "\"}]}");
    }

    @Test
    void customersAreSortedByName() {
        assertThat(service.customers()).extracting(Customer::name)
                .containsExactly("#44", "alfa Energie", "No UUID BV", "Zonnepark Oost");
    }

    @Test
    void controllersComeFromOneQueryPerCustomerSortedAndForbiddenOnesSkipped() {
        ControllerList list = service.controllers(List.of(ALFA, BETA, GAMMA, NO_UUID));
        assertThat(list.failures()).isEmpty(); // Gamma's 403 means "nothing to see", not a failure
        List<Controller> controllers = list.controllers();
        assertThat(controllers).extracting(Controller::name).containsExactly("alpha label", "Mike site",
                "Zulu site");
        assertThat(controllers).extracting(Controller::customerName).containsExactly("Alfa", "beta", "Alfa");
        assertThat(deviceQueries).hasSize(4);
        assertThat(deviceQueries).allSatisfy(q -> assertThat(q.getAsJsonObject("filter").get("nodeType").toString())
                .isEqualTo("[\"smartgridControllerSite\"]"));
        assertThat(deviceQueries).allSatisfy(q -> assertThat(q.keySet()).containsExactly("filter"));
    }

    @Test
    void controllerNodeTypesAreASetting() {
        connect(settings.withControllerNodeTypes(List.of("smartgridControllerSite", "otherController")));
        service.controllers(List.of(ALFA));
        assertThat(deviceQueries.get(0).getAsJsonObject("filter").get("nodeType").toString())
                .isEqualTo("[\"smartgridControllerSite\",\"otherController\"]");
    }

    @Test
    void aCompanyWhoseQueryFailsIsNamedAndTheOthersAreStillListed() {
        fake.route("POST /v1/device/query", r -> {
            long company = JsonParser.parseString(r.getBody().utf8()).getAsJsonObject().getAsJsonObject("filter")
                    .getAsJsonArray("companyId").get(0).getAsLong();
            return company == 2 ? FakeEniris.error(404, "Not Found", "Resource not found") : devices(r);
        });

        ControllerList list = service.controllers(List.of(ALFA, BETA));

        assertThat(list.controllers()).extracting(Controller::nodeId).containsExactly("n-12", "n-11");
        assertThat(list.failures()).containsOnlyKeys(BETA);
        assertThat(list.failures().get(BETA)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void aControllerSeenThroughTwoCompaniesIsListedOnceWithBoth() {
        fake.route("POST /v1/device/query", r -> {
            long company = JsonParser.parseString(r.getBody().utf8()).getAsJsonObject().getAsJsonObject("filter")
                    .getAsJsonArray("companyId").get(0).getAsLong();
            return company == 2 ? FakeEniris.json(200, "{\"device\":[" + device(11, "n-11", "Zulu site", null)
                    + "," + device(21, "n-21", "Mike site", null) + "]}") : devices(r);
        });

        List<Controller> controllers = service.controllers(List.of(ALFA, BETA)).controllers();

        assertThat(controllers).extracting(Controller::nodeId).containsExactly("n-12", "n-21", "n-11");
        Controller shared = controllers.get(2);
        assertThat(shared.customers()).containsExactly(ALFA, BETA);
        assertThat(shared.customerName()).isEqualTo("Alfa, beta");
        assertThat(shared.ownedBy(BETA)).isTrue();
        assertThat(shared.soleCustomer()).isNull();
    }

    @Test
    void aSessionThatEndsFailsTheWholeListSoItIsAskedForAgainAfterThePassword() {
        fake.revokeRefreshTokens();
        fake.expireAccessTokens();
        Throwable thrown = catchThrowable(() -> service.controllers(List.of(ALFA, BETA)));
        assertThat(thrown).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.SIGNED_OUT));
    }

    @Test
    void licensesOfACustomerIncludeDatalinksAndNeedAUuid() {
        List<License> licenses = service.licensesOfCustomer(ALFA);
        assertThat(licenses).singleElement().satisfies(l -> assertThat(l.datalinks()).containsExactly("d-1"));
        assertThat(fake.calls("GET /v1/license/customer/" + ALFA.uuid())).isEqualTo(1);
        assertThat(service.licensesOfCustomer(NO_UUID)).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(3); // login, accesstoken, one license call
    }

    @Test
    void loadLicensesTellsEveryCustomerOnceFromBackgroundThreads() {
        Map<String, Object> outcome = new ConcurrentHashMap<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        service.loadLicenses(List.of(ALFA, BETA, GAMMA, NO_UUID), new LicenseDeskService.CustomerLicensesListener() {
            @Override
            public void loaded(Customer customer, List<License> licenses) {
                assertThat(outcome.put(customer.name(), licenses)).isNull();
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void failed(Customer customer, RuntimeException error) {
                assertThat(outcome.put(customer.name(), error)).isNull();
            }
        }, () -> false);
        assertThat(outcome).containsOnlyKeys("Alfa", "beta", "Gamma", "Delta");
        assertThat(outcome.get("Gamma")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
        assertThat(outcome.get("Delta")).isEqualTo(List.of());
        assertThat((List<?>) outcome.get("Alfa")).hasSize(1);
        assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("license-desk-io-"));
    }

    @Test
    void cancelledLoadsStartNoRequest() {
        List<RuntimeException> errors = new CopyOnWriteArrayList<>();
        int before = server.getRequestCount();
        service.loadLicenses(List.of(ALFA, BETA), new LicenseDeskService.CustomerLicensesListener() {
            @Override
            public void loaded(Customer customer, List<License> licenses) {
                throw new AssertionError("nothing may load");
            }

            @Override
            public void failed(Customer customer, RuntimeException error) {
                errors.add(error);
            }
        }, () -> true);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(CancellationException.class));
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    @Test
    void a401InTheMiddleOfABatchCostsOneRenewal() {
        List<Customer> many = List.of(ALFA, BETA, new Customer(5, "c5", "E"), new Customer(6, "c6", "F"),
                new Customer(7, "c7", "G"), new Customer(8, "c8", "H"));
        service.licensesOfCustomer(ALFA);
        fake.expireAccessTokens();
        List<Customer> loaded = new CopyOnWriteArrayList<>();
        service.loadLicenses(many, new LicenseDeskService.CustomerLicensesListener() {
            @Override
            public void loaded(Customer customer, List<License> licenses) {
                loaded.add(customer);
            }

            @Override
            public void failed(Customer customer, RuntimeException error) {
                throw new AssertionError(customer.name() + " failed", error);
            }
        }, () -> false);
        assertThat(loaded).hasSize(6);
        assertThat(fake.calls("GET /auth/accesstoken")).isEqualTo(2);
    }

    @Test
    void activateReturnsTheServersLicense() {
        fake.route("POST /v1/license/activate", r -> {
            JsonObject body = JsonParser.parseString(r.getBody().utf8()).getAsJsonObject();
            return body.has("activationIso")
                    ? FakeEniris.json(200, Resources.payload("compiled/license-activate-at-200.json"))
                    : FakeEniris.json(200, Resources.payload("documented/license-activate-200.json"));
        });
        LicenseOutcome now = service.activate("string", null, LicenseContext.none(), NO_CHECK);
        assertThat(now.status()).isEqualTo(Status.DONE);
        assertThat(now.license().type()).isEqualTo("residential");
        LicenseOutcome scheduled = service.activate("SG1-IND-0002", Instant.parse("2025-09-01T06:00:00Z"),
                LicenseContext.none(), NO_CHECK);
        assertThat(scheduled.activatedAt()).isEqualTo(Instant.parse("2025-09-01T06:00:00Z"));

        // "success": false is a refusal like a 400; with nowhere to read the license back it stays unexplained
        fake.route("POST /v1/license/activate", r -> FakeEniris.json(200, "{\"success\":false}"));
        LicenseOutcome refused = service.activate("K", null, LicenseContext.none(), NO_CHECK);
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.failure().kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void aClaimSaysWhichControllerTheLicenseIsNowClaimedTo() {
        fake.route("POST /v1/license/claim", r -> FakeEniris.json(200,
                "{\"success\":true,\"license\":{\"id\":\"L-1\",\"key\":\"KEY-1\",\"nodeId\":\"ctrl/1\"}}"));
        LicenseOutcome claimed = service.claim("KEY-1", "ctrl/1", LicenseContext.none(), NO_CHECK);
        assertThat(claimed.status()).isEqualTo(Status.DONE);
        assertThat(claimed.claimedTo()).isEqualTo("ctrl/1");
        assertThat(claimed.license().id()).isEqualTo("L-1");
        assertThat(claimed.license().fields()).containsExactlyInAnyOrder(Field.ID, Field.KEY);
        assertThat(fake.calls("GET /v1/license/controller/ctrl%2F1")).isZero();
    }

    @Test
    void backendsRefusePlainHttpToOtherHostsAndCloseWithoutSigningOut() {
        assertThatThrownBy(() -> Backends.connect(new Environment(Environment.Kind.CUSTOM, "http://auth.example.com",
                "http://api.example.com"), settings)).isInstanceOf(IllegalArgumentException.class);
        backend.close();
        assertThat(fake.calls("POST /auth/logout")).isZero();
        assertThat(backend.environment()).isEqualTo(TestSettings.environment(server));
    }
}
