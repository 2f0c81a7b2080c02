package app.licensedesk.service.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.bulk.BulkSandbox.Line;
import app.licensedesk.service.bulk.SandboxProxy.Answer;
import app.licensedesk.service.bulk.RowResult.Outcome;
import app.licensedesk.ui.common.ErrorMessages;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk runs against the real sandbox through a counting proxy: faults, token expiry, cancel and resume. */
class BulkRunSandboxTest {

    private static final Instant AT = Instant.parse("2027-03-01T09:30:00Z");

    @TempDir
    Path dir;

    /** Preview, open the journal, run to the end (signing in again when the session ends). */
    private static BulkRun runToEnd(BulkEngine engine, Backend backend, Path csv, List<RowResult> heard)
            throws IOException {
        BulkFile file = BulkSandbox.read(csv);
        Path journalPath = BulkJournal.defaultPath(csv);
        BulkPreview preview = engine.preview(file, BulkJournal.read(journalPath, file), () -> false);
        try (BulkJournal journal = BulkJournal.open(journalPath, file, Clock.systemUTC())) {
            BulkRun run = engine.newRun(preview, journal, heard::add);
            assertThat(run.execute()).isEqualTo(BulkRun.Status.FINISHED);
            return run;
        }
    }

    private static Map<String, License> onController(Backend backend, String nodeId) {
        return BulkSandbox.retrying(() -> backend.service().licensesOfController(nodeId)).stream()
                .collect(Collectors.toMap(License::key, l -> l));
    }

    @Test
    void twoHundredRowsThroughFaultsAndTokenExpiryAreEachClaimedExactlyOnce() throws Exception {
        // 20 % of all requests fail in one of the sandbox's ways (apply-then-drop among them), and on top of that
        // one claim or activation in ten is applied and then its connection dropped; access tokens last 2 s
        SandboxOptions options = SandboxOptions.defaults().withFaultRate(0.2).withApplyThenDropRate(0.1)
                .withAccessTokenTtl(Duration.ofSeconds(2));
        try (BulkSandbox env = new BulkSandbox(options)) {
            // 40 rows claim and activate, 160 only claim (some of those licenses are activated already), onto ten
            // controllers so that checking them takes few reads (each read through the faults costs time)
            List<Line> lines = new ArrayList<>(env.pick(40, 160, 10));
            for (int i = 0; i < 40; i++) {
                lines.set(i, new Line(lines.get(i).key(), lines.get(i).nodeId(), AT.toString()));
            }
            Path csv = BulkSandbox.write(dir.resolve("rows.csv"), lines);
            Backend backend = env.admin();
            List<RowResult> heard = new CopyOnWriteArrayList<>();
            BulkRun run;
            Instant started = Instant.now();
            try (BulkEngine engine = new BulkEngine(backend.service(), env.settings, ErrorMessages.forBulk())) {
                run = runToEnd(engine, backend, csv, heard);
            }
            // the run outlived several 2-second access tokens: they were renewed on the way
            assertThat(Duration.between(started, Instant.now())).isGreaterThan(Duration.ofSeconds(2));
            assertThat(env.proxy.requests("GET /auth/accesstoken")).isGreaterThan(2);

            assertThat(heard).hasSize(200);
            assertThat(notDone(run)).isEmpty();
            // on the server: every license is claimed to its row's controller, listed there once
            Map<String, List<String>> byController = lines.stream().collect(Collectors.groupingBy(Line::nodeId,
                    Collectors.mapping(Line::key, Collectors.toList())));
            Map<String, License> all = new HashMap<>();
            for (Map.Entry<String, List<String>> e : byController.entrySet()) {
                List<String> listed = BulkSandbox.retrying(() -> backend.service().licensesOfController(e.getKey()))
                        .stream().map(License::key).toList();
                assertThat(listed).doesNotHaveDuplicates().containsAll(e.getValue());
                all.putAll(onController(backend, e.getKey()));
            }
            for (Line line : lines.subList(0, 40)) {
                assertThat(all.get(line.key()).activationDate()).as(line.key()).isEqualTo(AT);
            }
            // and never sent again once applied: no POST after one the sandbox applied and answered, and none
            // refused (a claim or activation that reaches the sandbox after it was applied is refused: 400)
            int appliedButLost = 0;
            for (Line line : lines) {
                List<String> paths = line.activation().isEmpty() ? List.of(SandboxProxy.CLAIM)
                        : List.of(SandboxProxy.CLAIM, SandboxProxy.ACTIVATE);
                for (String path : paths) {
                    List<Answer> answers = env.proxy.answers(path, line.key());
                    assertThat(answers).as(path + " " + line.key()).isNotEmpty().doesNotContain(Answer.REFUSED);
                    if (answers.contains(Answer.APPLIED)) {
                        assertThat(answers.indexOf(Answer.APPLIED)).as(path + " " + line.key() + " " + answers)
                                .isEqualTo(answers.size() - 1);
                    } else {
                        appliedButLost++; // applied (the server has it) by a POST whose answer never came
                    }
                }
                if (line.activation().isEmpty()) {
                    assertThat(env.proxy.sent(SandboxProxy.ACTIVATE, line.key())).as(line.key()).isZero();
                }
            }
            // the apply-then-drop path was taken, and those rows were read back, not sent again
            assertThat(appliedButLost).isPositive();

            Path report = dir.resolve("results.csv");
            BulkCsv.writeReport(report, BulkSandbox.read(csv), run.results());
            List<CSVRecord> records = readReport(report);
            assertThat(records).hasSize(200);
            for (int i = 0; i < records.size(); i++) {
                CSVRecord r = records.get(i);
                Line line = lines.get(i);
                assertThat(r.get("line")).isEqualTo(String.valueOf(i + 2));
                assertThat(r.get("licenseKey")).isEqualTo(line.key());
                assertThat(r.get("outcome")).isEqualTo("done");
                assertThat(r.get("claimedTo")).isEqualTo(line.nodeId());
                Instant activated = all.get(line.key()).activationDate();
                assertThat(r.get("activatedAt")).isEqualTo(activated == null ? "" : activated.toString());
                assertThat(r.get("reason")).isEqualTo(i < 40 ? "claimed, activated " + AT : "claimed");
            }
        }
    }

