package app.licensedesk.service.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.licensedesk.api.ApiException;
import app.licensedesk.api.ApiException.Kind;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.service.ClaimResult;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.activity.ActivityEntry.Action;
import app.licensedesk.service.activity.ActivityEntry.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingLicenseDeskServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Environment SANDBOX = Environment.sandbox("http://127.0.0.1:18088");

    @TempDir
    Path folder;

    private final Scripted server = new Scripted();

    private RecordingLicenseDeskService recording(ActivityLog log) {
        return new RecordingLicenseDeskService(server, log, SANDBOX, () -> "sales@sandbox.test",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aClaimIsWrittenBeforeItIsSentAndAgainWithWhatTheServerSaid() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = () -> {
            // the SENT entry is on disk while the request is out
            assertThat(log.read()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.SENT));
            return new ClaimResult("id-1", "SG1-KEY", "SGC-0001");
        };

        recording(log).claim("SG1-KEY", "SGC-0001");

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
        server.activate = () -> new License("id", "SG1-KEY", null, null, null, null, null, at, 12, null, null, null);

        recording(log).activate("SG1-KEY", at);

        ActivityEntry done = log.read().get(1);
        assertThat(done.outcome()).isEqualTo(Outcome.DONE);
        assertThat(done.requestedAt()).isEqualTo(at);
        assertThat(done.activatedAt()).isEqualTo(at);
    }

    @Test
    void aRefusalRecordsTheKindAndTheServersWords() {
        ActivityLog log = new ActivityLog(folder);
        ApiException forbidden = new ApiException(Kind.FORBIDDEN, 403, "Forbidden", "No right to activate", null,
                null);
        server.activate = () -> {
            throw forbidden;
        };

        assertThatThrownBy(() -> recording(log).activate("SG1-KEY", null)).isSameAs(forbidden);

        ActivityEntry refused = log.read().get(1);
        assertThat(refused).extracting(ActivityEntry::outcome, ActivityEntry::errorKind, ActivityEntry::httpStatus,
                ActivityEntry::message).containsExactly(Outcome.REFUSED, "FORBIDDEN", 403, "No right to activate");
    }

    @Test
    void aLostAnswerIsRecordedAsOutcomeUnknown() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = () -> {
            throw new ApiException(Kind.TIMEOUT, "The server did not answer in time", new SocketTimeoutException());
        };
        assertThatThrownBy(() -> recording(log).claim("SG1-KEY", "SGC-1")).isInstanceOf(ApiException.class);

        server.claim = () -> {
            throw new ApiException(Kind.NETWORK, "SocketException: Connection reset", new IOException("reset"));
        };
        assertThatThrownBy(() -> recording(log).claim("SG1-KEY", "SGC-1")).isInstanceOf(ApiException.class);

        server.claim = () -> {
            throw new ApiException(Kind.SERVER, 504, null, null, null, null);
        };
        assertThatThrownBy(() -> recording(log).claim("SG1-KEY", "SGC-1")).isInstanceOf(ApiException.class);

        assertThat(log.read()).extracting(ActivityEntry::outcome).containsExactly(Outcome.SENT, Outcome.UNKNOWN,
                Outcome.SENT, Outcome.UNKNOWN, Outcome.SENT, Outcome.UNKNOWN);
        assertThat(log.read().get(1).errorKind()).isEqualTo("TIMEOUT");
    }

    @Test
    void aRequestThatNeverLeftIsRecordedAsNotSent() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = () -> {
            throw new ApiException(Kind.NETWORK, "ConnectException: refused", new ConnectException("refused"));
        };
        assertThatThrownBy(() -> recording(log).claim("SG1-KEY", "SGC-1")).isInstanceOf(ApiException.class);
        assertThat(log.read().get(1).outcome()).isEqualTo(Outcome.NOT_SENT);
    }

    @Test
    void aDefectIsAnUnknownOutcomeWithoutItsMessage() {
        ActivityLog log = new ActivityLog(folder);
        server.claim = () -> {
            throw new IllegalStateException("password=hunter2");
        };
        assertThatThrownBy(() -> recording(log).claim("SG1-KEY", "SGC-1")).isInstanceOf(IllegalStateException.class);
        ActivityEntry entry = log.read().get(1);
        assertThat(entry.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(entry.message()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aReadBackIsASecondEntryWithTheSameCorrelationId() {
        ActivityLog log = new ActivityLog(folder);
        RecordingLicenseDeskService service = recording(log);
        RecordingLicenseDeskService.Change change = service.begin(Action.CLAIM, "SG1-KEY", "SGC-1", null);
        change.failed(new ApiException(Kind.TIMEOUT, "timeout", null));
        change.readBack(null, "SGC-1");

        List<ActivityEntry> entries = log.read();
        assertThat(entries).extracting(ActivityEntry::outcome)
                .containsExactly(Outcome.SENT, Outcome.UNKNOWN, Outcome.READ_BACK);
        assertThat(entries).extracting(ActivityEntry::correlationId).containsOnly(entries.get(0).correlationId());
        assertThat(entries.get(2).claimedTo()).isEqualTo("SGC-1");
    }

    @Test
    void aLostAnswerSeenByTheServiceIsRecordedAtOnceThenWhatTheReadBackShowed() {
        ActivityLog log = new ActivityLog(folder);
        RecordingLicenseDeskService.Change change = recording(log).begin(Action.ACTIVATE, "SG1-KEY", null, null);
        change.answerLost();
        assertThat(log.read()).extracting(ActivityEntry::outcome).containsExactly(Outcome.SENT, Outcome.UNKNOWN);
        change.readBackFailed(new ApiException(Kind.TIMEOUT, "The server did not answer in time", null));
        ActivityEntry last = log.read().get(2);
        assertThat(last).extracting(ActivityEntry::outcome, ActivityEntry::errorKind)
                .containsExactly(Outcome.READ_BACK, "TIMEOUT");
    }

    @Test
    void aLogThatCannotBeWrittenNeverStopsTheChange() throws Exception {
        Path blocker = folder.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        server.claim = () -> new ClaimResult("id-1", "SG1-KEY", "SGC-1");
        assertThat(recording(new ActivityLog(blocker)).claim("SG1-KEY", "SGC-1").nodeId()).isEqualTo("SGC-1");
    }

    @Test
    void readsPassThroughUnrecorded() {
        ActivityLog log = new ActivityLog(folder);
        RecordingLicenseDeskService service = recording(log);
        assertThat(service.customers()).containsExactly(new Customer(1, "u-1", "Acme"));
        assertThat(service.licensesOfController("SGC-1")).isEmpty();
        assertThat(log.read()).isEmpty();
    }

    /** A service whose activate and claim do what the test says. */
    private static final class Scripted implements LicenseDeskService {
        Supplier<License> activate = () -> null;
        Supplier<ClaimResult> claim = () -> null;

        @Override
        public List<Customer> customers() {
            return List.of(new Customer(1, "u-1", "Acme"));
        }

        @Override
        public List<Controller> controllers(List<Customer> customers) {
            return List.of();
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
        public License activate(String key, Instant at) {
            return activate.get();
        }

        @Override
        public ClaimResult claim(String licenseKey, String nodeId) {
            return claim.get();
        }

        @Override
        public Optional<String> knownController(String licenseKey) {
            return Optional.empty();
        }
    }
}
