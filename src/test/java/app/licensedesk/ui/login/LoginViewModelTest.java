package app.licensedesk.ui.login;

import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.sandbox.Totp;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
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

/** The sign-in view model against the real local sandbox, through the real client. */
class LoginViewModelTest {

    private static SandboxServer sandbox;
    private Preferences node;
    private AppPreferences prefs;
    private final List<Backend> signedIn = new ArrayList<>();
    private final List<Environment.Kind> connected = new ArrayList<>();
    private LoginViewModel vm;

    @BeforeAll
    static void startSandbox() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        sandbox = SandboxServer.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
        prefs = new AppPreferences(node);
        vm = newViewModel(null);
    }

    private LoginViewModel newViewModel(Environment.Kind preselect) {
        Connector connector = (kind, auth, api) -> {
            connected.add(kind);
            Environment env = kind == Environment.Kind.CUSTOM
                    ? new Environment(kind, auth, api) : Environment.sandbox(sandbox.baseUrl());
            return Backends.connect(env, ClientSettings.defaults());
        };
        return new LoginViewModel(connector, TaskRunner.inline(), prefs, preselect, null, null, signedIn::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        signedIn.forEach(Backend::close);
        vm.dispose();
        node.removeNode();
    }

    @Test
    void sandboxIsTheDefaultChoice() {
        assertThat(vm.environmentProperty().get()).isEqualTo(Environment.Kind.SANDBOX);
        assertThat(vm.sandboxChosenProperty().get()).isTrue();
    }

    @Test
    void adminSignsInAndTheUsernameButNotThePasswordIsRemembered() {
        vm.usernameProperty().set(" " + SandboxAccounts.ADMIN_USERNAME + " ");
        vm.passwordProperty().set(SandboxAccounts.ADMIN_PASSWORD);
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(signedIn).singleElement().satisfies(b -> {
            assertThat(b.session().state()).isEqualTo(SessionState.SIGNED_IN);
            assertThat(b.session().username()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        });
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(prefs.get(LoginViewModel.PREF_USERNAME, null)).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(String.join(",", keys())).doesNotContain("password");
        assertThat(newViewModel(null).usernameProperty().get()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
    }

    private List<String> keys() {
        try {
            List<String> all = new ArrayList<>();
            for (String key : node.keys()) {
                all.add(key + "=" + node.get(key, ""));
            }
            return all;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wrongPasswordSaysSoAndKeepsWhatWasTyped() {
        vm.usernameProperty().set(SandboxAccounts.ADMIN_USERNAME);
        vm.passwordProperty().set("not-the-password");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEqualTo("Wrong username or password.");
        assertThat(vm.usernameProperty().get()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(vm.passwordProperty().get()).isEqualTo("not-the-password");
        assertThat(signedIn).isEmpty();
        // the second try reuses the client built for the first
        vm.passwordProperty().set(SandboxAccounts.ADMIN_PASSWORD);
        vm.signIn();
        assertThat(signedIn).hasSize(1);
        assertThat(connected).hasSize(1);
    }

    @Test
    void emptyFieldsAreReportedAtTheFieldsWithoutCallingTheServer() {
        vm.usernameProperty().set("");
        vm.signIn();
        assertThat(vm.usernameErrorProperty().get()).isEqualTo("Enter your username.");
        assertThat(vm.passwordErrorProperty().get()).isEqualTo("Enter your password.");
        assertThat(connected).isEmpty();
        vm.usernameProperty().set("someone");
        assertThat(vm.usernameErrorProperty().get()).isEmpty();
    }

    @Test
    void customUrlsAreValidated() {
        vm.environmentProperty().set(Environment.Kind.CUSTOM);
        vm.usernameProperty().set("a");
        vm.passwordProperty().set("b");
        vm.authUrlProperty().set("http://auth.example.com");
        vm.apiUrlProperty().set("not a url");
        vm.signIn();
        assertThat(vm.authUrlErrorProperty().get()).contains("Only HTTPS");
        assertThat(vm.apiUrlErrorProperty().get()).isNotEmpty();
        assertThat(connected).isEmpty();
        vm.environmentProperty().set(Environment.Kind.SANDBOX);
        assertThat(vm.authUrlErrorProperty().get()).isEmpty();
    }

    @Test
    void plainHttpOffLoopbackIsRefusedAtTheFieldAsTyped() {
        vm.environmentProperty().set(Environment.Kind.CUSTOM);
        assertThat(vm.authUrlErrorProperty().get()).as("nothing typed yet").isEmpty();
        vm.authUrlProperty().set("http://127.0.0.1");
        assertThat(vm.authUrlErrorProperty().get()).isEmpty();
        vm.authUrlProperty().set("http://127.0.0.1.nip.io");
        assertThat(vm.authUrlErrorProperty().get()).contains("Only HTTPS");
        vm.apiUrlProperty().set("http://127.evil.example");
        assertThat(vm.apiUrlErrorProperty().get()).contains("Only HTTPS");
        vm.usernameProperty().set("a");
        vm.passwordProperty().set("b");
        vm.signIn();
        assertThat(connected).isEmpty();
    }

    @Test
    void customEnvironmentTalksToTheGivenUrls() {
        vm.environmentProperty().set(Environment.Kind.CUSTOM);
        vm.authUrlProperty().set(sandbox.baseUrl());
        vm.apiUrlProperty().set(sandbox.baseUrl() + "/");
        vm.usernameProperty().set(SandboxAccounts.SALES_USERNAME);
        vm.passwordProperty().set(SandboxAccounts.SALES_PASSWORD);
        vm.signIn();
        assertThat(signedIn).singleElement()
                .satisfies(b -> assertThat(b.environment().kind()).isEqualTo(Environment.Kind.CUSTOM));
        assertThat(prefs.get(LoginViewModel.PREF_AUTH_URL, null)).isEqualTo(sandbox.baseUrl());
    }

    @Test
    void twoFactorWithAComputedTotp() {
        vm.usernameProperty().set(SandboxAccounts.TWO_FACTOR_USERNAME);
        vm.passwordProperty().set(SandboxAccounts.TWO_FACTOR_PASSWORD);
        vm.signIn();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.TWO_FACTOR);
        assertThat(signedIn).isEmpty();
        assertThat(vm.passwordProperty().get()).as("not kept while the code is typed").isEmpty();

        vm.codeProperty().set("12");
        vm.verifyCode();
        assertThat(vm.codeErrorProperty().get()).isEqualTo("Enter the 6-digit code.");

        String code = Totp.code(SandboxAccounts.TOTP_SECRET, Instant.now());
        String wrong = code.equals("000000") ? "111111" : "000000";
        vm.codeProperty().set(wrong);
        vm.verifyCode();
        assertThat(vm.errorProperty().get()).contains("That code is not valid");
        assertThat(vm.codeProperty().get()).isEqualTo(wrong);

        vm.codeProperty().set(Totp.code(SandboxAccounts.TOTP_SECRET, Instant.now()));
        vm.verifyCode();
        assertThat(signedIn).singleElement()
                .satisfies(b -> assertThat(b.session().state()).isEqualTo(SessionState.SIGNED_IN));
    }

    @Test
    void twoFactorWithAnEmailedCode() {
        vm.usernameProperty().set(SandboxAccounts.TWO_FACTOR_USERNAME);
        vm.passwordProperty().set(SandboxAccounts.TWO_FACTOR_PASSWORD);
        vm.signIn();
        vm.methodProperty().set(TwoFactorMethod.EMAIL_OTP);
        vm.sendEmailCode();
        assertThat(vm.infoProperty().get()).isEqualTo("A code was sent to your e-mail address.");
        vm.codeProperty().set(sandbox.lastEmailCode(SandboxAccounts.TWO_FACTOR_USERNAME));
        vm.verifyCode();
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void recoveryCodeNeedsText() {
        vm.usernameProperty().set(SandboxAccounts.TWO_FACTOR_USERNAME);
        vm.passwordProperty().set(SandboxAccounts.TWO_FACTOR_PASSWORD);
        vm.signIn();
        vm.methodProperty().set(TwoFactorMethod.RECOVERY_CODE);
        vm.verifyCode();
        assertThat(vm.codeErrorProperty().get()).isEqualTo("Enter one of your recovery codes.");
        vm.backToCredentials();
        assertThat(vm.stepProperty().get()).isEqualTo(LoginViewModel.Step.CREDENTIALS);
        assertThat(vm.usernameProperty().get()).isEqualTo(SandboxAccounts.TWO_FACTOR_USERNAME);
        // the password was accepted and forgotten: back on this step its field is empty, with no error before
        // the user tries again, and the next attempt still says what is missing
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.passwordErrorProperty().get()).isEmpty();
        vm.signIn();
        assertThat(vm.passwordErrorProperty().get()).isEqualTo("Enter your password.");
    }
}
