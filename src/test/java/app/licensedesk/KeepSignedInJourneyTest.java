package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.activity.DataFolders;
import app.licensedesk.service.credentials.MemoryCredentialStore;
import app.licensedesk.ui.common.OsTheme;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
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
 * "Keep me signed in" through the real windows: sign in with the box ticked, close the app, start it again and be
 * signed in without a password; a token revoked meanwhile brings the password prompt back; Sign out removes what
 * was kept. A sandbox that outlives the app's starts plays the real service (the app's own sandbox starts fresh
 * every run, so it is reached as a custom environment on loopback).
 */
class KeepSignedInJourneyTest {

    private static final long TIMEOUT_S = 30;

    private final FxRobot robot = new FxRobot();
    private final MemoryCredentialStore store = new MemoryCredentialStore();
    private SandboxServer sandbox;
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

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(3));
        prefsNode = "license-desk-test/" + UUID.randomUUID();
        System.setProperty("licensedesk.prefs", prefsNode);
        System.setProperty(DataFolders.OVERRIDE_PROPERTY, dataFolder.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        closeApp();
        Preferences.userRoot().node(prefsNode).removeNode();
        System.clearProperty("licensedesk.prefs");
        System.clearProperty(DataFolders.OVERRIDE_PROPERTY);
        sandbox.close();
    }

    private void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppOptions options = AppOptions.parse("--auth-url", sandbox.baseUrl(), "--api-url", sandbox.baseUrl());
        app = FxToolkit.setupApplication(() -> new LicenseDeskApp(options, SandboxOptions.defaults(), () -> store,
            OsTheme::detect));
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent()
                || robot.lookup("#environmentBanner").tryQuery().isPresent());
    }

    private void closeApp() throws Exception {
        if (app != null) {
            robot.interact(() -> Window.getWindows().stream().filter(w -> w != FxToolkit.toolkitContext()
                    .getRegisteredStage()).toList().forEach(Window::hide));
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    @Test
    void keptSignInSurvivesARestartUntilSignOut() throws Exception {
        startApp();
        CheckBox keep = robot.lookup("#keepSignedInCheck").queryAs(CheckBox.class);
        waitUntil(() -> !keep.isDisabled()); // the store was asked off the FX thread
        assertThat(keep.isSelected()).isFalse();
        fill("#usernameField", SandboxAccounts.ADMIN_USERNAME);
        fill("#passwordField", SandboxAccounts.ADMIN_PASSWORD);
        robot.clickOn("#keepSignedInCheck");
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
        assertThat(store.entries()).hasSize(1);

        // closing a kept session leaves its token valid: the next start signs in by itself
        closeApp();
        assertThat(store.entries()).hasSize(1);
        startApp();
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
        assertThat(text("#signedInUser")).isEqualTo(SandboxAccounts.ADMIN_USERNAME);

        // sign out removes it: the next start asks for the password
        waitUntil(() -> text("#statusText").equals("Ready"));
        robot.clickOn("#signOutButton");
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
        waitUntil(() -> store.entries().isEmpty());
        closeApp();
        startApp();
        assertThat(robot.lookup("#usernameField").tryQuery()).isPresent();
        assertThat(robot.lookup("#keepSignedInCheck").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(text("#loginError")).isEmpty();
    }

    @Test
    void aRevokedKeptSignInBringsThePasswordPromptBack() throws Exception {
        startApp();
        CheckBox keep = robot.lookup("#keepSignedInCheck").queryAs(CheckBox.class);
        waitUntil(() -> !keep.isDisabled());
        fill("#usernameField", SandboxAccounts.ADMIN_USERNAME);
        fill("#passwordField", SandboxAccounts.ADMIN_PASSWORD);
        robot.interact(() -> keep.setSelected(true));
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
        closeApp();

        String secret = store.entries().values().iterator().next();
        HttpResponse<String> logout = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/auth/logout"))
                .header("Authorization", "Bearer " + secret.substring(secret.lastIndexOf(' ') + 1))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);

        startApp();
        waitUntil(() -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).startsWith("Your kept sign-in has ended");
        assertThat(robot.lookup("#environmentBanner").tryQuery()).isEmpty();
        assertThat(robot.lookup("#usernameField").queryTextInputControl().getText())
                .isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(store.entries()).isEmpty();
        fill("#passwordField", SandboxAccounts.ADMIN_PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
    }

    private void fill(String query, String value) {
        TextInputControl field = robot.lookup(query).queryTextInputControl();
        robot.interact(() -> {
            field.requestFocus();
            field.clear();
            field.replaceSelection(value);
        });
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText()
                : ((TextInputControl) n).getText()).orElse("");
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
