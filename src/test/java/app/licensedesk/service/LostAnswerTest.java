package app.licensedesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.testing.FakeEniris;
import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Customer;
import app.licensedesk.service.LicenseOutcome.Status;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Activations and claims whose answer is lost after the server received them (a connection that drops after the
 * request, a stall past the read timeout, a truncated body): the service never sends them again but reads the
 * license back and says what is true now. The fake server applies each POST before it misbehaves, like a real
 * server whose answer is lost on the way.
 */
class LostAnswerTest {

    private static final Customer ACME = new Customer(1, "c0000000-0000-4000-8000-000000000001", "Acme");
    private static final String KEY = "SG1-RES-0001";
    private static final String NODE = "SGC-0001";
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEniris fake = new FakeEniris(clock);
    private final MockWebServer server = new MockWebServer();
    private final AtomicReference<Instant> activatedAt = new AtomicReference<>();
    private final AtomicReference<String> claimedTo = new AtomicReference<>();
    private final AtomicInteger checks = new AtomicInteger();
    private final Runnable checking = checks::incrementAndGet;
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private Backend backend;
    private LicenseDeskService service;

    @BeforeEach
    void start() throws Exception {
        fake.route("GET /v1/license/customer/*", r -> FakeEniris.json(200, "{\"licenses\":[" + license() + "]}"));
        fake.route("GET /v1/license/controller/*", r -> {
            String nodeId = r.getUrl().pathSegments().get(3);
            return FakeEniris.json(200, "{\"licenses\":[" + (nodeId.equals(claimedTo.get()) ? license() : "")
                    + "]}");
        });
        server.setDispatcher(fake);
        server.start();
        backend = Backends.connect(TestSettings.environment(server),
                TestSettings.fast(clock, new RecordingSleeper()).withReadTimeout(Duration.ofMillis(400)));
        service = backend.service();
        backend.session().signIn(FakeEniris.USER, FakeEniris.PASSWORD.toCharArray());
        Logger logger = (Logger) LoggerFactory.getLogger(Audit.LOGGER_NAME);
        audit.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        audit.start();
        logger.addAppender(audit);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void stop() {
        Logger logger = (Logger) LoggerFactory.getLogger(Audit.LOGGER_NAME);
        logger.detachAppender(audit);
        logger.setLevel(null);
        backend.close();
        server.close();
    }

    /** The license as the server now describes it; without datalinks, like the controller endpoint. */
    private String license() {
        Instant at = activatedAt.get();
        return "{\"id\":\"L-1\",\"key\":\"" + KEY + "\",\"gridKw\":10,\"activationDate\":"
                + (at == null ? "null" : "\"" + at + "\"") + ",\"type\":\"residential\"}";
    }

    private static MockResponse dropAfterTheRequest() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    private static MockResponse stall() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    private static MockResponse truncated() {
        return FakeEniris.json(200, "{\"success\":true,\"license\":{\"id\":\"L-1\",\"key\":\"SG1-");
    }

    private List<String> auditLines() {
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aClaimWhoseConnectionDropsAfterTheRequestIsReadBackAsClaimed() {
        fake.route("POST /v1/license/claim", r -> {
            claimedTo.set(NODE); // applied, then the answer is lost
            return dropAfterTheRequest();
        });

        LicenseOutcome outcome = service.claim(KEY, NODE, LicenseContext.none(), checking);

        assertThat(outcome.status()).isEqualTo(Status.LOST_DONE);
        assertThat(outcome.claimedTo()).isEqualTo(NODE);
        assertThat(outcome.license().id()).isEqualTo("L-1");
        assertThat(outcome.failure().kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(checks.get()).isEqualTo(1);
        assertThat(fake.calls("POST /v1/license/claim")).isEqualTo(1);
        assertThat(fake.calls("GET /v1/license/controller/" + NODE)).isEqualTo(1);
        assertThat(auditLines()).singleElement().asString().contains("Claim key=" + KEY)
                .contains("controller=" + NODE).contains("environment=CUSTOM http://127.0.0.1:")
                .contains("outcome unknown").contains("read back as claimed to " + NODE)
                .doesNotContain("access-").doesNotContain("eyJ");
    }

    @Test
    void aClaimThatStallsAndWasNotAppliedIsReadBackAsNotClaimed() {
        fake.route("POST /v1/license/claim", r -> stall());

        LicenseOutcome outcome = service.claim(KEY, NODE, LicenseContext.none(), checking);

        assertThat(outcome.status()).isEqualTo(Status.LOST_NOT_DONE);
        assertThat(outcome.claimedTo()).isNull();
        assertThat(outcome.failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(fake.calls("POST /v1/license/claim")).isEqualTo(1);
        assertThat(auditLines()).singleElement().asString().contains("read back as not claimed to " + NODE);
    }

    @Test
    void anActivationThatStallsPastTheReadTimeoutIsReadBackFromItsCustomer() {
        fake.route("POST /v1/license/activate", r -> {
            activatedAt.set(NOW);
            return stall();
        });

        LicenseOutcome outcome = service.activate(KEY, null, new LicenseContext(ACME, List.of(NODE)), checking);

        assertThat(outcome.status()).isEqualTo(Status.LOST_DONE);
        assertThat(outcome.activatedAt()).isEqualTo(NOW);
        assertThat(outcome.failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(checks.get()).isEqualTo(1);
        assertThat(fake.calls("POST /v1/license/activate")).isEqualTo(1);
        assertThat(fake.calls("GET /v1/license/customer/" + ACME.uuid())).isEqualTo(1);
        assertThat(fake.calls("GET /v1/license/controller/" + NODE)).isZero();
        assertThat(auditLines()).singleElement().asString().contains("Activate key=" + KEY)
                .contains("outcome unknown").contains("read back as activated at " + NOW);
    }

    @Test
    void anActivationWithATruncatedAnswerIsReadBackFromAControllerWhenTheCustomerIsUnknown() {
        Instant at = Instant.parse("2026-04-01T06:00:00Z");
        claimedTo.set(NODE);
        fake.route("POST /v1/license/activate", r -> {
            activatedAt.set(at);
            return truncated();
        });

        LicenseOutcome outcome = service.activate(KEY, at, new LicenseContext(null, List.of(NODE)), checking);

        assertThat(outcome.status()).isEqualTo(Status.LOST_DONE);
        assertThat(outcome.activatedAt()).isEqualTo(at);
        assertThat(outcome.failure().kind()).isEqualTo(ErrorKind.UNREADABLE);
        assertThat(fake.calls("POST /v1/license/activate")).isEqualTo(1);
        assertThat(fake.calls("GET /v1/license/controller/" + NODE)).isEqualTo(1);
    }

    @Test
    void aLostActivationThatWasNotAppliedMayBeTriedAgain() {
        fake.route("POST /v1/license/activate", r -> dropAfterTheRequest());

        LicenseOutcome outcome = service.activate(KEY, null, new LicenseContext(ACME, List.of()), checking);

        assertThat(outcome.status()).isEqualTo(Status.LOST_NOT_DONE);
        assertThat(outcome.activatedAt()).isNull();
        assertThat(outcome.license().key()).isEqualTo(KEY);
    }

    @Test
    void aLostActivationOfALicenseSeenNowhereIsUnknownAndNothingIsRead() {
        fake.route("POST /v1/license/activate", r -> {
            activatedAt.set(NOW);
            return dropAfterTheRequest();
        });
        int before = server.getRequestCount();

        LicenseOutcome outcome = service.activate(KEY, null, LicenseContext.none(), checking);

        assertThat(outcome.status()).isEqualTo(Status.LOST_UNKNOWN);
        assertThat(outcome.license()).isNull();
        assertThat(server.getRequestCount() - before).isEqualTo(1); // the POST, once
        assertThat(auditLines()).singleElement().asString().contains("could not be read back");
    }

    @Test
    void aReadBackThatFailsToo() {
        fake.route("POST /v1/license/claim", r -> {
            claimedTo.set(NODE);
            return dropAfterTheRequest();
        });
        fake.route("GET /v1/license/controller/*", r -> FakeEniris.error(503, "Service Unavailable", "busy"));

        LicenseOutcome outcome = service.claim(KEY, NODE, LicenseContext.none(), checking);

        assertThat(outcome.status()).isEqualTo(Status.LOST_UNKNOWN);
        assertThat(fake.calls("POST /v1/license/claim")).isEqualTo(1);
        // the read-back is a read: retried as every read is
        assertThat(fake.calls("GET /v1/license/controller/" + NODE)).isGreaterThan(1);
    }

    @Test
    void aRefusedActivationOfAnActivatedLicenseSaysSinceWhen() {
        Instant since = Instant.parse("2025-12-24T10:00:00Z");
        activatedAt.set(since);
        fake.route("POST /v1/license/activate",
                r -> FakeEniris.error(400, "Bad Request", "License already activated"));

        LicenseOutcome outcome = service.activate(KEY, null, new LicenseContext(ACME, List.of()), checking);

        assertThat(outcome.status()).isEqualTo(Status.ALREADY);
        assertThat(outcome.activatedAt()).isEqualTo(since);
        assertThat(outcome.failure().serverMessage()).isEqualTo("License already activated");
        assertThat(checks.get()).isZero();
    }

    @Test
    void aRefusedActivationTheReadBackDoesNotExplain() {
        fake.route("POST /v1/license/activate", r -> FakeEniris.error(400, "Bad Request", "Malformed"));

        LicenseOutcome outcome = service.activate(KEY, null, new LicenseContext(ACME, List.of()), checking);

        assertThat(outcome.status()).isEqualTo(Status.REFUSED);
        assertThat(outcome.license().activationDate()).isNull();
    }

    @Test
    void aRefusedClaimNamesTheControllerTheLicenseWasSeenUnder() {
        claimedTo.set("SGC-0002");
        fake.route("POST /v1/license/claim", r -> FakeEniris.error(400, "Bad Request", "License already claimed"));

        LicenseOutcome outcome = service.claim(KEY, NODE, new LicenseContext(ACME, List.of("SGC-0002")), checking);

        assertThat(outcome.status()).isEqualTo(Status.ALREADY);
        assertThat(outcome.claimedTo()).isEqualTo("SGC-0002");
        assertThat(fake.calls("GET /v1/license/controller/" + NODE)).isEqualTo(1);
        assertThat(fake.calls("GET /v1/license/controller/SGC-0002")).isEqualTo(1);
        assertThat(auditLines()).singleElement().asString().contains("refused")
                .contains("read back as already claimed to SGC-0002");
    }

    @Test
    void aRefusedClaimToTheSameControllerMeansAnEarlierAttemptWasApplied() {
        claimedTo.set(NODE);
        fake.route("POST /v1/license/claim", r -> FakeEniris.error(400, "Bad Request", "License already claimed"));

        LicenseOutcome outcome = service.claim(KEY, NODE, LicenseContext.none(), checking);

        assertThat(outcome.status()).isEqualTo(Status.ALREADY);
        assertThat(outcome.claimedTo()).isEqualTo(NODE);
    }

    @Test
    void anAnswerThatSaysWhyIsThrownAndNothingIsReadBack() {
        fake.route("POST /v1/license/claim", r -> FakeEniris.error(403, "Forbidden", "no right"));

        Throwable thrown = catchThrowable(() -> service.claim(KEY, NODE, new LicenseContext(ACME, List.of(NODE)),
                checking));

        assertThat(thrown).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
        assertThat(fake.calls("GET /v1/license/controller/" + NODE)).isZero();
        assertThat(checks.get()).isZero();
        assertThat(auditLines()).singleElement().asString().contains("failed").contains("403");
    }
}
