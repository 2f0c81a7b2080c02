package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.ui.assign.ControllerItem;
import app.licensedesk.ui.assign.QueuedPair;
import app.licensedesk.ui.shared.LicenseRow;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The assignment workspace end to end: the real windows, headless, against the in-process sandbox. Two pairs are
 * queued with the keys alone (one to be activated as well), a third is queued and removed with Delete, the queue
 * runs with Ctrl+Enter, and the Controllers page shows both licenses under their controllers. Every wait is on a
 * condition.
 */
class AssignJourneyTest extends Journey {

    @BeforeEach
    void launch() throws Exception {
        startSandboxApp();
    }

    @Test
    void assignTwoPairsWithTheKeysAndSeeThemOnTheControllersPage() {
        signIn();
        pressCtrl(KeyCode.DIGIT1);
        ListView<Customer> customers = robot.lookup("#customersList").queryListView();
        waitUntil(() -> !customers.getItems().isEmpty());
        Customer chosen = customers.getItems().get(0);
        robot.interact(() -> customers.getSelectionModel().select(0));

        // "Assign…" opens the workspace with the customer preselected
        robot.clickOn("#customerAssignButton");
        waitUntil(() -> robot.lookup("#assignFreeList").tryQuery().isPresent());
        assertThat(robot.lookup("#assignCustomerPicker").queryComboBox().getValue()).isEqualTo(chosen);
        ListView<LicenseRow> free = robot.lookup("#assignFreeList").queryListView();
        ListView<ControllerItem> controllers = robot.lookup("#assignControllersList").queryListView();
        ListView<QueuedPair> queue = robot.lookup("#assignQueueList").queryListView();
        waitUntil(() -> free.getItems().size() >= 3 && !controllers.getItems().isEmpty()
                && controllers.getItems().stream().noneMatch(c -> c.loadingProperty().get()));
        assertThat(free.getItems()).allSatisfy(row -> {
            assertThat(row.getController()).isEmpty();
            assertThat(row.getLicense().datalinks()).isEmpty();
        });

        // the first pair: Enter on a license, then Enter on a controller
        String first = queuePairWithTheKeys(free, controllers, 0);
        waitUntil(() -> queue.getItems().size() == 1);
        // the second, to be activated as well (Alt+N: "Activate now"), on another controller when there is one
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        waitUntil(() -> robot.lookup("#assignNowRadio").queryAs(RadioButton.class).isSelected());
        String second = queuePairWithTheKeys(free, controllers, controllers.getItems().size() > 1 ? 1 : 0);
        waitUntil(() -> queue.getItems().size() == 2);
        // a third, taken back with Delete (Alt+O: "Claim only" again)
        robot.press(KeyCode.ALT, KeyCode.O).release(KeyCode.O, KeyCode.ALT);
        waitUntil(() -> robot.lookup("#assignClaimOnlyRadio").queryAs(RadioButton.class).isSelected());
        String third = queuePairWithTheKeys(free, controllers, 0);
        waitUntil(() -> queue.getItems().size() == 3);
        robot.interact(() -> {
            queue.requestFocus();
            queue.getSelectionModel().select(2);
        });
        robot.type(KeyCode.DELETE);
        waitUntil(() -> queue.getItems().size() == 2);
        assertThat(free.getItems()).extracting(LicenseRow::getKey).contains(third).doesNotContain(first, second);
        QueuedPair firstPair = queue.getItems().get(0);
        QueuedPair secondPair = queue.getItems().get(1);
        assertThat(firstPair.key()).isEqualTo(first);
        assertThat(secondPair.key()).isEqualTo(second);
        assertThat(secondPair.plan().activates()).isTrue();

        // Ctrl+Enter runs the queue: both claimed, the second activated too
        pressCtrl(KeyCode.ENTER);
        waitUntil(() -> queue.getItems().stream().allMatch(p -> p.getState() == QueuedPair.State.DONE));
        assertThat(firstPair.messageProperty().get()).startsWith("Claimed to ");
        assertThat(secondPair.messageProperty().get()).contains("activated at");
        assertThat(secondPair.license().getLicense().activationDate()).isNotNull();
        // the workspace shows them under their controllers at once
        waitUntil(() -> secondPair.controller().licenses().contains(secondPair.license()));
        // each claim and the activation are in the activity log, like those of the dialogs; the removed pair is not
        assertThat(dataFolder.resolve(ActivityLog.FILE_NAME)).content()
                .contains("\"key\":\"" + first + "\"", "\"key\":\"" + second + "\"", "\"action\":\"ACTIVATE\"")
                .doesNotContain(third);

        // and so does the Controllers page, with the same rows
        pressCtrl(KeyCode.DIGIT2);
        for (QueuedPair pair : List.of(firstPair, secondPair)) {
            TableView<Controller> table = robot.lookup("#controllersTable").queryTableView();
            waitUntil(() -> table.getItems().stream().anyMatch(c -> c.nodeId().equals(pair.nodeId())));
            robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                    .filter(c -> c.nodeId().equals(pair.nodeId())).findFirst().orElseThrow()));
            TableView<LicenseRow> linked = robot.lookup("#controllerLicensesTable").queryTableView();
            waitUntil(() -> linked.getItems().contains(pair.license()));
            assertThat(pair.license().getControllers()).contains(pair.nodeId());
        }
    }

    /**
     * Picks the first free license that is not activated yet and the controller at {@code controllerIndex} with the
     * keyboard: Enter on the license moves to the controllers, Enter there queues the pair.
     *
     * @return the key of the queued license
     */
    private String queuePairWithTheKeys(ListView<LicenseRow> free, ListView<ControllerItem> controllers,
                                        int controllerIndex) {
        LicenseRow fresh = free.getItems().stream().filter(r -> r.getStatus() == LicenseStatus.NOT_ACTIVATED)
                .findFirst().orElseThrow();
        String key = fresh.getKey();
        robot.interact(() -> {
            free.requestFocus();
            free.getSelectionModel().select(fresh);
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "assignControllersList".equals(focusOwnerId()));
        robot.interact(() -> controllers.getSelectionModel().select(controllerIndex));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> free.getItems().stream().noneMatch(r -> r.getKey().equals(key)));
        return key;
    }
}
