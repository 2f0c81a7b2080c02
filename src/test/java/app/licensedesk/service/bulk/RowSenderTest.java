package app.licensedesk.service.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Action;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.service.bulk.BulkJournal.StepState;
import app.licensedesk.service.bulk.RowResult.Outcome;
import app.licensedesk.ui.common.ErrorMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run does with each outcome the service reports for a claim (the service does the read-back itself): lost
 * and applied is done, lost and not applied is sent again within 1 + retries sends, lost and unknown fails and
 * leaves "sending" for the next run, which reads the license back first with the service's read-back.
 */
class RowSenderTest {

    private static final String NODE = "SGC-1";
    private static final Customer ACME = new Customer(1, "c0000000-0000-4000-8000-000000000001", "Acme");
    private static final ClientSettings SETTINGS = ClientSettings.defaults().withMaxRetries(2)
            .withSleeper(new RecordingSleeper());

    @TempDir
    Path dir;

    /**
     * One customer, one controller; each claim answers with the next scripted status for its key (DONE when none
     * is left) and applies the claim when the status says the server has it.
     */
    private static final class ScriptedService implements LicenseDeskService {
        final Map<String, Deque<Status>> script = new HashMap<>();
        final Map<String, Integer> sends = new HashMap<>();
        final Set<String> claimed = new HashSet<>();
        final List<String> keys;
        /** The controller's list answers 404 this many more times (then it works). */
        int controllerListFailures;
        /** The customer's list answers 403 this many more times. */
        int customerListFailures;

        ScriptedService(String... keys) {
            this.keys = List.of(keys);
        }

        void script(String key, Status... statuses) {
            script.put(key, new ArrayDeque<>(List.of(statuses)));
        }

        @Override
        public List<Customer> customers() {
            return List.of(ACME);
        }

        @Override
        public ControllerList controllers(List<Customer> customers) {
            return ControllerList.of(List.of(new Controller(1, NODE, "One", "smartgridControllerSite",
                    List.of(ACME), null)));
        }

        @Override
        public synchronized List<License> licensesOfCustomer(Customer customer) {
            if (customerListFailures > 0) {
                customerListFailures--;
                throw new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden", "no access", null, null);
            }
            return keys.stream().map(k -> license(k, claimed.contains(k) ? List.of("dl-" + k) : List.of()))
                    .toList();
        }

        @Override
        public synchronized List<License> licensesOfController(String nodeId) {
            if (controllerListFailures > 0) {
                controllerListFailures--;
                throw new ApiException(ErrorKind.NOT_FOUND, 404, "Not Found", "no such controller", null, null);
            }
            return keys.stream().filter(claimed::contains).map(k -> license(k, List.of())).toList();
        }

        private static License license(String key, List<String> datalinks) {
            return new License("id-" + key, key, null, null, null, null, null, null, 12, null, "commercial",
                    datalinks);
        }

        @Override
        public void loadLicenses(List<Customer> customers, CustomerLicensesListener listener,
                                 BooleanSupplier cancelled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
            throw new UnsupportedOperationException("these rows only claim");
        }

        @Override
        public synchronized LicenseOutcome claim(String key, String nodeId, LicenseContext seen,
                                                 Runnable checking) {
            sends.merge(key, 1, Integer::sum);
            Deque<Status> next = script.get(key);
            Status status = next == null || next.isEmpty() ? Status.DONE : next.poll();
            boolean has = status == Status.DONE || status == Status.LOST_DONE || status == Status.ALREADY;
            if (has || status == Status.LOST_UNKNOWN) {
                claimed.add(key); // a lost answer whose claim the server did apply, though nobody could read it
            }
            Failure failure = switch (status) {
                case DONE -> null;
                case ALREADY, REFUSED -> failure(ErrorKind.VALIDATION, 400, "License already claimed");
                default -> failure(ErrorKind.TIMEOUT, 0, null);
            };
            return new LicenseOutcome(Action.CLAIM, status, key, nodeId, has ? license(key, List.of()) : null,
                    has ? nodeId : null, failure);
        }

        private static Failure failure(ErrorKind kind, int status, String message) {
            return Failure.of(new ApiException(kind, status, null, message, null, null)).orElseThrow();
        }
    }

    private Path csv(String... keys) throws Exception {
        StringBuilder sb = new StringBuilder("licenseKey,nodeId\n");
        for (String key : keys) {
            sb.append(key).append(',').append(NODE).append('\n');
        }
        return Files.writeString(dir.resolve("rows.csv"), sb, StandardCharsets.UTF_8);
    }

    private static BulkRun run(BulkEngine engine, Path csv) throws Exception {
        BulkFile file = BulkCsv.read(csv, ZoneOffset.UTC);
        Path journalPath = BulkJournal.defaultPath(csv);
        BulkPreview preview = engine.preview(file, BulkJournal.read(journalPath, file), () -> false);
        try (BulkJournal journal = BulkJournal.open(journalPath, file, Clock.systemUTC())) {
            BulkRun run = engine.newRun(preview, journal, r -> { });
            assertThat(run.execute()).isEqualTo(BulkRun.Status.FINISHED);
            return run;
        }
    }