    /** The rows that did not end as done, with their reasons, so a failure says why. */
    private static List<String> notDone(BulkRun run) {
        return run.results().stream().filter(r -> r.outcome() != Outcome.DONE).map(RowResult::line).toList();
    }

    static List<CSVRecord> readReport(Path report) throws IOException {
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (Reader in = new StringReader(text.substring(1))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void aCancelledRunResumesWithoutSendingAnyRowTwice() throws Exception {
        try (BulkSandbox env = new BulkSandbox(SandboxOptions.defaults().withLatencyMs(5))) {
            List<Line> lines = env.freshLicenses(60, AT.toString());
            Path csv = BulkSandbox.write(dir.resolve("rows.csv"), lines);
            Backend backend = env.admin();
            BulkFile file = BulkSandbox.read(csv);
            Path journalPath = BulkJournal.defaultPath(csv);
            try (BulkEngine engine = new BulkEngine(backend.service(), env.settings, ErrorMessages.forBulk())) {
                BulkPreview preview = engine.preview(file, BulkJournal.read(journalPath, file), () -> false);
                assertThat(preview.count(PlannedRow.Verdict.READY)).isEqualTo(60);
                AtomicInteger finished = new AtomicInteger();
                BulkRun first;
                try (BulkJournal journal = BulkJournal.open(journalPath, file, Clock.systemUTC())) {
                    BulkRun[] holder = new BulkRun[1];
                    first = engine.newRun(preview, journal, r -> {
                        if (finished.incrementAndGet() == 20) {
                            holder[0].cancel();
                        }
                    });
                    holder[0] = first;
                    assertThat(first.execute()).isEqualTo(BulkRun.Status.CANCELLED);
                }
                Map<Outcome, Integer> counts = first.counts();
                assertThat(counts.get(Outcome.DONE)).isBetween(20, 40);
                assertThat(counts.get(Outcome.PENDING)).isEqualTo(60 - counts.get(Outcome.DONE));

                BulkPreview again = engine.preview(file, BulkJournal.read(journalPath, file), () -> false);
                assertThat(again.count(PlannedRow.Verdict.FINISHED)).isEqualTo((long) counts.get(Outcome.DONE));
                List<RowResult> heard = new CopyOnWriteArrayList<>();
                BulkRun second = runToEnd(engine, backend, csv, heard);
                assertThat(second.results()).extracting(RowResult::outcome).containsOnly(Outcome.DONE);
                assertThat(second.results()).extracting(RowResult::detail).containsOnly("claimed, activated " + AT);
            }
            for (Line line : lines) {
                assertThat(env.proxy.sent(SandboxProxy.CLAIM, line.key())).as(line.key()).isEqualTo(1);
                assertThat(env.proxy.sent(SandboxProxy.ACTIVATE, line.key())).as(line.key()).isEqualTo(1);
            }
        }
    }

    @Test
    void aJournalWithATornLineAndSendingStatesResumesByReadingBack() throws Exception {
        try (BulkSandbox env = new BulkSandbox(SandboxOptions.defaults())) {
            List<Line> lines = new ArrayList<>(env.freshLicenses(4, ""));
            // row 3 also asks for activation
            lines.set(2, new Line(lines.get(2).key(), lines.get(2).nodeId(), AT.toString()));
            Path csv = BulkSandbox.write(dir.resolve("rows.csv"), lines);
            BulkFile file = BulkSandbox.read(csv);
            Path journalPath = BulkJournal.defaultPath(csv);
            List<BulkRow> rows = file.rows();
            // a run that crashed: row 1's claim reached the server, row 2's did not; row 3 was claimed and its
            // activation reached the server; row 4 was never started; the last line was torn in the crash
            Backend direct = env.direct();
            direct.service().claim(lines.get(0).key(), lines.get(0).nodeId(), LicenseContext.none(), () -> { });
            direct.service().claim(lines.get(2).key(), lines.get(2).nodeId(), LicenseContext.none(), () -> { });
            direct.service().activate(lines.get(2).key(), AT, LicenseContext.none(), () -> { });
            try (BulkJournal crashed = BulkJournal.open(journalPath, file, Clock.systemUTC())) {
                crashed.sending(rows.get(0), BulkJournal.Step.CLAIM, rows.get(0).nodeId(), null);
                crashed.sending(rows.get(1), BulkJournal.Step.CLAIM, rows.get(1).nodeId(), null);
                crashed.sending(rows.get(2), BulkJournal.Step.CLAIM, rows.get(2).nodeId(), null);
                crashed.step(rows.get(2), BulkJournal.Step.CLAIM, BulkJournal.StepState.APPLIED);
                crashed.sending(rows.get(2), BulkJournal.Step.ACTIVATE, rows.get(2).nodeId(), AT);
            }
            Files.writeString(journalPath, "{\"t\":\"2026-", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);

            Backend backend = env.admin();
            List<RowResult> heard = new CopyOnWriteArrayList<>();
            BulkRun run;
            try (BulkEngine engine = new BulkEngine(backend.service(), env.settings, ErrorMessages.forBulk())) {
                run = runToEnd(engine, backend, csv, heard);
            }
            assertThat(run.results()).extracting(RowResult::outcome).containsOnly(Outcome.DONE);
            assertThat(run.results()).extracting(RowResult::detail)
                    .containsExactly("claimed", "claimed", "claimed, activated " + AT, "claimed");
            assertThat(env.proxy.sent(SandboxProxy.CLAIM, lines.get(0).key())).isZero();
            assertThat(env.proxy.sent(SandboxProxy.CLAIM, lines.get(1).key())).isEqualTo(1);
            assertThat(env.proxy.sent(SandboxProxy.CLAIM, lines.get(2).key())).isZero();
            assertThat(env.proxy.sent(SandboxProxy.ACTIVATE, lines.get(2).key())).isZero();
            assertThat(env.proxy.sent(SandboxProxy.CLAIM, lines.get(3).key())).isEqualTo(1);
            // the torn line was cut off: the journal reads cleanly and a third run finds every row finished
            BulkJournal.Replay replay = BulkJournal.read(journalPath, file);
            try (BulkEngine engine = new BulkEngine(backend.service(), env.settings, ErrorMessages.forBulk())) {
                assertThat(engine.preview(file, replay, () -> false).count(PlannedRow.Verdict.FINISHED))
                        .isEqualTo(4);
            }
        }
    }

    @Test
    void answersLostAfterTheServerAppliedThePostAreReadBackNotResent() throws Exception {
        try (BulkSandbox env = new BulkSandbox(SandboxOptions.defaults())) {
            List<Line> lines = env.freshLicenses(6, AT.toString());
            env.proxy.dropAfterApplying(SandboxProxy.CLAIM, lines.get(0).key());
            env.proxy.dropAfterApplying(SandboxProxy.ACTIVATE, lines.get(1).key());
            env.proxy.dropAfterApplying(SandboxProxy.CLAIM, lines.get(2).key());
            env.proxy.dropAfterApplying(SandboxProxy.ACTIVATE, lines.get(2).key());
            Path csv = BulkSandbox.write(dir.resolve("rows.csv"), lines);
            Backend backend = env.admin();
            BulkRun run;
            try (BulkEngine engine = new BulkEngine(backend.service(), env.settings, ErrorMessages.forBulk())) {
                run = runToEnd(engine, backend, csv, new CopyOnWriteArrayList<>());
            }
            assertThat(run.results()).extracting(RowResult::outcome).containsOnly(Outcome.DONE);
            assertThat(run.results()).extracting(RowResult::activatedAt).containsOnly(AT);
            for (Line line : lines) {
                assertThat(env.proxy.sent(SandboxProxy.CLAIM, line.key())).as(line.key()).isEqualTo(1);
                assertThat(env.proxy.sent(SandboxProxy.ACTIVATE, line.key())).as(line.key()).isEqualTo(1);
            }
        }
    }

    @Test
    void aSessionThatEndsMidRunPausesItAndTheRunCarriesOnAfterSigningInAgain() throws Exception {
        try (BulkSandbox env = new BulkSandbox(SandboxOptions.defaults().withLatencyMs(5))) {
            List<Line> lines = env.freshLicenses(40, "");
            Path csv = BulkSandbox.write(dir.resolve("rows.csv"), lines);
            Backend backend = env.admin();
            BulkFile file = BulkSandbox.read(csv);
            Path journalPath = BulkJournal.defaultPath(csv);
            try (BulkEngine engine = new BulkEngine(backend.service(), env.settings, ErrorMessages.forBulk());
                 BulkJournal journal = BulkJournal.open(journalPath, file, Clock.systemUTC())) {
                BulkPreview preview = engine.preview(file, BulkJournal.Replay.EMPTY, () -> false);
                AtomicInteger finished = new AtomicInteger();
                BulkRun run = engine.newRun(preview, journal, r -> {
                    if (finished.incrementAndGet() == 10) {
                        backend.session().signOut();
                    }
                });
                Throwable thrown = catchThrowable(run::execute);
                assertThat(Failure.is(thrown, ErrorKind.SIGNED_OUT)).as(String.valueOf(thrown)).isTrue();
                assertThat(run.counts().get(Outcome.PENDING)).isPositive();
                assertThat(run.counts().get(Outcome.FAILED)).isZero();

                BulkSandbox.signIn(backend);
                assertThat(run.execute()).isEqualTo(BulkRun.Status.FINISHED);
                assertThat(run.results()).extracting(RowResult::outcome).containsOnly(Outcome.DONE);
            }
            for (Line line : lines) {
                assertThat(env.proxy.applied(SandboxProxy.CLAIM, line.key())).as(line.key()).isEqualTo(1);
            }
        }
    }
}
