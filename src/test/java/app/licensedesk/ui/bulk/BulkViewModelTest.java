package app.licensedesk.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.service.bulk.BulkEngine;
import app.licensedesk.service.bulk.PlannedRow.Verdict;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.bulk.BulkViewModel.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk page's view model with an inline TaskRunner and an in-memory service: no toolkit, no network. */
class BulkViewModelTest {

    @TempDir
    Path dir;

    private final List<BulkEngine> engines = new ArrayList<>();

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(BulkEngine::close);
    }

    private BulkViewModel viewModel(FakeBulkService service, TaskRunner tasks, int concurrency) {
        ClientSettings settings = ClientSettings.defaults().withMaxConcurrentRequests(concurrency)
                .withRetryBaseDelay(Duration.ofMillis(1));
        BulkEngine engine = new BulkEngine(service, settings, ErrorMessages.forBulk());
        engines.add(engine);
        return new BulkViewModel(engine, tasks, ZoneOffset.UTC, Clock.systemUTC());
    }

    private Path csv(String... rows) throws Exception {
        return Files.writeString(dir.resolve("rows.csv"), "licenseKey,nodeId,activationIso\n"
                + String.join("\n", rows) + "\n");
    }

    @Test
    void openingShowsEveryRowsVerdictAndInvalidRowsBlockTheRun() throws Exception {
        FakeBulkService service = new FakeBulkService("K1", "K2");
        BulkViewModel vm = viewModel(service, TaskRunner.inline(), 8);
        vm.open(csv("K1,SGC-NORTH,", "K2,SGC-NOWHERE,", "K1,SGC-SOUTH,"));

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.PREVIEW);
        assertThat(vm.rows()).extracting(BulkRowItem::verdict).containsOnly(Verdict.INVALID);
        assertThat(vm.rows().get(1).message()).contains("SGC-NOWHERE");
        assertThat(vm.errorProperty().get()).isEqualTo("3 rows are invalid: fix the file and reload it. "
                + "Nothing is sent while a row is invalid.");
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.run();
        assertThat(service.claimCount()).isZero();
    }

    @Test
    void aFileWithoutHeaderSaysSoAndStaysEmpty() throws Exception {
        BulkViewModel vm = viewModel(new FakeBulkService("K1"), TaskRunner.inline(), 8);
        vm.open(Files.writeString(dir.resolve("bad.csv"), "K1;SGC-NORTH\n"));
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.EMPTY);
        assertThat(vm.errorProperty().get()).contains("header");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.pathProperty().get()).isEqualTo(dir.resolve("bad.csv").toAbsolutePath().toString());
    }

    @Test
    void runningEndsEveryRowWithProgressAndTheResultsExport() throws Exception {
        FakeBulkService service = new FakeBulkService("K1", "K2", "K3");
        service.claimedAlready("K3", "SGC-SOUTH");
        BulkViewModel vm = viewModel(service, TaskRunner.inline(), 8);
        vm.open(csv("K1,SGC-NORTH,2027-01-01T00:00:00Z", "K2,SGC-NORTH,", "K3,SGC-SOUTH,"));
        assertThat(vm.rows()).extracting(BulkRowItem::verdict).containsExactly(Verdict.READY, Verdict.READY,
                Verdict.SKIP);
        assertThat(vm.summaryProperty().get()).startsWith("3 rows: 2 to send, 1 with nothing to do");
        assertThat(vm.canExportProperty().get()).isFalse();

        vm.run();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.ENDED);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.statusProperty().get()).isEqualTo("Finished: 2 done, 1 skipped, 0 failed.");
        assertThat(vm.rows()).extracting(r -> r.outcomeProperty().get()).containsExactly("done", "done", "skipped");
        assertThat(vm.rows().get(0).reasonProperty().get()).isEqualTo("claimed, activated 2027-01-01T00:00:00Z");
        assertThat(service.claims("K1")).isEqualTo(1);
        assertThat(service.claims("K3")).isZero();

        Path report = dir.resolve("results.csv");
        vm.exportResults(report);
        // the run's counts stay in the status line
        assertThat(vm.statusProperty().get()).isEqualTo("Finished: 2 done, 1 skipped, 0 failed. Results written to "
                + report + ".");
        assertThat(Files.readString(report)).contains("2,K1,SGC-NORTH,2027-01-01T00:00:00Z,done,")
                .contains("4,K3,SGC-SOUTH,,skipped,already claimed to this controller,SGC-SOUTH,");
    }

    @Test
    void aTypedPathOpensTheFileAndTheResultsGoWhereProposedOrTyped() throws Exception {
        FakeBulkService service = new FakeBulkService("K1");
        BulkViewModel vm = viewModel(service, TaskRunner.inline(), 8);
        vm.pathProperty().set("  ");
        vm.openTyped();
        assertThat(vm.errorProperty().get()).isEqualTo("Type the path of a file, or choose one.");
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.EMPTY);

        Path input = csv("K1,SGC-NORTH,");
        vm.pathProperty().set(" " + input + " ");
        vm.openTyped();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.PREVIEW);
        assertThat(vm.errorProperty().get()).isEmpty();
        Path proposed = dir.resolve("rows.results.csv").toAbsolutePath();
        assertThat(vm.resultsPathProperty().get()).isEqualTo(proposed.toString());
        vm.run();
        Path nowhere = dir.resolve("no-such-folder").resolve("out.csv");
        vm.resultsPathProperty().set(nowhere.toString());
        vm.exportTyped();
        assertThat(vm.errorProperty().get()).startsWith("The file " + nowhere + " cannot be written: ");
        vm.resultsPathProperty().set(proposed.toString());
        vm.exportTyped();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(Files.readString(proposed)).contains("2,K1,SGC-NORTH,,done,claimed,SGC-NORTH,");

        // a results path the user typed stays when the file is opened again
        Path typed = dir.resolve("mine.csv");
        vm.resultsPathProperty().set(typed.toString());
        vm.reload();
        assertThat(vm.resultsPathProperty().get()).isEqualTo(typed.toString());
        vm.pathProperty().set(dir.resolve("missing.csv").toString());
        vm.openTyped();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.EMPTY);
        assertThat(vm.errorProperty().get()).isEqualTo("There is no file " + dir.resolve("missing.csv") + ".");
        assertThat(vm.pathProperty().get()).isEqualTo(dir.resolve("missing.csv").toString());
    }

    @Test
    void pauseStopsNewRequestsUntilResume() throws Exception {
        FakeBulkService service = new FakeBulkService("K1", "K2", "K3");
        BulkViewModel vm = viewModel(service, TaskRunner.inline(), 1);
        vm.open(csv("K1,SGC-NORTH,", "K2,SGC-NORTH,", "K3,SGC-NORTH,"));
        List<Phase> phases = new CopyOnWriteArrayList<>();
        vm.phaseProperty().addListener((o, a, b) -> phases.add(b));
        AtomicInteger claimsWhilePaused = new AtomicInteger(-1);
        service.onClaim = n -> {
            if (n == 1) {
                // the user clicks Pause while the first claim is in flight; later a click on Resume
                vm.pause();
                Thread user = new Thread(() -> {
                    await().until(() -> vm.phaseProperty().get() == Phase.PAUSED);
                    claimsWhilePaused.set(service.claimCount());
                    vm.resume();
                });
                user.start();
            }
        };

        vm.run();

        assertThat(claimsWhilePaused.get()).isEqualTo(1);
        assertThat(phases).containsExactly(Phase.RUNNING, Phase.PAUSED, Phase.RUNNING, Phase.ENDED);
        assertThat(vm.rows()).extracting(r -> r.outcomeProperty().get()).containsOnly("done");
    }

    @Test
    void cancelLeavesTheRestForAReloadThatSendsNothingTwice() throws Exception {
        FakeBulkService service = new FakeBulkService("K1", "K2", "K3", "K4");
        BulkViewModel vm = viewModel(service, TaskRunner.inline(), 1);
        vm.open(csv("K1,SGC-NORTH,", "K2,SGC-NORTH,", "K3,SGC-SOUTH,", "K4,SGC-SOUTH,"));
        service.onClaim = n -> {
            if (n == 2) {
                vm.cancel();
            }
        };
        vm.run();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.ENDED);
        assertThat(vm.statusProperty().get()).startsWith("Cancelled: 2 rows not sent.");
        assertThat(vm.rows()).extracting(r -> r.outcomeProperty().get()).containsExactly("done", "done", "", "");
        assertThat(vm.canExportProperty().get()).isTrue();

        service.onClaim = n -> { };
        vm.reload();
        assertThat(vm.rows()).extracting(BulkRowItem::verdict).containsExactly(Verdict.FINISHED, Verdict.FINISHED,
                Verdict.READY, Verdict.READY);
        vm.run();
        assertThat(vm.statusProperty().get()).isEqualTo("Finished: 4 done, 0 skipped, 0 failed.");
        for (String key : List.of("K1", "K2", "K3", "K4")) {
            assertThat(service.claims(key)).as(key).isEqualTo(1);
        }
    }

    @Test
    void aSessionThatEndsMidRunIsCarriedOnAfterSigningInAgain() throws Exception {
        FakeBulkService service = new FakeBulkService("K1", "K2", "K3");
        TaskRunner tasks = TaskRunner.inline();
        AtomicBoolean asked = new AtomicBoolean();
        tasks.setReauthenticator((retry, giveUp) -> {
            asked.set(true);
            retry.run();
        });
        BulkViewModel vm = viewModel(service, tasks, 1);
        vm.open(csv("K1,SGC-NORTH,", "K2,SGC-NORTH,", "K3,SGC-NORTH,"));
        service.onClaim = n -> {
            if (n == 1) {
                service.failNextClaim = FakeBulkService.signedOut();
            }
        };
        vm.run();
        assertThat(asked).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Finished: 3 done, 0 skipped, 0 failed.");
        assertThat(vm.errorProperty().get()).isEmpty();
        for (String key : List.of("K1", "K2", "K3")) {
            assertThat(service.claims(key)).as(key).isEqualTo(1);
        }
    }

    @Test
    void aSessionThatIsNotRenewedEndsTheRunWithTheReason() throws Exception {
        FakeBulkService service = new FakeBulkService("K1", "K2");
        TaskRunner tasks = TaskRunner.inline();
        tasks.setReauthenticator((retry, giveUp) -> giveUp.run());
        BulkViewModel vm = viewModel(service, tasks, 1);
        vm.open(csv("K1,SGC-NORTH,", "K2,SGC-NORTH,"));
        service.failNextClaim = FakeBulkService.signedOut();
        vm.run();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.ENDED);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.signedOut"));
        vm.reload();
        assertThat(vm.rows()).extracting(BulkRowItem::verdict).containsOnly(Verdict.READY);
    }
}
