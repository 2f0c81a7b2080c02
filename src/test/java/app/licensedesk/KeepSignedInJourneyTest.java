package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.credentials.MemoryCredentialStore;
import app.licensedesk.ui.common.OsTheme;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Keep me signed in" through the real windows: sign in with the box ticked, close the app, start it again and be
 * signed in without a password; a token revoked meanwhile brings the password prompt back; Sign out removes what
 * was kept. A sandbox that outlives the app's starts plays the real service (the app's own sandbox starts fresh
 * every run, so it is reached as a custom environment on loopback).
 */
class KeepSignedInJourneyTest extends Journey {

    private final MemoryCredentialStore store = new MemoryCredentialStore();
    private SandboxServer sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(3));
    }

    @AfterEach
    void stopSandbox() throws Exception {
        closeApp(); // before its server goes
        sandbox.close();
    }

    private void startApp() throws Exception {
        AppOptions options = AppOptions.parse("--auth-url", sandbox.baseUrl(), "--api-url", sandbox.baseUrl());
        start(() -> new LicenseDeskApp(options, SandboxOptions.defaults(), () -> store, OsTheme::detect));
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
}
