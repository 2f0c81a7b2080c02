package app.licensedesk.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.service.activity.ActivityEntry.Action;
import app.licensedesk.service.activity.ActivityEntry.Outcome;
import app.licensedesk.service.activity.ActivityEntry;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static TimeZone zoneBefore;

    @TempDir
    Path folder;

    @BeforeAll
    static void utc() {
        zoneBefore = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void restore() {
        TimeZone.setDefault(zoneBefore);
    }

    private static ActivityEntry sent(String id, int minutes, String env, String user, Action action, String key,
                                      String nodeId) {
        return new ActivityEntry(id, T0.plusSeconds(60L * minutes), env, "https://api.example", user, action, key,
                nodeId, null, Outcome.SENT, null, null, null, 0, null);
    }

    private ActivityLog logWithHistory() {
        ActivityLog log = new ActivityLog(folder);
        ActivityEntry claim = sent("c-1", 0, "PRODUCTION", "ann@example.com", Action.CLAIM, "SG1-COM-AAAA", "SGC-1");
        log.append(claim);
        log.append(claim.followUp(T0.plusSeconds(2), Outcome.DONE).withState(null, "SGC-1"));
        ActivityEntry lost = sent("c-2", 10, "SANDBOX", "bob@example.com", Action.CLAIM, "SG1-RES-BBBB", "SGC-2");
        log.append(lost);
        log.append(lost.followUp(T0.plusSeconds(630), Outcome.UNKNOWN).withError("TIMEOUT", 0, "no answer in time"));
        log.append(lost.followUp(T0.plusSeconds(640), Outcome.READ_BACK).withState(null, "SGC-2"));
        ActivityEntry refused = sent("c-3", 20, "PRODUCTION", "bob@example.com", Action.ACTIVATE, "SG1-COM-AAAA",
                null);
        log.append(refused);
        log.append(refused.followUp(T0.plusSeconds(1201), Outcome.REFUSED)
                .withError("FORBIDDEN", 403, "No right to activate"));
        // the app died while this one was out
        log.append(sent("c-4", 30, "CUSTOM", "ann@example.com", Action.CLAIM, "SG1-RES-CCCC", "SGC-3"));
        return log;
    }

    private static List<String> keysAndOutcomes(List<ActivityItem> items) {
        return items.stream().map(i -> i.key() + " " + i.outcome()).toList();
    }

    @Test
    void listsOneLinePerChangeNewestFirst() {
        ActivityViewModel vm = new ActivityViewModel(logWithHistory(), TaskRunner.inline());
        vm.shown();
        assertThat(keysAndOutcomes(vm.sorted())).containsExactly("SG1-RES-CCCC SENT", "SG1-COM-AAAA REFUSED",
                "SG1-RES-BBBB READ_BACK", "SG1-COM-AAAA DONE");
        assertThat(vm.countTextProperty().get()).isEqualTo("4 of 4 changes");
    }

    @Test
    void aSearchByKeyAnswersWhoClaimedItWhenAndFromWhere() {
        ActivityViewModel vm = new ActivityViewModel(logWithHistory(), TaskRunner.inline());
        vm.shown();
        vm.searchProperty().set("sg1-com-aaaa claim");
        assertThat(vm.sorted()).singleElement().satisfies(item -> {
            assertThat(item.user()).isEqualTo("ann@example.com");
            assertThat(item.time()).isEqualTo(T0);
            assertThat(item.environment()).isEqualTo("Eniris production");
            assertThat(item.story()).isEqualTo("Done: claimed to SGC-1");
        });
    }

    @Test
    void searchesUserEnvironmentControllerAndOutcome() {
        ActivityViewModel vm = new ActivityViewModel(logWithHistory(), TaskRunner.inline());
        vm.shown();
        vm.searchProperty().set("bob");
        assertThat(vm.sorted()).extracting(ActivityItem::key).containsExactly("SG1-COM-AAAA", "SG1-RES-BBBB");
        vm.searchProperty().set("local sandbox");
        assertThat(vm.sorted()).extracting(ActivityItem::key).containsExactly("SG1-RES-BBBB");
        vm.searchProperty().set("SGC-3");
        assertThat(vm.sorted()).extracting(ActivityItem::key).containsExactly("SG1-RES-CCCC");
        vm.searchProperty().set("refused");
        assertThat(vm.sorted()).extracting(ActivityItem::key).containsExactly("SG1-COM-AAAA");
        vm.searchProperty().set("outcome unknown");
        assertThat(vm.sorted()).extracting(ActivityItem::key).containsExactly("SG1-RES-BBBB");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 4 changes");
        vm.searchProperty().set("");
        assertThat(vm.sorted()).hasSize(4);
    }

    @Test
    void tellsTheWholeStoryOfEachChange() {
        ActivityViewModel vm = new ActivityViewModel(logWithHistory(), TaskRunner.inline());
        vm.shown();
        assertThat(vm.sorted()).extracting(ActivityItem::story).containsExactly(
                "Sent; no answer was recorded (the app was closed, or the answer is still awaited)",
                "Refused (FORBIDDEN 403: No right to activate)",
                "Outcome unknown (TIMEOUT: no answer in time), then read back as claimed to SGC-2",
                "Done: claimed to SGC-1");
    }

    @Test
    void anActivationAtAChosenTimeSaysWhenItWasAskedFor() {
        ActivityLog log = new ActivityLog(folder);
        ActivityEntry sent = new ActivityEntry("c-1", T0, "SANDBOX", "u", "ann", Action.ACTIVATE, "K", null,
                Instant.parse("2027-01-01T08:00:00Z"), Outcome.SENT, null, null, null, 0, null);
        log.append(sent);
        log.append(sent.followUp(T0, Outcome.DONE).withState(Instant.parse("2027-01-01T08:00:00Z"), null));
        ActivityViewModel vm = new ActivityViewModel(log, TaskRunner.inline());
        vm.shown();
        assertThat(vm.sorted().get(0).story())
                .isEqualTo("Done: activated at Jan 1, 2027, 8:00 AM (asked for Jan 1, 2027, 8:00 AM)");
    }

    @Test
    void aLostAnswerThenAReadBackThatDidNotSettleItNamesWhatLostTheAnswer() {
        ActivityLog log = new ActivityLog(folder);
        ActivityEntry sent = sent("c-1", 0, "SANDBOX", "ann", Action.ACTIVATE, "K", null);
        log.append(sent);
        log.append(sent.followUp(T0.plusSeconds(30), Outcome.UNKNOWN));
        log.append(sent.followUp(T0.plusSeconds(31), Outcome.READ_BACK).withError("NETWORK", 0, "reset"));
        // the service tells the failure that lost the answer, not why its read-back failed
        ActivityViewModel vm = new ActivityViewModel(log, TaskRunner.inline());
        vm.shown();
        assertThat(vm.sorted().get(0).story())
                .isEqualTo("Outcome unknown, then could not be read back (answer lost: NETWORK: reset)");
    }

    @Test
    void showingThePageAgainReadsWhatWasAddedMeanwhile() {
        ActivityLog log = logWithHistory();
        ActivityViewModel vm = new ActivityViewModel(log, TaskRunner.inline());
        vm.shown();
        log.append(sent("c-9", 60, "SANDBOX", "ann", Action.CLAIM, "SG1-NEW", "SGC-9"));
        vm.shown();
        assertThat(vm.sorted().get(0).key()).isEqualTo("SG1-NEW");
    }

    @Test
    void aLogThatCannotBeReadSaysWhere() throws Exception {
        Files.createDirectories(folder.resolve(ActivityLog.FILE_NAME));
        ActivityLog log = new ActivityLog(folder);
        ActivityViewModel vm = new ActivityViewModel(log, TaskRunner.inline());
        vm.shown();
        assertThat(vm.errorProperty().get()).isEqualTo("The activity log " + log.file() + " could not be read.");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
