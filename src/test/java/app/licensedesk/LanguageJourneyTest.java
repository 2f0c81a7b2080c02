package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.activity.DataFolders;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRow;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The language saved in the preferences ({@code ui.language}) is the one the real app starts in: its texts, its
 * dates and numbers, and the buttons of its dialogs.
 */
class LanguageJourneyTest {

    private static final long TIMEOUT_S = 30;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;
    private String prefsNode;
    /** The activity log of each journey, never the real user's. */
    @TempDir
    Path dataFolder;
    private Locale defaultBefore;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void launchInGerman() throws Exception {
        defaultBefore = Locale.getDefault();
        prefsNode = "license-desk-test/" + UUID.randomUUID();
        Preferences.userRoot().node(prefsNode).put(I18n.PREF_LANGUAGE, "de");
        System.setProperty("licensedesk.prefs", prefsNode);
        System.setProperty(DataFolders.OVERRIDE_PROPERTY, dataFolder.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new LicenseDeskApp(AppOptions.parse("--sandbox"),
                SandboxOptions.defaults()));
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        FxToolkit.cleanupApplication(app);
        Preferences.userRoot().node(prefsNode).removeNode();
        System.clearProperty("licensedesk.prefs");
        System.clearProperty(DataFolders.OVERRIDE_PROPERTY);
        Locale.setDefault(defaultBefore);
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theAppStartsInTheSavedLanguage() {
        assertThat(robot.lookup("#signInButton").queryButton().getText()).isEqualTo("Anmelden");
        assertThat(robot.lookup("#envSandbox").queryLabeled().getText()).isEqualTo("Lokale Sandbox");
        assertThat(stage.getTitle()).isEqualTo("License Desk \u2013 Anmelden");

        fill("#usernameField", SandboxAccounts.ADMIN_USERNAME);
        fill("#passwordField", SandboxAccounts.ADMIN_PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
        assertThat(robot.lookup("#environmentBanner").queryLabeled().getText()).startsWith("LOKALE SANDBOX");
        assertThat(robot.lookup("#navCUSTOMERS").queryLabeled().getText()).isEqualTo("Kunden");
        assertThat(robot.lookup("#signOutButton").queryButton().getText()).isEqualTo("Abmelden");

        // dates and numbers in German: 01.12.2026, 14:00 and 1.234
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        TableView<LicenseRow> table = robot.lookup("#licensesTable").queryTableView();
        waitUntil(() -> table.getItems().size() > 20);
        waitUntil(() -> cellTexts().anyMatch(t -> t.matches("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}")));
        waitUntil(() -> cellTexts().anyMatch(t -> t.matches("\\d\\.\\d{3}")));
        assertThat(robot.lookup("#licensesCountLabel").queryLabeled().getText()).matches("\\d+ von \\d+ Lizenzen");

        // a dialog's Cancel comes from our bundle, not from JavaFX
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#dialogCancelButton").tryQuery().isPresent());
        assertThat(robot.lookup("#dialogCancelButton").queryAs(Button.class).getText()).isEqualTo("Abbrechen");
        robot.clickOn("#dialogCancelButton");
        waitUntil(() -> robot.lookup("#dialogCancelButton").tryQuery().isEmpty());
    }

    private java.util.stream.Stream<String> cellTexts() {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream().map(Labeled::getText)
                .filter(text -> text != null);
    }

    private void fill(String query, String value) {
        TextInputControl field = robot.lookup(query).queryTextInputControl();
        robot.interact(() -> {
            field.requestFocus();
            field.clear();
            field.replaceSelection(value);
        });
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_S + " s", e);
        }
    }
}
