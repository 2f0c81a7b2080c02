package app.licensedesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.AuthClient;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.EnirisClient;
import app.licensedesk.api.EnirisConnection;
import app.licensedesk.api.LoginResult;
import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.sandbox.Totp;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.session.TokenSession;
import java.text.Collator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real client (Backends.connect) against the real sandbox, for every endpoint and every documented error.
 * One sandbox serves the class; tests that change licenses pick licenses no other test touches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxContractTest {

    /** No answer of these tests is lost: nothing is read back after a lost answer. */
    private static final Runnable NO_CHECK = () -> {
        throw new AssertionError("no answer should be lost here");
    };

    private static final String CONTROLLER_TYPE = "smartgridControllerSite";

    private final TestClock clock = TestClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final List<Backend> backends = new ArrayList<>();
    private final Set<String> usedKeys = new HashSet<>();
    private SandboxServer sandbox;
    private ClientSettings settings;

    @BeforeAll
    void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withClock(clock));
        settings = TestSettings.fast(clock, new RecordingSleeper());
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void closeBackends() {
        backends.forEach(Backend::close);
        backends.clear();
    }

    private Backend connect() {
        Backend backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()), settings);
        backends.add(backend);
        return backend;
    }

    private Backend signedIn(String username, String password) {
        Backend backend = connect();
        assertThat(backend.session().signIn(username, password.toCharArray())).isEqualTo(SessionState.SIGNED_IN);
        return backend;
    }

    private Backend admin() {
        return signedIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD);
    }

    private static ApiException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    /** A license of a customer that is neither activated, deactivated nor claimed, not used by another test. */
    private synchronized License freshLicense(LicenseDeskService service, Customer customer) {
        return service.licensesOfCustomer(customer).stream()
                .filter(l -> l.activationDate() == null && l.deactivationDate() == null && l.datalinks().isEmpty())
                .filter(l -> usedKeys.add(l.key()))
                .findFirst().orElseThrow(() -> new AssertionError("no fresh license for " + customer));
    }

    /** A customer with a license view and at least one controller. */
    private static Customer customerWithControllers(LicenseDeskService service, List<Customer> customers,
                                                    int index) {
        List<Customer> withControllers = customers.stream().filter(Customer::hasLicenseView)
                .filter(c -> !service.controllers(List.of(c)).controllers().isEmpty()).toList();
        return withControllers.get(index % withControllers.size());
    }

    // --- sign-in -----------------------------------------------------------------------------------------------

    private static Comparator<String> namesAsPeopleSortThem() {
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.SECONDARY);
        return collator::compare;
    }

    @Test
    void signInAndCustomers() {
        Backend backend = admin();
        assertThat(backend.session().username()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        List<Customer> customers = backend.service().customers();
        assertThat(customers).hasSizeGreaterThanOrEqualTo(10);
        assertThat(customers).extracting(Customer::name).isSortedAccordingTo(namesAsPeopleSortThem());
        assertThat(customers).filteredOn(Customer::hasLicenseView).isNotEmpty();
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        Backend backend = connect();
        ApiException e = failure(() -> backend.session().signIn(SandboxAccounts.ADMIN_USERNAME,
                "not-the-password".toCharArray()));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEqualTo("PASSWORD_INCORRECT");
        assertThat(backend.session().state()).isEqualTo(SessionState.SIGNED_OUT);
    }

    @Test
    void repeatedWrongPasswordsAreRateLimitedWithRetryAfter() {
        Backend backend = connect();
        String user = "nobody-" + UUID.randomUUID() + "@sandbox.test";
        ApiException last = null;
        for (int i = 0; i < 10 && (last == null || last.kind() == ErrorKind.UNAUTHORIZED); i++) {
            last = failure(() -> backend.session().signIn(user, "wrong".toCharArray()));
        }
        assertThat(last.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(last.errorCode()).isEqualTo("TOO_MANY_FAILED_PASSWORD_CHECKS");
        assertThat(last.retryAfter()).isPositive();
    }

    @Test
    void twoFactorWithTotp() {
        Backend backend = connect();
        assertThat(backend.session().signIn(SandboxAccounts.TWO_FACTOR_USERNAME,
                SandboxAccounts.TWO_FACTOR_PASSWORD.toCharArray())).isEqualTo(SessionState.TWO_FACTOR_REQUIRED);
        assertThat(failure(() -> backend.service().customers()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        String code = Totp.code(SandboxAccounts.TOTP_SECRET, clock.instant());
        String wrong = code.equals("000000") ? "111111" : "000000";
        ApiException refused = failure(() -> backend.session().completeTwoFactor(TwoFactorMethod.TOTP, wrong));
        assertThat(refused.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(backend.session().state()).isEqualTo(SessionState.TWO_FACTOR_REQUIRED);
        backend.session().completeTwoFactor(TwoFactorMethod.TOTP, code);
        assertThat(backend.session().state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(backend.service().customers()).isNotEmpty();
    }

    @Test
    void twoFactorWithAnEmailedCode() {
        Backend backend = connect();
        backend.session().signIn(SandboxAccounts.TWO_FACTOR_USERNAME,
                SandboxAccounts.TWO_FACTOR_PASSWORD.toCharArray());
        backend.session().requestEmailCode();
        String code = sandbox.lastEmailCode(SandboxAccounts.TWO_FACTOR_USERNAME);
        assertThat(code).matches("\\d{6}");
        backend.session().completeTwoFactor(TwoFactorMethod.EMAIL_OTP, code);
        assertThat(backend.service().customers()).isNotEmpty();
    }

    @Test
    void twoFactorWithARecoveryCodeThatWorksOnce() {
        String recoveryCode = SandboxAccounts.RECOVERY_CODES.get(0);
        Backend first = connect();
        first.session().signIn(SandboxAccounts.TWO_FACTOR_USERNAME, SandboxAccounts.TWO_FACTOR_PASSWORD.toCharArray());
        first.session().completeTwoFactor(TwoFactorMethod.RECOVERY_CODE, recoveryCode);
        assertThat(first.session().state()).isEqualTo(SessionState.SIGNED_IN);

        Backend second = connect();
        second.session().signIn(SandboxAccounts.TWO_FACTOR_USERNAME,
                SandboxAccounts.TWO_FACTOR_PASSWORD.toCharArray());
        assertThat(failure(() -> second.session().completeTwoFactor(TwoFactorMethod.RECOVERY_CODE, recoveryCode))
                .kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
    }

    // --- customers, controllers, licenses ----------------------------------------------------------------------

    @Test
    void controllersOfEveryCustomer() {
        LicenseDeskService service = admin().service();
        List<Customer> customers = service.customers();
        ControllerList list = service.controllers(customers);
        assertThat(list.failures()).isEmpty();
        List<Controller> controllers = list.controllers();
        assertThat(controllers).hasSizeGreaterThanOrEqualTo(customers.size());
        assertThat(controllers).allSatisfy(c -> {
            assertThat(c.nodeType()).isEqualTo(CONTROLLER_TYPE);
            assertThat(c.name()).isNotBlank();
            assertThat(c.customers()).isNotEmpty().isSubsetOf(customers);
            assertThat(c.lastUpdate()).isNotNull();
        });
        assertThat(controllers).isSortedAccordingTo(Comparator.comparing(Controller::name,
                namesAsPeopleSortThem()));
        // "Bäckerei" among the Bs, not after the Zs
        List<String> names = customers.stream().map(Customer::name).toList();
        assertThat(names.indexOf("Bäckerei Eifel GmbH")).isBetween(0, names.indexOf("Brasserie Leroy"));
        assertThat(controllers).extracting(Controller::nodeId).doesNotHaveDuplicates();
    }

    @Test
    void licensesOfCustomersCarryDatalinksOnceClaimed() {
        LicenseDeskService service = admin().service();
        List<Customer> customers = service.customers();
        List<License> all = new ArrayList<>();
        for (Customer customer : customers) {
            List<License> licenses = service.licensesOfCustomer(customer);
            if (!customer.hasLicenseView()) {
                assertThat(licenses).isEmpty();
            }
            all.addAll(licenses);
        }
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(all).allSatisfy(l -> {
            assertThat(l.id()).isNotNull();
            assertThat(l.key()).hasSizeBetween(1, 50);
            assertThat(l.creationDate()).isNotNull();
        });
        assertThat(all).extracting(License::type).contains("residential", "commercial");
        assertThat(all).filteredOn(l -> !l.datalinks().isEmpty()).isNotEmpty();
        assertThat(all).filteredOn(l -> l.datalinks().isEmpty()).isNotEmpty();
        assertThat(all).filteredOn(l -> l.activationDate() == null).isNotEmpty();
        assertThat(all).filteredOn(l -> l.deactivationDate() != null).isNotEmpty();
        assertThat(all).filteredOn(l -> l.gridKw() == null).isNotEmpty();
    }

    @Test
    void loadLicensesOfAllCustomersConcurrently() {
        LicenseDeskService service = admin().service();
        List<Customer> customers = service.customers();
        List<Customer> reported = new CopyOnWriteArrayList<>();
        service.loadLicenses(customers, new LicenseDeskService.CustomerLicensesListener() {
            @Override
            public void loaded(Customer customer, List<License> licenses) {
                reported.add(customer);
            }

            @Override
            public void failed(Customer customer, RuntimeException error) {
                throw new AssertionError(customer + " failed", error);
            }
        }, () -> false);
        assertThat(reported).containsExactlyInAnyOrderElementsOf(customers);
    }

    @Test
    void licensesOfControllersAreTheClaimedOnes() {
        LicenseDeskService service = admin().service();
        List<Controller> controllers = service.controllers(service.customers()).controllers();
        License found = null;
        String holder = null;
        for (Controller controller : controllers) {
            List<License> licenses = service.licensesOfController(controller.nodeId());
            if (!licenses.isEmpty()) {
                found = licenses.get(0);
                holder = controller.nodeId();
                break;
            }
        }
        assertThat(found).as("some controller holds a license").isNotNull();
        // claiming it again is refused, and the read-back names the controller that holds it
        LicenseOutcome again = service.claim(found.key(), holder, LicenseContext.none(), NO_CHECK);
        assertThat(again.status()).isEqualTo(Status.ALREADY);
        assertThat(again.claimedTo()).isEqualTo(holder);
        assertThat(again.failure().httpStatus()).isEqualTo(400);
    }

    @Test
    void activateNowThenAgainIsRefused() {
        LicenseDeskService service = admin().service();
        Customer customer = service.customers().stream().filter(Customer::hasLicenseView).findFirst().orElseThrow();
        License license = freshLicense(service, customer);
        LicenseOutcome done = service.activate(license.key(), null, new LicenseContext(customer, List.of()), NO_CHECK);
        assertThat(done.status()).isEqualTo(Status.DONE);
        License activated = done.license();
        assertThat(activated.key()).isEqualTo(license.key());
        assertThat(activated.activationDate()).isCloseTo(clock.instant(), within());
        assertThat(service.licensesOfCustomer(customer)).filteredOn(l -> l.key().equals(license.key()))
                .singleElement().satisfies(l -> assertThat(l.activationDate()).isEqualTo(activated.activationDate()));

        // refused, and the read-back from the customer's licenses says since when it is activated
        LicenseOutcome again = service.activate(license.key(), null, new LicenseContext(customer, List.of()),
                NO_CHECK);
        assertThat(again.status()).isEqualTo(Status.ALREADY);
        assertThat(again.activatedAt()).isEqualTo(activated.activationDate());
        assertThat(again.failure().kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(again.failure().httpStatus()).isEqualTo(400);
    }

    @Test
    void activateAtADate() {
        LicenseDeskService service = admin().service();
        Customer customer = service.customers().stream().filter(Customer::hasLicenseView).skip(1).findFirst()
                .orElseThrow();
        License license = freshLicense(service, customer);
        Instant at = Instant.parse("2027-01-01T09:30:00Z");
        assertThat(service.activate(license.key(), at, LicenseContext.none(), NO_CHECK).activatedAt()).isEqualTo(at);
    }

    @Test
    void claimLinksALicenseToAControllerOnce() {
        LicenseDeskService service = admin().service();
        List<Customer> customers = service.customers();
        Customer customer = customerWithControllers(service, customers, 2);
        Controller controller = service.controllers(List.of(customer)).controllers().get(0);
        License license = freshLicense(service, customer);

        LicenseOutcome result = service.claim(license.key(), controller.nodeId(), LicenseContext.none(), NO_CHECK);
        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.key()).isEqualTo(license.key());
        assertThat(result.claimedTo()).isEqualTo(controller.nodeId());
        assertThat(result.license().id()).isEqualTo(license.id());
        assertThat(service.licensesOfController(controller.nodeId())).extracting(License::key)
                .contains(license.key());
        assertThat(service.licensesOfCustomer(customer)).filteredOn(l -> l.key().equals(license.key()))
                .singleElement().satisfies(l -> assertThat(l.datalinks()).hasSize(1));

        LicenseOutcome again = service.claim(license.key(), controller.nodeId(), LicenseContext.none(), NO_CHECK);
        assertThat(again.status()).isEqualTo(Status.ALREADY);
        assertThat(again.claimedTo()).isEqualTo(controller.nodeId());
        assertThat(again.failure().kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void unknownThingsAreNotFound() {
        LicenseDeskService service = admin().service();
        List<Customer> customers = service.customers();
        Customer customer = customerWithControllers(service, customers, 3);
        Controller controller = service.controllers(List.of(customer)).controllers().get(0);
        License license = freshLicense(service, customer);

        assertThat(failure(() -> service.activate("NO-SUCH-KEY-1", null, LicenseContext.none(), NO_CHECK)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure(() -> service.claim("NO-SUCH-KEY-1", controller.nodeId(), LicenseContext.none(),
                NO_CHECK)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure(() -> service.claim(license.key(), "no-such-controller", LicenseContext.none(),
                NO_CHECK)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(failure(() -> service.licensesOfController("no/such controller?")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        Customer unknown = new Customer(999_999, UUID.randomUUID().toString(), "Unknown");
        assertThat(failure(() -> service.licensesOfCustomer(unknown)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void malformedRequestsAreValidationErrors() {
        LicenseDeskService service = admin().service();
        // refused, and nothing the read-back could find explains it
        for (LicenseOutcome refused : List.of(
                service.activate("K".repeat(51), null, LicenseContext.none(), NO_CHECK),
                service.activate("", null, LicenseContext.none(), NO_CHECK),
                service.claim("", "x", LicenseContext.none(), NO_CHECK))) {
            assertThat(refused.status()).isEqualTo(Status.REFUSED);
            assertThat(refused.failure().kind()).isEqualTo(ErrorKind.VALIDATION);
        }
        assertThat(failure(() -> service.licensesOfCustomer(new Customer(1, "not-a-uuid", "x"))).kind())
                .isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void salesSeesFewerCustomersAndMayNotActivate() {
        List<Customer> all = admin().service().customers();
        LicenseDeskService sales = signedIn(SandboxAccounts.SALES_USERNAME, SandboxAccounts.SALES_PASSWORD)
                .service();
        List<Customer> visible = sales.customers();
        assertThat(visible).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(all).containsAll(visible);

        Customer hidden = all.stream().filter(c -> !visible.contains(c) && c.hasLicenseView()).findFirst()
                .orElseThrow();
        ApiException forbidden = failure(() -> sales.licensesOfCustomer(hidden));
        assertThat(forbidden.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(forbidden.httpStatus()).isEqualTo(403);
        assertThat(sales.controllers(List.of(hidden))).isEqualTo(ControllerList.of(List.of()));

        Customer mine = visible.stream().filter(Customer::hasLicenseView).findFirst().orElseThrow();
        License license = freshLicense(sales, mine);
        assertThat(failure(() -> sales.activate(license.key(), null, LicenseContext.none(), NO_CHECK)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void salesMayClaim() {
        LicenseDeskService sales = signedIn(SandboxAccounts.SALES_USERNAME, SandboxAccounts.SALES_PASSWORD)
                .service();
        Customer customer = customerWithControllers(sales, sales.customers(), 0);
        Controller controller = sales.controllers(List.of(customer)).controllers().get(0);
        License license = freshLicense(sales, customer);
        assertThat(sales.claim(license.key(), controller.nodeId(), LicenseContext.none(), NO_CHECK).claimedTo())
                .isEqualTo(controller.nodeId());
    }

    @Test
    void deviceQueryWithAStaleSkipHashAnswersInFull() {
        try (EnirisConnection connection = new EnirisConnection(Environment.sandbox(sandbox.baseUrl()), settings)) {
            TokenSession session = new TokenSession(connection.authClient(), settings);
            session.signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            EnirisClient client = connection.enirisClient(session);
            List<Controller> controllers = new ArrayList<>();
            for (Customer customer : client.companies()) {
                controllers.addAll(client.controllers(customer, List.of(CONTROLLER_TYPE), "not-the-current-hash")
                        .orElseThrow());
            }
            assertThat(controllers).isNotEmpty();
        }
    }

    // --- tokens: validation, renewal, sign-out -----------------------------------------------------------------

    @Test
    void refreshTokenEndpointsAndLogoutRevocation() {
        try (EnirisConnection connection = new EnirisConnection(Environment.sandbox(sandbox.baseUrl()), settings)) {
            AuthClient auth = connection.authClient();
            LoginResult login = auth.login(SandboxAccounts.ADMIN_USERNAME,
                    SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            assertThat(login.partial()).isFalse();
            assertThat(auth.validateRefreshToken(login.token())).isEqualTo(SandboxAccounts.ADMIN_USER_ID);
            String renewed = auth.renewRefreshToken(login.token());
            assertThat(auth.validateRefreshToken(renewed)).isEqualTo(SandboxAccounts.ADMIN_USER_ID);
            assertThat(auth.accessToken(renewed)).isNotBlank();

            auth.logout(renewed);
            assertThat(failure(() -> auth.validateRefreshToken(renewed)).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
            assertThat(failure(() -> auth.accessToken(login.token())).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
            auth.logout(renewed); // 401: already invalid, still fine
        }
    }

    @Test
    void signOutEndsTheSessionAndASecondSignInRestoresIt() {
        Backend backend = admin();
        backend.service().customers();
        backend.session().signOut();
        assertThat(backend.session().state()).isEqualTo(SessionState.SIGNED_OUT);
        assertThat(failure(() -> backend.service().customers()).kind()).isEqualTo(ErrorKind.SIGNED_OUT);
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        assertThat(backend.service().customers()).isNotEmpty();
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(2, ChronoUnit.SECONDS);
    }
}
