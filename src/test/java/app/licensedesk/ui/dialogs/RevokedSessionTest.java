package app.licensedesk.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.testing.RecordingProxy;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session is revoked on the server (signed out elsewhere: its refresh token no longer renews anything) while a
 * dialog holds the user's input: sending it asks for the password once (what the app's ReauthPrompt does through
 * {@link TaskRunner.Reauthenticator}), and after signing in the very same request is sent and applied, the input
 * as typed.
 */
class RevokedSessionTest {

    private SandboxServer sandbox;
    private RecordingProxy proxy;
    private Backend backend;
    private final List<String> asked = new ArrayList<>();
    private TaskRunner tasks;
    private LicenseRegistry registry;
    private Customer customer;
    private Controller controller;
    private List<String> fresh;

    @BeforeEach
    void signIn() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(4));
        proxy = new RecordingProxy(sandbox.baseUrl());
        backend = Backends.connect(Environment.sandbox(proxy.baseUrl()),
                TestSettings.fast(Clock.systemUTC(), new RecordingSleeper()));
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        customer = backend.service().customers().stream().filter(Customer::hasLicenseView).findFirst().orElseThrow();
        controller = backend.service().controllers(List.of(customer)).controllers().get(0);
        fresh = backend.service().licensesOfCustomer(customer).stream()
                .filter(l -> l.activationDate() == null && l.deactivationDate() == null && l.datalinks().isEmpty())
                .map(License::key).toList();
        registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.systemUTC());
        tasks = TaskRunner.inline();
        // the password prompt: the user types the password and signs in, and what was pending runs again
        tasks.setReauthenticator((retry, giveUp) -> {
            asked.add(backend.session().username());
            backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            retry.run();
        });
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
        proxy.close();
        sandbox.close();
    }

    /** Signs out elsewhere: the session's refresh token (from the sign-in's answer) is revoked on the server. */
    private void revokeTheSession() throws Exception {
        String answer = proxy.seen("/auth/login").get(0).answer().get().trim();
        String refreshToken = answer.substring(1, answer.length() - 1);
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/auth/logout")).header("Authorization", "Bearer " + refreshToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(204);
        proxy.clear();
    }

    @Test
    void aClaimAfterTheSessionWasRevokedAsksForThePasswordAndIsSentAsTyped() throws Exception {
        String typed = "  " + fresh.get(0) + "\n";
        ClaimViewModel vm = new ClaimViewModel(backend.service(), tasks, registry,
                new Directory(backend.service(), tasks), Environment.sandbox(proxy.baseUrl()), typed, controller);
        revokeTheSession();

        List<Object> done = new ArrayList<>();
        vm.claim(done::add);

        assertThat(asked).containsExactly(SandboxAccounts.ADMIN_USERNAME);
        assertThat(done).hasSize(1);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.keyProperty().get()).isEqualTo(typed);
        // refused once for the revoked session, then sent again after the sign-in: the same body
        List<String> bodies = proxy.seen("/v1/license/claim").stream().map(RecordingProxy.Seen::body).toList();
        assertThat(bodies).hasSize(2).containsOnly(
                "{\"licenseKey\":\"" + fresh.get(0) + "\",\"nodeId\":\"" + controller.nodeId() + "\"}");
        assertThat(backend.service().licensesOfController(controller.nodeId())).extracting(License::key)
                .contains(fresh.get(0));
    }

    @Test
    void anActivationAtAChosenTimeAfterTheSessionWasRevokedIsSentAtThatTime() throws Exception {
        ActivateViewModel vm = new ActivateViewModel(backend.service(), tasks, registry,
                Environment.sandbox(proxy.baseUrl()), fresh.get(1), ZoneId.of("Europe/Brussels"),
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        vm.activateNowProperty().set(false);
        vm.dateTextProperty().set("2027-10-31");
        vm.timeProperty().set("02:30");
        revokeTheSession();

        List<Object> done = new ArrayList<>();
        vm.activate(done::add);

        assertThat(asked).containsExactly(SandboxAccounts.ADMIN_USERNAME);
        assertThat(done).hasSize(1);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.dateTextProperty().get()).isEqualTo("2027-10-31");
        assertThat(vm.timeProperty().get()).isEqualTo("02:30");
        assertThat(proxy.seen("/v1/license/activate").stream().map(RecordingProxy.Seen::body).toList())
                .containsOnly("{\"key\":\"" + fresh.get(1) + "\",\"activationIso\":\"2027-10-31T00:30:00Z\"}");
        License now = backend.service().licensesOfCustomer(customer).stream()
                .filter(l -> l.key().equals(fresh.get(1))).findFirst().orElseThrow();
        assertThat(now.activationDate()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
    }
}
