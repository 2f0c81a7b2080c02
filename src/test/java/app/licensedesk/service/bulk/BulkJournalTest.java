package app.licensedesk.service.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on disk: one line per state change, the file's hash in the header, torn last lines. */
class BulkJournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static BulkFile file(String text) {
        return BulkCsv.parse("rows.csv", text.getBytes(StandardCharsets.UTF_8), ZoneOffset.UTC);
    }

    private final BulkFile file = file("licenseKey,nodeId\nSG1-A,SGC-1\nSG1-B,SGC-2\n");

    @Test
    void noJournalMeansNothingRecordedAndNothingIsCreatedByReading() throws Exception {
        Path path = dir.resolve("rows.csv.journal");
        assertThat(BulkJournal.read(path, file).isEmpty()).isTrue();
        assertThat(path).doesNotExist();
    }

    @Test
    void eachStateChangeIsOneLineAndReadsBack() throws Exception {
        Path path = dir.resolve("rows.csv.journal");
        BulkRow a = file.rows().get(0);
        BulkRow b = file.rows().get(1);
        try (BulkJournal journal = BulkJournal.open(path, file, CLOCK)) {
            journal.sending(a, BulkJournal.Step.CLAIM, "SGC-1", null);
            journal.step(a, BulkJournal.Step.CLAIM, BulkJournal.StepState.APPLIED);
            journal.finished(new RowResult(a, RowResult.Outcome.DONE, "claimed", "SGC-1", null));
            journal.sending(b, BulkJournal.Step.CLAIM, "SGC-2", null);
        }
        List<String> lines = Files.readAllLines(path);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("\"sha256\":\"" + file.sha256() + "\"").contains("rows.csv");
        assertThat(lines.get(1)).isEqualTo("{\"t\":\"2026-11-30T10:00:00Z\",\"line\":2,\"key\":\"SG1-A\","
                + "\"step\":\"claim\",\"state\":\"sending\",\"nodeId\":\"SGC-1\"}");
        BulkJournal.Replay replay = BulkJournal.read(path, file);
        assertThat(replay.of(a).result().outcome()).isEqualTo(RowResult.Outcome.DONE);
        assertThat(replay.of(a).result().claimedTo()).isEqualTo("SGC-1");
        assertThat(replay.of(b).claim()).isEqualTo(BulkJournal.StepState.SENDING);
        assertThat(replay.of(b).result()).isNull();
    }

    @Test
    void aTornLastLineIsIgnoredAndCutOffBeforeAppending() throws Exception {
        Path path = dir.resolve("rows.csv.journal");
        BulkRow a = file.rows().get(0);
        try (BulkJournal journal = BulkJournal.open(path, file, CLOCK)) {
            journal.sending(a, BulkJournal.Step.CLAIM, "SGC-1", null);
        }
        Files.writeString(path, "{\"t\":\"2026-11-30T10:00:00Z\",\"line\":2,\"key\":\"SG1-A\",\"st",
                StandardOpenOption.APPEND);
        assertThat(BulkJournal.read(path, file).of(a).claim()).isEqualTo(BulkJournal.StepState.SENDING);
        try (BulkJournal journal = BulkJournal.open(path, file, CLOCK)) {
            journal.step(a, BulkJournal.Step.CLAIM, BulkJournal.StepState.NOT_APPLIED);
        }
        assertThat(Files.readAllLines(path)).hasSize(3).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(BulkJournal.read(path, file).of(a).claim()).isEqualTo(BulkJournal.StepState.NOT_APPLIED);
    }

    @Test
    void aJournalOfAnotherFileIsRefused() throws Exception {
        Path path = dir.resolve("rows.csv.journal");
        try (BulkJournal journal = BulkJournal.open(path, file, CLOCK)) {
            journal.sending(file.rows().get(0), BulkJournal.Step.CLAIM, "SGC-1", null);
        }
        BulkFile edited = file("licenseKey,nodeId\nSG1-A,SGC-1\nSG1-B,SGC-3\n");
        assertThatThrownBy(() -> BulkJournal.read(path, edited)).isInstanceOf(JournalException.class)
                .hasMessageContaining("belongs to another file");
        assertThatThrownBy(() -> BulkJournal.open(path, edited, CLOCK)).isInstanceOf(JournalException.class);
        assertThat(Files.readAllLines(path)).hasSize(2);
    }

    @Test
    void aDamagedLineBeforeTheLastIsRefusedNotSkipped() throws Exception {
        Path path = dir.resolve("rows.csv.journal");
        BulkRow a = file.rows().get(0);
        try (BulkJournal journal = BulkJournal.open(path, file, CLOCK)) {
            journal.sending(a, BulkJournal.Step.CLAIM, "SGC-1", null);
        }
        Files.writeString(path, "garbage\n", StandardOpenOption.APPEND);
        try (BulkJournal journal = BulkJournal.open(path, file, CLOCK)) {
            // the bad line was the last one: cut off
            journal.step(a, BulkJournal.Step.CLAIM, BulkJournal.StepState.APPLIED);
        }
        List<String> lines = Files.readAllLines(path);
        Files.write(path, List.of(lines.get(0), lines.get(1), "garbage", lines.get(2)));
        assertThatThrownBy(() -> BulkJournal.read(path, file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("damaged at line 3");
    }

    @Test
    void aTornHeaderStartsAfresh() throws Exception {
        Path path = dir.resolve("rows.csv.journal");
        Files.writeString(path, "{\"journal\":\"license-de");
        assertThat(BulkJournal.read(path, file).isEmpty()).isTrue();
        try (BulkJournal journal = BulkJournal.open(path, file, CLOCK)) {
            journal.sending(file.rows().get(0), BulkJournal.Step.CLAIM, "SGC-1", null);
        }
        assertThat(BulkJournal.read(path, file).of(file.rows().get(0)).claim())
                .isEqualTo(BulkJournal.StepState.SENDING);
    }
}
