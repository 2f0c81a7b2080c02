package app.licensedesk;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every TestFX journey shares: the real app, headless, with preferences in a node of their own under
 * {@code license-desk-test} (removed afterwards) and its data folder (the activity log) in a temp folder, never the
 * real user's; started by the journey ({@link #startSandboxApp}, {@link #start}), closed after each test. Every wait
 * is on a condition, never a sleep.
 */
abstract class Journey {

    static final long TIMEOUT_S = 30;

    final FxRobot robot = new FxRobot();
    /** The registered primary stage, which the app shows its windows in. */
    Stage stage;
    /** This journey's preferences node (a path under the user root). */
    String prefsNode;
    /** The activity log of each journey, never the real user's. */
    @TempDir
    Path dataFolder;
    private Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        // the app hides its window between journeys; the toolkit must survive that
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void isolate() {
        prefsNode = "license-desk-test/" + UUID.randomUUID();
        System.setProperty("licensedesk.prefs", prefsNode);
        System.setProperty(UserFolders.DATA_PROPERTY, dataFolder.toString());
    }

    @AfterEach
    void cleanUp() throws Exception {
        closeApp();
        Preferences.userRoot().node(prefsNode).removeNode();
        System.clearProperty("licensedesk.prefs");
        System.clearProperty(UserFolders.DATA_PROPERTY);
    }

    /** This journey's preferences, as the app reads them. */
    Preferences prefs() {
        return Preferences.userRoot().node(prefsNode);
    }

    /** Starts the app on its in-process sandbox, as {@code --sandbox} does, and waits for its sign-in window. */
    void startSandboxApp() throws Exception {
        startSandboxApp(SandboxOptions.defaults());
    }

    /** The same with the sandbox's options (a test clock, say). */
    void startSandboxApp(SandboxOptions sandbox) throws Exception {
        start(() -> new LicenseDeskApp(AppOptions.parse("--sandbox"), sandbox));
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
    }

    /** Starts the app and waits until it shows a window: the sign-in window, or the main one when it signed in. */
    void start(Supplier<Application> newApp) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(newApp);
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent()
                || robot.lookup("#environmentBanner").tryQuery().isPresent());
    }

    /** Stops the app, after closing any dialog left open (by a failed journey, say); nothing when it is not up. */
    void closeApp() throws Exception {
        if (app != null) {
            robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                    .forEach(Window::hide));
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    /** Signs in on the sign-in window as the sandbox's admin. */
    void signIn() {
        signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD);
    }

    /** Signs in on the sign-in window and waits for the main window. */
    void signIn(String username, String password) {
        fill("#usernameField", username);
        fill("#passwordField", password);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
    }

    /** Ctrl and the key, as the robot types a shortcut. */
    void pressCtrl(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    /** Puts the value in the field as a paste would: focused, emptied, the value typed over the selection. */
    void fill(String query, String value) {
        TextInputControl field = robot.lookup(query).queryTextInputControl();
        robot.interact(() -> {
            field.requestFocus();
            field.clear();
            field.replaceSelection(value);
        });
    }

    /** The text a label, button or field shows ("" for none). */
    String text(String query) {
        Node node = robot.lookup(query).query();
        if (node instanceof Labeled labeled) {
            return labeled.getText() == null ? "" : labeled.getText();
        }
        return node instanceof TextInputControl input ? input.getText() : node.toString();
    }

    /** The id of the main window's focus owner, or null. */
    String focusOwnerId() {
        Node owner = stage.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    /** Waits until the condition holds, checked after the FX thread's pending events; fails after 30 s. */
    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_S + " s", e);
        }
    }
}
