package app.licensedesk.service.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.licensedesk.service.activity.ActivityEntry.Action;
import app.licensedesk.service.activity.ActivityEntry.Outcome;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityLogTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:30:00Z");

    @TempDir
    Path folder;

    static ActivityEntry entry(String correlationId, Outcome outcome) {
        return new ActivityEntry(correlationId, T0, "SANDBOX", "http://127.0.0.1:18088", "sales@sandbox.test",
                Action.CLAIM, "SG1-COM-TFU6-QNDE", "SGC-0001-KPWQ", null, outcome, null, null, null, 0, null);
    }

    @Test
    void entriesComeBackAsWrittenInOrder() {
        ActivityLog log = new ActivityLog(folder.resolve("not-yet-there"));
        assertThat(log.read()).isEmpty();
        ActivityEntry sent = entry("c-1", Outcome.SENT);
        ActivityEntry done = sent.followUp(T0.plusSeconds(1), Outcome.DONE).withState(null, "SGC-0001-KPWQ");
        ActivityEntry activation = new ActivityEntry("c-2", T0.plusSeconds(5), "PRODUCTION", "https://api.eniris.be",
                "admin@example.com", Action.ACTIVATE, "SG1-RES-Ä\"x", null, Instant.parse("2027-01-01T08:00:00Z"),
                Outcome.REFUSED, null, null, "FORBIDDEN", 403, "line one\nline two");

        log.append(sent);
        log.append(done);
        log.append(activation);

        assertThat(log.read()).containsExactly(sent, done, activation);
        assertThat(log.file()).hasFileName(ActivityLog.FILE_NAME);
    }

    @Test
    void eachEntryIsOneJsonLine() throws Exception {
        ActivityLog log = new ActivityLog(folder);
        log.append(entry("c-1", Outcome.SENT).withError("SERVER", 500, "a\nb\r\nc"));
        log.append(entry("c-2", Outcome.SENT));
        List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"v\":1,\"correlationId\":\"c-1\"")
                .contains("\"message\":\"a\\nb\\r\\nc\"");
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextEntryStartsOnItsOwnLine() throws Exception {
        ActivityLog log = new ActivityLog(folder);
        ActivityEntry first = entry("c-1", Outcome.SENT);
        log.append(first);
        // the app died half way through writing the next entry
        String torn = ActivityLog.toJson(entry("c-2", Outcome.SENT));
        Files.writeString(log.file(), torn.substring(0, torn.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertThat(new ActivityLog(folder).read()).containsExactly(first);

        // after the restart, a new log on the same file appends whole entries again
        ActivityLog restarted = new ActivityLog(folder);
        ActivityEntry after = entry("c-3", Outcome.DONE);
        restarted.append(after);
        assertThat(restarted.read()).containsExactly(first, after);
    }

    @Test
    void linesThatAreNotEntriesAreSkipped() throws Exception {
        ActivityLog log = new ActivityLog(folder);
        Files.createDirectories(folder);
        Files.writeString(log.file(),
                "\n[1,2]\n{\"v\":1}\nnot json\n{\"correlationId\":\"x\",\"time\":\"yesterday\"}\n",
                StandardCharsets.UTF_8);
        ActivityEntry good = entry("c-1", Outcome.UNKNOWN);
        log.append(good);
        assertThat(log.read()).containsExactly(good);
    }

    @Test
    void concurrentAppendsLoseNothingAndNeverInterleave() throws Exception {
        int threads = 8;
        int perThread = 150;
        // two logs on one folder, as after a second sign-in in the same app
        ActivityLog one = new ActivityLog(folder);
        ActivityLog two = new ActivityLog(folder.resolve(".").resolve(""));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            ActivityLog log = t % 2 == 0 ? one : two;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    log.append(entry("t" + thread + "-" + i, Outcome.SENT).withError(null, 0, "x".repeat(300)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<ActivityEntry> read = one.read();
        assertThat(read).hasSize(threads * perThread);
        assertThat(read.stream().map(ActivityEntry::correlationId).distinct()).hasSize(threads * perThread);
        // each thread's entries in the order it wrote them
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            List<String> ids = read.stream().map(ActivityEntry::correlationId).filter(id -> id.startsWith(prefix))
                    .toList();
            assertThat(ids).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, perThread).mapToObj(i -> prefix + i).toList());
        }
    }

    @Test
    void anUnwritableFolderFailsLoudly() throws Exception {
        Path blocker = folder.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        ActivityLog log = new ActivityLog(blocker);
        assertThatThrownBy(() -> log.append(entry("c-1", Outcome.SENT))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anEntryHasNoPlaceForASecret() {
        List<String> names = Arrays.stream(ActivityEntry.class.getRecordComponents()).map(RecordComponent::getName)
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
        assertThat(names).noneMatch(n -> n.contains("password") || n.contains("token") || n.contains("secret")
                || n.contains("authorization"));
    }

    @Test
    void aTokenInAMessageNeverReachesTheFile() throws Exception {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl";
        ActivityLog log = new ActivityLog(folder);
        log.append(entry("c-1", Outcome.REFUSED).withError("UNAUTHORIZED", 401,
                "token " + jwt + " rejected; header Authorization: Bearer opaque-refresh-value"));

        String file = Files.readString(log.file(), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain(jwt).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("opaque-refresh")
                .contains("[redacted]");
        assertThat(log.read().get(0).message()).contains("rejected");
    }
}