    private static BulkJournal.History history(Path csv, int row) throws Exception {
        BulkFile file = BulkCsv.read(csv, ZoneOffset.UTC);
        return BulkJournal.read(BulkJournal.defaultPath(csv), file).of(file.rows().get(row));
    }

    @Test
    void aLostClaimThatWasNotAppliedIsSentAgainAtMostOnePlusRetriesTimes() throws Exception {
        ScriptedService service = new ScriptedService("K1", "K2", "K3");
        service.script("K1", Status.LOST_NOT_DONE, Status.LOST_NOT_DONE, Status.LOST_NOT_DONE, Status.DONE);
        service.script("K2", Status.LOST_NOT_DONE, Status.DONE);
        service.script("K3", Status.LOST_DONE);
        Path csv = csv("K1", "K2", "K3");
        BulkRun run;
        try (BulkEngine engine = new BulkEngine(service, SETTINGS, ErrorMessages.forBulk())) {
            run = run(engine, csv);
        }
        assertThat(service.sends).containsEntry("K1", 3).containsEntry("K2", 2).containsEntry("K3", 1);
        List<RowResult> results = run.results();
        assertThat(results).extracting(RowResult::outcome).containsExactly(Outcome.FAILED, Outcome.DONE,
                Outcome.DONE);
        assertThat(results.get(0).detail()).isEqualTo("claim: " + BulkTexts.t("error.timeout"));
        assertThat(results.get(1).detail()).isEqualTo("claimed");
        assertThat(results.get(2).detail()).isEqualTo("claimed");
        assertThat(history(csv, 0).claim()).isEqualTo(StepState.NOT_APPLIED);
        assertThat(history(csv, 2).claim()).isEqualTo(StepState.APPLIED);
    }

    @Test
    void anUnknownOutcomeFailsLeavesSendingAndTheNextRunReadsItBackBeforeSending() throws Exception {
        ScriptedService service = new ScriptedService("K1", "K2");
        service.script("K1", Status.LOST_UNKNOWN);
        Path csv = csv("K1", "K2");
        try (BulkEngine engine = new BulkEngine(service, SETTINGS, ErrorMessages.forBulk())) {
            BulkRun first = run(engine, csv);
            assertThat(first.results().get(0).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(first.results().get(0).detail()).startsWith("claim: the answer was lost and the license "
                    + "could not be read back, so the outcome is unknown");
            assertThat(history(csv, 0).claim()).isEqualTo(StepState.SENDING);

            // the preview cannot see the lists, so only the run's read-back finds the claim applied
            service.customerListFailures = 1;
            service.controllerListFailures = 1;
            BulkRun second = run(engine, csv);
            assertThat(second.results().get(0).outcome()).isEqualTo(Outcome.DONE);
            assertThat(second.results().get(0).detail()).isEqualTo("claimed");
            assertThat(service.sends).containsEntry("K1", 1).containsEntry("K2", 1);
            assertThat(history(csv, 0).claim()).isEqualTo(StepState.APPLIED);
        }
    }

    @Test
    void aSendingStepThatCannotBeReadBackIsNotSentAgain() throws Exception {
        ScriptedService service = new ScriptedService("K1");
        service.script("K1", Status.LOST_UNKNOWN);
        Path csv = csv("K1");
        try (BulkEngine engine = new BulkEngine(service, SETTINGS, ErrorMessages.forBulk())) {
            run(engine, csv);
            service.customerListFailures = 1;
            service.controllerListFailures = 2; // the preview's read, then the run's read-back
            BulkRun second = run(engine, csv);
            assertThat(second.results().get(0).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(second.results().get(0).detail()).isEqualTo("claim: "
                    + BulkTexts.t("bulk.reason.resumeUnknown"));
        }
        assertThat(service.sends).containsEntry("K1", 1);
        assertThat(history(csv, 0).claim()).isEqualTo(StepState.SENDING);
    }

    @Test
    void aRefusalReadBackAsAlreadyClaimedHereEndsDoneAndAnyOtherRefusalFails() throws Exception {
        ScriptedService service = new ScriptedService("K1", "K2");
        service.script("K1", Status.ALREADY);
        service.script("K2", Status.REFUSED);
        Path csv = csv("K1", "K2");
        BulkRun run;
        try (BulkEngine engine = new BulkEngine(service, SETTINGS, ErrorMessages.forBulk())) {
            run = run(engine, csv);
        }
        assertThat(run.results()).extracting(RowResult::outcome).containsExactly(Outcome.DONE, Outcome.FAILED);
        assertThat(run.results().get(0).detail()).isEqualTo("already claimed");
        assertThat(run.results().get(1).detail()).isEqualTo("claim: "
                + BulkTexts.t("error.claim.refused", "License already claimed"));
        assertThat(service.sends).containsEntry("K1", 1).containsEntry("K2", 1);
    }

    @Test
    void theWaitBeforeASecondSendFollowsTheClientsBackoff() {
        assertThat(SETTINGS.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SETTINGS.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ClientSettings.defaults().backoff(10)).isEqualTo(Duration.ofSeconds(60));
    }
}
