package app.licensedesk.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.service.activity.ActivityEntry.Action;
import app.licensedesk.service.activity.ActivityEntry.Outcome;
import app.licensedesk.service.activity.ActivityEntry;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Activity page in a real window (headless): the log's changes, a search by key, the export hook. */
class ActivityViewTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() {
        robot.interact(() -> stage.close());
    }

    private static ActivityEntry claim(String id, int minutes, String user, String key) {
        return new ActivityEntry(id, T0.plusSeconds(60L * minutes), "PRODUCTION", "https://api.eniris.be", user,
                Action.CLAIM, key, "SGC-1", null, Outcome.SENT, null, null, null, 0, null);
    }

    @Test
    void listsTheChangesAndASearchByKeyShowsWhoClaimedIt() throws Exception {
        ActivityLog log = new ActivityLog(folder);
        ActivityEntry first = claim("c-1", 0, "ann@example.com", "SG1-COM-AAAA");
        log.append(first);
        log.append(first.followUp(T0.plusSeconds(1), Outcome.DONE).withState(null, "SGC-1"));
        log.append(claim("c-2", 5, "bob@example.com", "SG1-RES-BBBB"));
        robot.interact(() -> {
            TaskRunner tasks = TaskRunner.inline();
            ActivityView page = new ActivityView(new ActivityViewModel(log, tasks), tasks);
            stage = new Stage();
            stage.setScene(new Scene(page.root(), 1300, 700));
            stage.show();
            page.shown();
        });
        TableView<ActivityItem> table = robot.lookup("#activityTable").queryTableView();
        assertThat(table.getItems()).extracting(ActivityItem::key).containsExactly("SG1-RES-BBBB", "SG1-COM-AAAA");
        assertThat(robot.lookup("#activityFileLabel").queryAs(Label.class).getText()).contains(log.file().toString());

        robot.clickOn("#activitySearchField").write("aaaa");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        ActivityItem found = table.getItems().get(0);
        assertThat(found.user()).isEqualTo("ann@example.com");
        assertThat(found.environment()).isEqualTo("Eniris production");
        assertThat(found.story()).isEqualTo("Done: claimed to SGC-1");
        assertThat(robot.lookup("#activityCountLabel").queryAs(Label.class).getText()).isEqualTo("1 of 2 changes");
        // the export hook is on the table's context menu (the file chooser itself is native)
        assertThat(table.getContextMenu().getItems())
                .anySatisfy(item -> assertThat(item.getId()).isEqualTo("exportMenuItem"));
    }
}
