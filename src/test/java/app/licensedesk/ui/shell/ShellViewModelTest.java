package app.licensedesk.ui.shell;

import app.licensedesk.model.SessionState;
import java.time.Clock;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.shared.LicenseRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.RecordingDialogs;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The main window's view model, with a real session on the local sandbox. */
class ShellViewModelTest {

    private static SandboxServer sandbox;
    private Preferences node;
    private AppPreferences prefs;
    private Backend backend;
    private final RecordingDialogs dialogs =
        new RecordingDialogs(new LicenseRegistry(LicenseTerms.defaults(), Clock.systemUTC()));

    @BeforeAll
    static void start() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        sandbox = SandboxServer.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
        prefs = new AppPreferences(node);
        backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()), ClientSettings.defaults());
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
    }

    @AfterEach
    void tearDown() throws Exception {
        backend.close();
        node.removeNode();
    }

    @Test
    void theLastPageIsRemembered() {
        ShellViewModel vm = new ShellViewModel(backend, TaskRunner.inline(), prefs, dialogs, () -> { });
        assertThat(vm.pageProperty().get()).isEqualTo(Page.CUSTOMERS);
        vm.pageProperty().set(Page.LICENSES);
        assertThat(new ShellViewModel(backend, TaskRunner.inline(), prefs, dialogs, () -> { }).pageProperty().get())
                .isEqualTo(Page.LICENSES);
    }

    @Test
    void bannerAndUserNameTheEnvironment() {
        ShellViewModel vm = new ShellViewModel(backend, TaskRunner.inline(), prefs, dialogs, () -> { });
        assertThat(vm.bannerText()).startsWith("LOCAL SANDBOX").contains(sandbox.baseUrl());
        assertThat(vm.username()).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
    }

    @Test
    void statusBarSaysWhatIsRunning() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        TaskRunner tasks = new TaskRunner(background::add, Runnable::run);
        ShellViewModel vm = new ShellViewModel(backend, tasks, prefs, dialogs, () -> { });
        var status = vm.statusText();
        assertThat(status.get()).isEqualTo("Ready");
        tasks.run("Loading customers…", () -> 1, r -> { }, e -> { });
        assertThat(status.get()).isEqualTo("Loading customers…");
        tasks.run("Loading controllers…", () -> 2, r -> { }, e -> { });
        assertThat(status.get()).isEqualTo("Loading customers… (+1 more)");
        assertThat(vm.busyProperty().get()).isTrue();
        background.poll().run();
        background.poll().run();
        assertThat(status.get()).isEqualTo("Ready");
    }

    @Test
    void signOutEndsTheSessionOnTheServerAndReturnsToSignIn() {
        AtomicInteger signedOut = new AtomicInteger();
        ShellViewModel vm = new ShellViewModel(backend, TaskRunner.inline(), prefs, dialogs,
                signedOut::incrementAndGet);
        vm.signOut();
        assertThat(signedOut.get()).isEqualTo(1);
        assertThat(backend.session().state()).isEqualTo(SessionState.SIGNED_OUT);
        assertThat(vm.signingOutProperty().get()).isFalse();
        // nothing was running: one click, no question
        assertThat(dialogs.questions).isEmpty();
    }

    @Test
    void signingOutWhileWorkIsRunningAsksFirst() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        TaskRunner tasks = new TaskRunner(background::add, Runnable::run);
        AtomicInteger signedOut = new AtomicInteger();
        ShellViewModel vm = new ShellViewModel(backend, tasks, prefs, dialogs, signedOut::incrementAndGet);
        tasks.run("Loading licenses…", () -> 1, r -> { }, e -> { });

        dialogs.confirmAnswer = false;
        vm.signOut();
        assertThat(dialogs.questions).containsExactly("Signing out stops what is still running: Loading licenses…");
        assertThat(vm.signingOutProperty().get()).isFalse();
        assertThat(background).hasSize(1); // only the load: no sign-out was started
        assertThat(backend.session().state()).isNotEqualTo(SessionState.SIGNED_OUT);

        dialogs.confirmAnswer = true;
        vm.signOut();
        assertThat(dialogs.questions).hasSize(2);
        assertThat(vm.signingOutProperty().get()).isTrue();
        background.forEach(Runnable::run);
        assertThat(signedOut.get()).isEqualTo(1);
        assertThat(backend.session().state()).isEqualTo(SessionState.SIGNED_OUT);
    }
}
