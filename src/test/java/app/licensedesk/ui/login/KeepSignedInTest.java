package app.licensedesk.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.model.SessionState;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.sandbox.Totp;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.credentials.CredentialStore;
import app.licensedesk.service.credentials.KeptSignIn;
import app.licensedesk.service.credentials.MemoryCredentialStore;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Keep me signed in" on the sign-in screen, against the real sandbox (as a custom loopback environment, since the
 * local sandbox is never kept) with an in-memory credential store. Each new view model plays a new start.
 */
class KeepSignedInTest {

    private static SandboxServer sandbox;
    private final MemoryCredentialStore store = new MemoryCredentialStore();
    private final List<Backend> signedIn = new ArrayList<>();
    private final List<LoginViewModel> screens = new ArrayList<>();
    private Preferences node;
    private AppPreferences prefs;

    @BeforeAll
    static void startSandbox() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(3));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
        prefs = new AppPreferences(node);
    }

    @AfterEach
    void tearDown() throws Exception {
        signedIn.forEach(Backend::close);
        screens.forEach(LoginViewModel::dispose);
        node.removeNode();
    }

    /** A sign-in screen as the app builds it at start, on a custom environment at the sandbox. */
    private LoginViewModel screen(CredentialStore credentials) {
        Connector connector = (kind, auth, api) -> Backends.connect(kind == Environment.Kind.SANDBOX
                ? Environment.sandbox(sandbox.baseUrl()) : new Environment(kind, auth, api), ClientSettings.defaults());
        LoginViewModel vm = new LoginViewModel(connector, TaskRunner.inline(), prefs, null,
                sandbox.baseUrl(), sandbox.baseUrl(), signedIn::add);
        vm.offerKeep(new KeptSignIn(credentials));
        vm.keep().probe();
        screens.add(vm);
        return vm;
    }

    private LoginViewModel screen() {
        return screen(store);
    }

    private void signIn(LoginViewModel vm, String user, String password, boolean keep) {
        vm.environmentProperty().set(Environment.Kind.CUSTOM);
        vm.keep().chosenProperty().set(keep);
        vm.usernameProperty().set(user);
        vm.passwordProperty().set(password);
        vm.signIn();
    }

    private String keptToken() {
        String secret = store.entries().values().iterator().next();
        return secret.substring(secret.lastIndexOf(' ') + 1);
    }

    @Test
    void signInWithKeepThenTheNextStartNeedsNoPassword() {
        LoginViewModel first = screen();
        assertThat(first.keep().chosenProperty().get()).isFalse(); // opt-in
        signIn(first, SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD, true);
        assertThat(signedIn).hasSize(1);
        assertThat(store.entries()).containsOnlyKeys(SandboxAccounts.ADMIN_USERNAME + " @ " + sandbox.baseUrl());
        // nothing secret in the preferences: the username and the choice, never the token
        for (String value : preferenceValues()) {
            assertThat(value).doesNotContain(keptToken());
        }

        LoginViewModel next = screen();
        assertThat(next.keep().chosenProperty().get()).isTrue(); // the choice is remembered
        assertThat(next.environmentProperty().get()).isEqualTo(Environment.Kind.CUSTOM);
        next.resumeKept();
        assertThat(signedIn).hasSize(2);
        Backend resumed = signedIn.get(1);
        assertThat(resumed.session().state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(resumed.session().username()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(resumed.service().customers()).isNotEmpty();
        assertThat(next.passwordProperty().get()).isEmpty();
    }

    @Test
    void aRevokedTokenFallsBackToThePasswordPrompt() throws Exception {
        signIn(screen(), SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD, true);
        HttpResponse<String> logout = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/auth/logout")).header("Authorization", "Bearer " + keptToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);

        LoginViewModel next = screen();
        next.resumeKept();
        assertThat(signedIn).hasSize(1);
        assertThat(next.errorProperty().get()).isEqualTo(I18n.t("error.resume.refused"));
        assertThat(next.stepProperty().get()).isEqualTo(LoginViewModel.Step.CREDENTIALS);
        assertThat(next.busyProperty().get()).isFalse();
        assertThat(next.usernameProperty().get()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(store.entries()).isEmpty();

        next.passwordProperty().set(SandboxAccounts.ADMIN_PASSWORD);
        next.signIn();
        assertThat(signedIn).hasSize(2);
        assertThat(store.entries()).hasSize(1); // still ticked: kept again
    }

    @Test
    void signOutRemovesTheKeptSignIn() {
        signIn(screen(), SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD, true);
        signedIn.get(0).session().signOut();
        assertThat(store.entries()).isEmpty();
        LoginViewModel next = screen();
        next.resumeKept();
        assertThat(signedIn).hasSize(1);
        assertThat(next.errorProperty().get()).isEmpty(); // nothing kept: just the password prompt
    }

    @Test
    void signingInWithoutKeepRemovesWhatWasKept() {
        signIn(screen(), SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD, true);
        assertThat(store.entries()).hasSize(1);
        signIn(screen(), SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD, false);
        assertThat(store.entries()).isEmpty();
        LoginViewModel next = screen();
        assertThat(next.keep().chosenProperty().get()).isFalse();
        next.resumeKept();
        assertThat(signedIn).hasSize(2);
    }

    @Test
    void aTwoFactorSignInIsKeptToo() {
        LoginViewModel vm = screen();
        signIn(vm, SandboxAccounts.TWO_FACTOR_USERNAME, SandboxAccounts.TWO_FACTOR_PASSWORD, true);
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.TWO_FACTOR);
        assertThat(store.entries()).isEmpty();
        vm.codeProperty().set(Totp.code(SandboxAccounts.TOTP_SECRET, Instant.now()));
        vm.verifyCode();
        assertThat(signedIn).hasSize(1);
        assertThat(store.entries()).containsOnlyKeys(SandboxAccounts.TWO_FACTOR_USERNAME + " @ " + sandbox.baseUrl());
    }

    @Test
    void withoutACredentialStoreTheOptionIsDisabledAndSaysWhy() {
        LoginViewModel vm = screen(MemoryCredentialStore.unavailable());
        vm.environmentProperty().set(Environment.Kind.CUSTOM);
        assertThat(vm.keep().usableProperty().get()).isFalse();
        assertThat(vm.keep().reasonProperty().get()).isEqualTo(I18n.t("login.keep.unavailable"));
        vm.keep().chosenProperty().set(true);
        assertThat(vm.keep().wanted()).isFalse();
    }

    @Test
    void theLocalSandboxIsNeverKept() {
        LoginViewModel vm = screen();
        vm.environmentProperty().set(Environment.Kind.SANDBOX);
        assertThat(vm.keep().usableProperty().get()).isFalse();
        assertThat(vm.keep().reasonProperty().get()).isEqualTo(I18n.t("login.keep.sandbox"));
        vm.environmentProperty().set(Environment.Kind.PRODUCTION);
        assertThat(vm.keep().usableProperty().get()).isTrue();
        assertThat(vm.keep().reasonProperty().get()).isEmpty();

        vm.environmentProperty().set(Environment.Kind.SANDBOX);
        vm.keep().chosenProperty().set(true);
        vm.usernameProperty().set(SandboxAccounts.ADMIN_USERNAME);
        vm.passwordProperty().set(SandboxAccounts.ADMIN_PASSWORD);
        vm.signIn();
        assertThat(signedIn).hasSize(1);
        assertThat(store.entries()).isEmpty();
    }

    private List<String> preferenceValues() {
        List<String> values = new ArrayList<>();
        try {
            for (String key : node.keys()) {
                values.add(node.get(key, ""));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(values).isNotEmpty();
        return values;
    }
}
