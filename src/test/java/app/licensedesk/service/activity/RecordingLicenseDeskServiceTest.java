package app.licensedesk.service.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.activity.ActivityEntry.Action;
import app.licensedesk.service.activity.ActivityEntry.Outcome;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingLicenseDeskServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Environment SANDBOX = Environment.sandbox("http://127.0.0.1:18088");
    private static final Failure TIMEOUT = new Failure(ErrorKind.TIMEOUT, 0, null, null, null,
            "TIMEOUT: The server did not answer in time");
    private static final Failure ALREADY_CLAIMED = new Failure(ErrorKind.VALIDATION, 400, "BadRequest",
            "License already claimed", null, "VALIDATION (HTTP 400) BadRequest: License already claimed");

    @TempDir
    Path folder;

    private final Scripted server = new Scripted();

    private RecordingLicenseDeskService recording(ActivityLog log) {
        return new RecordingLicenseDeskService(server, log, SANDBOX, () -> "sales@sandbox.test",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static LicenseOutcome claimOutcome(Status status, String claimedTo, Failure failure) {
        return new LicenseOutcome(LicenseOutcome.Action.CLAIM, status, "SG1-KEY", "SGC-1", null, claimedTo, failure);
    }

    private static License activated(Instant at) {
        return new License("id", "SG1-KEY", null, null, null, null, null, at, 12, null, null, null);
    }

    private static List<Outcome> outcomes(ActivityLog log) {
        return log.read().stream().map(ActivityEntry::outcome).toList();
    }

    @Test
    void aClaimIsWrittenBeforeItIsSentAndAgainWithWhatTheServerSaid() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = checking -> {
            // the SENT entry is on disk while the request is out
            assertThat(outcomes(log)).containsExactly(Outcome.SENT);
            return claimOutcome(Status.DONE, "SGC-0001", null);
        };

        LicenseOutcome outcome = recording(log).claim("SG1-KEY", "SGC-0001", LicenseContext.none(), () -> { });

        assertThat(outcome.status()).isEqualTo(Status.DONE);
        List<ActivityEntry> entries = log.read();
        assertThat(entries).extracting(ActivityEntry::outcome).containsExactly(Outcome.SENT, Outcome.DONE);
        ActivityEntry done = entries.get(1);
        assertThat(done.correlationId()).isEqualTo(entries.get(0).correlationId());
        assertThat(done).extracting(ActivityEntry::action, ActivityEntry::key, ActivityEntry::nodeId,
                ActivityEntry::claimedTo, ActivityEntry::user, ActivityEntry::environment, ActivityEntry::server,
                ActivityEntry::time)
                .containsExactly(Action.CLAIM, "SG1-KEY", "SGC-0001", "SGC-0001", "sales@sandbox.test", "SANDBOX",
                        "http://127.0.0.1:18088", NOW);
    }

    @Test
    void anActivationRecordsTheAskedInstantAndTheServersActivationDate() {
        ActivityLog log = new ActivityLog(folder);
        Instant at = Instant.parse("2027-01-01T08:00:00Z");
        server.activate = checking -> new LicenseOutcome(LicenseOutcome.Action.ACTIVATE, Status.DONE, "SG1-KEY",
                null, activated(at), null, null);

        recording(log).activate("SG1-KEY", at, LicenseContext.none(), () -> { });

        ActivityEntry done = log.read().get(1);
        assertThat(done.outcome()).isEqualTo(Outcome.DONE);
        assertThat(done.requestedAt()).isEqualTo(at);
        assertThat(done.activatedAt()).isEqualTo(at);
    }

    @Test
    void aRefusalTheServiceThrowsRecordsTheKindAndTheServersWords() {
        ActivityLog log = new ActivityLog(folder);
        ApiException forbidden = new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden", "No right to activate",
                null, null);
        server.activate = checking -> {
            throw forbidden;
        };

        assertThatThrownBy(() -> recording(log).activate("SG1-KEY", null, LicenseContext.none(), () -> { }))
                .isSameAs(forbidden);

        ActivityEntry refused = log.read().get(1);
        assertThat(refused).extracting(ActivityEntry::outcome, ActivityEntry::errorKind, ActivityEntry::httpStatus,
                ActivityEntry::message).containsExactly(Outcome.REFUSED, "FORBIDDEN", 403, "No right to activate");
    }

    @Test
    void aRefusalTheServiceReturnsRecordsTheServersWords() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = checking -> claimOutcome(Status.REFUSED, null, ALREADY_CLAIMED);

        recording(log).claim("SG1-KEY", "SGC-1", LicenseContext.none(), () -> { });

        assertThat(outcomes(log)).containsExactly(Outcome.SENT, Outcome.REFUSED);
        assertThat(log.read().get(1)).extracting(ActivityEntry::errorKind, ActivityEntry::httpStatus,
                ActivityEntry::message).containsExactly("VALIDATION", 400, "License already claimed");
    }

    @Test
    void aRefusalExplainedByTheReadBackIsRefusedThenReadBackAsItIs() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = checking -> claimOutcome(Status.ALREADY, "SGC-7", ALREADY_CLAIMED);

        recording(log).claim("SG1-KEY", "SGC-1", LicenseContext.none(), () -> { });

        List<ActivityEntry> entries = log.read();
        assertThat(entries).extracting(ActivityEntry::outcome)
                .containsExactly(Outcome.SENT, Outcome.REFUSED, Outcome.READ_BACK);
        assertThat(entries).extracting(ActivityEntry::correlationId).containsOnly(entries.get(0).correlationId());
        assertThat(entries.get(1).message()).isEqualTo("License already claimed");
        assertThat(entries.get(2)).extracting(ActivityEntry::claimedTo, ActivityEntry::errorKind)
                .containsExactly("SGC-7", null);
    }

    @Test
    void aLostAnswerIsRecordedTheMomentTheServiceStartsItsReadBackThenWhatItShowed() {
        ActivityLog log = new ActivityLog(folder);
        AtomicInteger callersChecking = new AtomicInteger();
        server.claim = checking -> {
            assertThat(outcomes(log)).containsExactly(Outcome.SENT);
            checking.run();
            // written before the read-back starts, so a crash during it still leaves "outcome unknown"
            assertThat(outcomes(log)).containsExactly(Outcome.SENT, Outcome.UNKNOWN);
            assertThat(callersChecking).hasValue(1);
            return claimOutcome(Status.LOST_DONE, "SGC-1", TIMEOUT);
        };

        recording(log).claim("SG1-KEY", "SGC-1", LicenseContext.none(), callersChecking::incrementAndGet);

        List<ActivityEntry> entries = log.read();
        assertThat(entries).extracting(ActivityEntry::outcome)
                .containsExactly(Outcome.SENT, Outcome.UNKNOWN, Outcome.READ_BACK);
        assertThat(entries).extracting(ActivityEntry::correlationId).containsOnly(entries.get(0).correlationId());
        assertThat(entries.get(2)).extracting(ActivityEntry::claimedTo, ActivityEntry::errorKind)
                .containsExactly("SGC-1", null);
    }

    @Test
    void aLostAnswerReadBackAsNotDoneSaysSo() {
        ActivityLog log = new ActivityLog(folder);
        server.activate = checking -> {
            checking.run();
            return new LicenseOutcome(LicenseOutcome.Action.ACTIVATE, Status.LOST_NOT_DONE, "SG1-KEY", null,
                    activated(null), null, TIMEOUT);
        };

        recording(log).activate("SG1-KEY", null, LicenseContext.none(), () -> { });

        assertThat(outcomes(log)).containsExactly(Outcome.SENT, Outcome.UNKNOWN, Outcome.READ_BACK);
        assertThat(log.read().get(2)).extracting(ActivityEntry::activatedAt, ActivityEntry::errorKind)
                .containsExactly(null, null);
    }

    @Test
    void aLostAnswerThatCouldNotBeReadBackStaysUnknownWithWhatLostIt() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = checking -> {
            checking.run();
            return claimOutcome(Status.LOST_UNKNOWN, null, TIMEOUT);
        };

        recording(log).claim("SG1-KEY", "SGC-1", LicenseContext.none(), () -> { });

        assertThat(outcomes(log)).containsExactly(Outcome.SENT, Outcome.UNKNOWN, Outcome.READ_BACK);
        assertThat(log.read().get(2)).extracting(ActivityEntry::errorKind, ActivityEntry::message)
                .containsExactly("TIMEOUT", "TIMEOUT: The server did not answer in time");
    }

    @Test
    void aRequestThatNeverLeftIsRecordedAsNotSent() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = checking -> {
            throw new ApiException(ErrorKind.NETWORK, "ConnectException: refused", new ConnectException("refused"));
        };
        assertThatThrownBy(() -> recording(log).claim("SG1-KEY", "SGC-1", LicenseContext.none(), () -> { }))
                .isInstanceOf(ApiException.class);
        assertThat(log.read().get(1).outcome()).isEqualTo(Outcome.NOT_SENT);
    }

    @Test
    void aDefectIsAnUnknownOutcomeWithoutItsMessage() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = checking -> {
            throw new IllegalStateException("password=hunter2");
        };
        assertThatThrownBy(() -> recording(log).claim("SG1-KEY", "SGC-1", LicenseContext.none(), () -> { }))
                .isInstanceOf(IllegalStateException.class);
        ActivityEntry entry = log.read().get(1);
        assertThat(entry.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(entry.message()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aLogThatCannotBeWrittenNeverStopsTheChange() throws Exception {
        Path blocker = folder.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        server.claim = checking -> claimOutcome(Status.DONE, "SGC-1", null);
        assertThat(recording(new ActivityLog(blocker)).claim("SG1-KEY", "SGC-1", LicenseContext.none(), () -> { })
                .claimedTo()).isEqualTo("SGC-1");
    }

    @Test
    void readsPassThroughUnrecorded() {
        ActivityLog log = new ActivityLog(folder);
        RecordingLicenseDeskService service = recording(log);
        assertThat(service.customers()).containsExactly(new Customer(1, "u-1", "Acme"));
        assertThat(service.licensesOfController("SGC-1")).isEmpty();
        assertThat(log.read()).isEmpty();
    }

    /** A service whose activate and claim do what the test says, given the {@code checking} they were passed. */
    private static final class Scripted implements LicenseDeskService {
        Function<Runnable, LicenseOutcome> activate = checking -> null;
        Function<Runnable, LicenseOutcome> claim = checking -> null;

        @Override
        public List<Customer> customers() {
            return List.of(new Customer(1, "u-1", "Acme"));
        }

        @Override
        public ControllerList controllers(List<Customer> customers) {
            return ControllerList.of(List.of());
        }

        @Override
        public List<License> licensesOfCustomer(Customer customer) {
            return List.of();
        }

        @Override
        public List<License> licensesOfController(String nodeId) {
            return List.of();
        }

        @Override
        public void loadLicenses(List<Customer> customers, CustomerLicensesListener listener,
                                 BooleanSupplier cancelled) {
        }

        @Override
        public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
            return activate.apply(checking);
        }

        @Override
        public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
            return claim.apply(checking);
        }
    }
}
