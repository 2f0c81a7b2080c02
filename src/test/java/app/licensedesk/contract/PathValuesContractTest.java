package app.licensedesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.Failure;
import app.licensedesk.testing.RecordingProxy;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that go into a path segment ({@code /v1/license/controller/{nodeId}}, {@code /v1/license/customer/{id}}),
 * through the real client to the real sandbox behind a recording proxy: each is one percent-encoded segment exactly
 * as expected ({@code /} as %2F, {@code %} as %25, {@code +} kept as a plus, which the sandbox reads as a plus), and
 * the sandbox decodes it back to the very value (its 404 names it); a value that cannot be a segment is refused
 * before anything is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathValuesContractTest {

    private static final String CONTROLLER = "/v1/license/controller/";
    private static final String CUSTOMER = "/v1/license/customer/";

    private SandboxServer sandbox;
    private RecordingProxy proxy;
    private Backend backend;

    @BeforeAll
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(4));
        proxy = new RecordingProxy(sandbox.baseUrl());
        backend = Backends.connect(Environment.sandbox(proxy.baseUrl()),
                TestSettings.fast(Clock.systemUTC(), new RecordingSleeper()));
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
        proxy.close();
        sandbox.close();
    }

    @BeforeEach
    void forget() {
        proxy.clear();
    }

    private List<String> targets(String prefix) {
        return proxy.seen(prefix).stream().map(RecordingProxy.Seen::target).toList();
    }

    private static Failure failure(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        return Failure.of(thrown).orElseThrow(() -> new AssertionError("not a failure: " + thrown, thrown));
    }

    static Stream<Arguments> nodeIds() {
        return Stream.of(
                Arguments.of("a/b", "a%2Fb"),
                Arguments.of("../licenses", "..%2Flicenses"),
                Arguments.of("a?b=c", "a%3Fb=c"),
                Arguments.of("a#b", "a%23b"),
                Arguments.of("site 1", "site%201"),
                Arguments.of(" ", "%20"),
                Arguments.of("100%", "100%25"),
                Arguments.of("%2F", "%252F"),
                Arguments.of("a+b", "a+b"),
                Arguments.of("é", "%C3%A9"),
                Arguments.of("\"q'", "%22q'"),
                Arguments.of("tab\there", "tab%09here"));
    }

    @ParameterizedTest(name = "nodeId \"{0}\" is sent as {1}")
    @MethodSource("nodeIds")
    void aNodeIdIsOneEncodedSegmentAndDecodesBackToItself(String nodeId, String segment) {
        Failure f = failure(() -> backend.service().licensesOfController(nodeId));

        assertThat(targets(CONTROLLER)).containsExactly(CONTROLLER + segment);
        // the sandbox routed it as one segment and decoded exactly the value sent
        assertThat(f.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(f.serverMessage()).isEqualTo("Controller " + nodeId + " not found");
    }

    @ParameterizedTest(name = "nodeId \"{0}\" is refused before sending")
    @MethodSource("app.licensedesk.contract.PathValuesContractTest#notSegments")
    void aValueThatCannotBeASegmentIsNotSent(String nodeId) {
        Failure f = failure(() -> backend.service().licensesOfController(nodeId));

        assertThat(f.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(targets("/v1/")).isEmpty();
    }

    static Stream<String> notSegments() {
        return Stream.of("", ".", "..");
    }

    @Test
    void aRealNodeIdIsSentAsItIs() {
        Customer customer = backend.service().customers().stream().filter(Customer::hasLicenseView).findFirst()
                .orElseThrow();
        Controller controller = backend.service().controllers(List.of(customer)).controllers().get(0);
        proxy.clear();

        List<License> licenses = backend.service().licensesOfController(controller.nodeId());

        assertThat(targets(CONTROLLER)).containsExactly(CONTROLLER + controller.nodeId());
        assertThat(licenses).allSatisfy(l -> assertThat(l.key()).isNotEmpty());
    }

    static Stream<Arguments> customerIds() {
        return Stream.of(
                Arguments.of("not-a-uuid", "not-a-uuid"),
                Arguments.of("1-1-1-1-1", "1-1-1-1-1"),
                Arguments.of("a/b", "a%2Fb"),
                Arguments.of("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b?x", "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b%3Fx"),
                Arguments.of(" 3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b", "%203f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b"));
    }

    @ParameterizedTest(name = "customer id \"{0}\" is sent as {1} and refused")
    @MethodSource("customerIds")
    void aCustomerIdThatIsNotAUuidIsRefusedByTheServer(String id, String segment) {
        Failure f = failure(() -> backend.service().licensesOfCustomer(new Customer(1, id, "Typed")));

        assertThat(targets(CUSTOMER)).containsExactly(CUSTOMER + segment + "?includeDatalinks=true");
        assertThat(f.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(f.httpStatus()).isEqualTo(400);
        assertThat(f.serverMessage()).isEqualTo("customerId must be a UUID");
    }

    @Test
    void aRealCustomerIdInCapitalsIsTheSameCustomer() {
        Customer customer = backend.service().customers().stream().filter(Customer::hasLicenseView).findFirst()
                .orElseThrow();
        List<String> keys = backend.service().licensesOfCustomer(customer).stream().map(License::key).toList();
        proxy.clear();

        String upper = customer.uuid().toUpperCase(Locale.ROOT);
        List<License> same = backend.service().licensesOfCustomer(new Customer(customer.id(), upper, "Typed"));

        assertThat(targets(CUSTOMER)).containsExactly(CUSTOMER + upper + "?includeDatalinks=true");
        assertThat(same).extracting(License::key).containsExactlyElementsOf(keys);
    }
}
