package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.credentials.KeyringCredentialStore;
import app.licensedesk.testing.CutColumns;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.UserSettings;
import app.licensedesk.ui.expiring.ExpiringLayoutTest;
import app.licensedesk.ui.expiring.ExpiringView;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The Preferences dialog in the running app: Ctrl+, opens it from the main window, a theme chosen there restyles
 * the app at once, the sign-in window then opens on the chosen environment, and after signing in again the tables
 * come back as they were left and the Expiring page looks as far ahead as chosen.
 */
class PreferencesJourneyTest extends Journey {

    @AfterAll
    static void lightAgain() throws Exception {
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void launch() throws Exception {
        start(() -> new LicenseDeskApp(AppOptions.parse(), SandboxOptions.defaults(), KeyringCredentialStore::new,
            () -> UserSettings.Theme.LIGHT));
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
    }

    @Test
    void preferencesFromTheMainWindowApplyLiveAndAtTheNextSignIn() {
        // with the theme following the system (the default) and the system light, the app is light
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        signIn();
        pressCtrl(KeyCode.COMMA);
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
        Stage dialog = (Stage) robot.lookup("#preferencesDialog").query().getScene().getWindow();
        assertThat(dialog.getIcons()).isNotEmpty();
        assertThat(dialog.getOwner()).isSameAs(stage);

        @SuppressWarnings("unchecked")
        ComboBox<UserSettings.Theme> theme = robot.lookup("#prefsTheme").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Object> start = robot.lookup("#prefsStartEnvironment").queryAs(ComboBox.class);
        robot.interact(() -> {
            theme.setValue(UserSettings.Theme.DARK);
            start.setValue(start.getItems().get(2)); // Eniris production
            robot.lookup("#prefsConcurrency").queryAs(TextInputControl.class).setText("3");
            robot.lookup("#prefsLookAheadDays").queryAs(TextInputControl.class).setText("90");
        });
        robot.clickOn("#prefsSaveButton");
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        UserSettings saved = UserSettings.load(new AppPreferences(prefs()));
        ClientSettings client = LicenseDeskApp.clientSettings(saved);
        assertThat(client.maxConcurrentRequests()).isEqualTo(3);
        assertThat(client.controllerNodeTypes()).containsExactly("smartgridControllerSite");
        assertThat(saved.lookAheadDays()).isEqualTo(90);

        // the Controllers table as the user leaves it: node ID first, sorted by name, Z to A
        pressCtrl(KeyCode.DIGIT2);
        TableView<Controller> table = robot.lookup("#controllersTable").queryTableView();
        robot.interact(() -> {
            TableColumn<Controller, ?> nodeId = column(table, "col-nodeId");
            TableColumn<Controller, ?> name = column(table, "col-name");
            table.getColumns().remove(nodeId);
            table.getColumns().add(0, nodeId);
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(name));
        });

        waitUntil(() -> robot.lookup("#statusText").queryLabeled().getText().equals("Ready"));
        robot.clickOn("#signOutButton");
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
        assertThat(robot.lookup("#envProduction").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.interact(() -> robot.lookup("#envSandbox").queryAs(RadioButton.class).fire());

        signIn();
        pressCtrl(KeyCode.DIGIT2);
        TableView<Controller> again = robot.lookup("#controllersTable").queryTableView();
        assertThat(again).isNotSameAs(table);
        assertThat(again.getColumns().get(0).getId()).isEqualTo("col-nodeId");
        assertThat(again.getSortOrder()).extracting(TableColumn::getId).containsExactly("col-name");
        assertThat(again.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        waitUntil(() -> again.getItems().size() > 1);
        List<String> names = again.getItems().stream().map(Controller::name).toList();
        // the column's own order (a collator), Z to A
        Comparator<String> collator = Collator.getInstance()::compare;
        assertThat(names).isSortedAccordingTo(collator.reversed());

        // the new session's Expiring page looks 90 days ahead (60 unless set), and in a 1400 x 900 window every
        // column of its customers table can be read, and the license table's first six
        robot.interact(() -> {
            stage.setWidth(1400);
            stage.setHeight(900);
        });
        pressCtrl(KeyCode.DIGIT5);
        waitUntil(() -> robot.lookup("#expiringSummary").tryQuery().isPresent());
        assertThat(robot.lookup("#expiringSummary").queryLabeled().getText()).contains(" within 90 days ");
        TableView<?> groups = robot.lookup("#expiringGroupsTable").queryTableView();
        waitUntil(() -> groups.getItems().size() > 20);
        assertThat(robot.lookup(".expiring-page").query().getLayoutBounds().getWidth())
                .isEqualTo(ExpiringLayoutTest.PAGE_WIDTH_AT_1400);
        assertThat(CutColumns.of(groups, Set.of("expiring-col-customer"))).isEmpty();
        TableView<?> licenses = robot.lookup("#expiringLicensesTable").queryTableView();
        waitUntil(() -> !robot.lookup("#expiringLicensesTable .table-row-cell").queryAll().isEmpty());
        assertThat(CutColumns.of(licenses, Set.of("col-customer", "col-controllers"),
                ExpiringView.FIRST_LICENSE_COLUMNS)).isEmpty();
    }

    private static TableColumn<Controller, ?> column(TableView<Controller> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
