package app.licensedesk.ui.assign;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.ui.assign.ActivationChoice.Mode;
import app.licensedesk.ui.assign.QueuedPair.State;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workspace's view model on the real client against the real in-process sandbox (inline TaskRunner, no
 * toolkit): what the server does to a sales account and to answers it drops after applying the change.
 */
class AssignSandboxTest {

    private SandboxServer sandbox;
    private Backend backend;
    private LicenseRegistry registry;

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private AssignViewModel signedIn(SandboxOptions options, String username, String password) throws IOException {
        sandbox = SandboxServer.start(options);
        backend = Backends.connect(Environment.sandbox(sandbox.baseUrl()),
                TestSettings.fast(Clock.systemUTC(), new RecordingSleeper()));
        backend.session().signIn(username, password.toCharArray());
        registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.systemUTC());
        TaskRunner tasks = TaskRunner.inline();
        AssignViewModel vm = new AssignViewModel(backend.service(), tasks, registry,
                new Directory(backend.service(), tasks));
        vm.shown();
        // the first company always has fresh licenses, and every company has a controller
        Customer first = vm.customers().get(0);
        vm.open(first);
        return vm;
    }

    private static QueuedPair queueFresh(AssignViewModel vm, Mode mode) {
        LicenseRow fresh = vm.freeLicenses().stream().filter(r -> r.getStatus() == LicenseStatus.NOT_ACTIVATED)
                .findFirst().orElseThrow();
        vm.when().modeProperty().set(mode);
        assertThat(vm.queue(fresh, vm.controllers().get(0))).isTrue();
        return vm.queue().get(vm.queue().size() - 1);
    }

    @Test
    void aSalesAccountClaimsButMayNotActivateAndThePairSaysSo() throws IOException {
        AssignViewModel vm = signedIn(SandboxOptions.defaults(), SandboxAccounts.SALES_USERNAME,
                SandboxAccounts.SALES_PASSWORD);
        QueuedPair pair = queueFresh(vm, Mode.NOW);

        vm.runQueue();

        assertThat(pair.getState()).isEqualTo(State.PARTLY);
        assertThat(pair.messageProperty().get()).isEqualTo("Claimed; activation not allowed for your account.");
        assertThat(backend.service().licensesOfController(pair.nodeId())).extracting(License::key)
                .contains(pair.key());
        assertThat(pair.license().getControllers()).containsExactly(pair.nodeId());
        assertThat(pair.license().getLicense().activationDate()).isNull();
    }

    @Test
    void answersDroppedAfterTheChangeAreReadBackAndNothingIsSentTwice() throws IOException {
        AssignViewModel vm = signedIn(SandboxOptions.defaults().withApplyThenDropRate(1.0),
                SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD);
        QueuedPair pair = queueFresh(vm, Mode.NOW);

        vm.runQueue();

        // a second claim would have been refused as "already claimed", a second activation as "already activated"
        assertThat(pair.getState()).isEqualTo(State.DONE);
        assertThat(pair.messageProperty().get()).contains("The answer from the server was lost. Read back: "
                + "the license is now activated");
        assertThat(pair.license().getControllers()).containsExactly(pair.nodeId());
        assertThat(pair.license().getLicense().activationDate()).isNotNull();
        assertThat(backend.service().licensesOfController(pair.nodeId())).extracting(License::key)
                .containsOnlyOnce(pair.key());
    }
}
