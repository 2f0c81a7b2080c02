package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.activity.DataFolders;
import app.licensedesk.service.credentials.KeyringCredentialStore;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.UserSettings;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Preferences dialog in the running app: Ctrl+, opens it from the main window, a theme chosen there restyles
 * the app at once, the sign-in window then opens on the chosen environment, and the tables come back as they were
 * left after signing in again.
 */
class PreferencesJourneyTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;
    private String prefsNode;
    /** The activity log of each journey, never the real user's. */
    @TempDir
    Path dataFolder;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterAll
    static void lightAgain() throws Exception {
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void launch() throws Exception {
        prefsNode = "license-desk-test/" + UUID.randomUUID();
        System.setProperty("licensedesk.prefs", prefsNode);
        System.setProperty(DataFolders.OVERRIDE_PROPERTY, dataFolder.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new LicenseDeskApp(AppOptions.parse(), SandboxOptions.defaults(),
            KeyringCredentialStore::new, () -> UserSettings.Theme.LIGHT));
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        FxToolkit.cleanupApplication(app);
        Preferences.userRoot().node(prefsNode).removeNode();
        System.clearProperty("licensedesk.prefs");
        System.clearProperty(DataFolders.OVERRIDE_PROPERTY);
    }

    @Test
    void preferencesFromTheMainWindowApplyLiveAndAtTheNextSignIn() {
        // with the theme following the system (the default) and the system light, the app is light
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        signIn();
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
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
        });
        robot.clickOn("#prefsSaveButton");
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        UserSettings saved = UserSettings.load(new AppPreferences(Preferences.userRoot().node(prefsNode)));
        ClientSettings client = LicenseDeskApp.clientSettings(saved);
        assertThat(client.maxConcurrentRequests()).isEqualTo(3);
        assertThat(client.controllerNodeTypes()).containsExactly("smartgridControllerSite");

        // the Controllers table as the user leaves it: node ID first, sorted by name, Z to A
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
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
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
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
    }

    private static TableColumn<Controller, ?> column(TableView<Controller> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private void signIn() {
        TextInputControl user = robot.lookup("#usernameField").queryTextInputControl();
        TextInputControl password = robot.lookup("#passwordField").queryTextInputControl();
        robot.interact(() -> {
            user.setText(SandboxAccounts.ADMIN_USERNAME);
            password.setText(SandboxAccounts.ADMIN_PASSWORD);
        });
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
    }
}
