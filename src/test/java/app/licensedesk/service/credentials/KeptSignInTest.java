package app.licensedesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.licensedesk.testing.TestClock;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.RefreshToken;
import app.licensedesk.model.SessionState;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.Failure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Keep me signed in" against the real sandbox: each new backend plays a new start of the app. */
class KeptSignInTest {

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    private static final String USER = SandboxAccounts.ADMIN_USERNAME;

    private final TestClock clock = TestClock.at(START);
    private final MemoryCredentialStore store = new MemoryCredentialStore();
    private final KeptSignIn keeper = new KeptSignIn(store);
    private final List<Backend> backends = new ArrayList<>();
    private SandboxServer sandbox;
    private Environment env;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(3).withClock(clock));
        // a custom environment on loopback: the local sandbox itself is never kept (it starts fresh every run)
        env = new Environment(Environment.Kind.CUSTOM, sandbox.baseUrl(), sandbox.baseUrl());
    }

    @AfterEach
    void stop() {
        backends.forEach(Backend::close);
        sandbox.close();
    }

    private Backend newBackend() {
        Backend backend = Backends.connect(env, TestSettings.fast(clock, new RecordingSleeper()));
        backends.add(backend);
        return backend;
    }

    private Backend signedInAndKept() {
        Backend backend = newBackend();
        backend.session().signIn(USER, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        keeper.keep(backend);
        return backend;
    }

    private RefreshToken kept() {
        String secret = store.entries().get(KeptSignIn.account(env, USER));
        assertThat(secret).as("kept entry").isNotNull();
        return KeptSignIn.parse(secret).orElseThrow();
    }

    @Test
    void aKeptSignInResumesInANewBackendWithoutThePassword() {
        Backend first = signedInAndKept();
        assertThat(store.entries()).containsOnlyKeys(USER + " @ " + sandbox.baseUrl());
        assertThat(kept().value()).isEqualTo(first.session().refreshToken().orElseThrow().value());
        assertThat(keeper.keeps(first.session())).isTrue();

        Backend next = newBackend();
        assertThat(keeper.resume(next, USER)).isTrue();
        assertThat(next.session().state()).isEqualTo(SessionState.SIGNED_IN);
        assertThat(next.session().username()).isEqualTo(USER);
        assertThat(next.service().customers()).isNotEmpty();
        assertThat(keeper.keeps(next.session())).isTrue();
    }

    @Test
    void withNothingKeptResumeSendsNothingAndSaysSo() {
        Backend backend = newBackend();
        assertThat(keeper.resume(backend, USER)).isFalse();
        assertThat(backend.session().state()).isEqualTo(SessionState.SIGNED_OUT);
    }

    @Test
    void aRevokedTokenIsRefusedAndRemoved() throws Exception {
        signedInAndKept();
        // signed out elsewhere: the server revokes the token the store holds
        HttpResponse<String> logout = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/auth/logout")).header("Authorization", "Bearer " + kept().value())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);

        Backend next = newBackend();
        Throwable refused = catchThrowable(() -> keeper.resume(next, USER));
        assertThat(Failure.is(refused, ErrorKind.UNAUTHORIZED)).isTrue();
        assertThat(next.session().state()).isEqualTo(SessionState.SIGNED_OUT);
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void signOutRemovesTheKeptTokenAndEndsItOnTheServer() {
        Backend first = signedInAndKept();
        RefreshToken token = kept();
        first.session().signOut();
        assertThat(store.entries()).isEmpty();
        assertThat(keeper.keeps(first.session())).isFalse();

        // the token is dead on the server too: were it still in the store, it would not sign anyone in
        store.write(KeptSignIn.account(env, USER), "v1 " + token.obtainedAt().getEpochSecond() + " " + token.value());
        Throwable refused = catchThrowable(() -> keeper.resume(newBackend(), USER));
        assertThat(Failure.is(refused, ErrorKind.UNAUTHORIZED)).isTrue();
    }

    @Test
    void aTokenOlderThanSevenDaysIsRenewedAtStartAndTheNewOneKept() {
        signedInAndKept();
        RefreshToken before = kept();
        clock.advance(Duration.ofDays(8));

        Backend next = newBackend();
        assertThat(keeper.resume(next, USER)).isTrue();
        RefreshToken after = kept();
        assertThat(after.value()).isNotEqualTo(before.value());
        assertThat(after.obtainedAt()).isEqualTo(clock.instant());
        // and the renewed one outlives the fourteen days of the first
        clock.advance(Duration.ofDays(8));
        assertThat(keeper.resume(newBackend(), USER)).isTrue();
    }

    @Test
    void aYoungTokenIsUsedAsItIs() {
        signedInAndKept();
        RefreshToken before = kept();
        clock.advance(Duration.ofDays(2));
        assertThat(keeper.resume(newBackend(), USER)).isTrue();
        assertThat(kept()).isEqualTo(before);
    }

    @Test
    void aRenewalDuringTheSessionIsKept() {
        Backend first = signedInAndKept();
        RefreshToken before = kept();
        clock.advance(Duration.ofDays(8));
        assertThat(first.service().customers()).isNotEmpty(); // the access token renewal renews the refresh token
        assertThat(kept().value()).isNotEqualTo(before.value());
        assertThat(kept().value()).isEqualTo(first.session().refreshToken().orElseThrow().value());
    }

    @Test
    void forgetRemovesTheEntryAndStopsKeeping() {
        Backend first = signedInAndKept();
        keeper.forget(first, USER);
        assertThat(store.entries()).isEmpty();
        assertThat(keeper.keeps(first.session())).isFalse();
        clock.advance(Duration.ofDays(8));
        first.service().customers(); // a renewal is no longer written
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void anEntryInAnUnknownFormIsRemovedAndNothingIsSent() {
        store.write(KeptSignIn.account(env, USER), "not a kept sign-in");
        Backend backend = newBackend();
        assertThat(keeper.resume(backend, USER)).isFalse();
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void accountsAreKeptApartByEnvironmentAndUser() {
        assertThat(KeptSignIn.account(Environment.production(), "a@b.c")).isEqualTo("a@b.c @ production");
        assertThat(KeptSignIn.account(env, "a@b.c")).isEqualTo("a@b.c @ " + sandbox.baseUrl());
        assertThat(KeptSignIn.account(env, "x@b.c")).isNotEqualTo(KeptSignIn.account(env, "a@b.c"));
        assertThat(KeptSignIn.worthKeeping(Environment.Kind.SANDBOX)).isFalse();
        assertThat(KeptSignIn.worthKeeping(Environment.Kind.PRODUCTION)).isTrue();
    }

    @Test
    void theTokenNeverShowsInItsTextForm() {
        Backend first = signedInAndKept();
        RefreshToken token = first.session().refreshToken().orElseThrow();
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void withoutAStoreNothingIsKept() {
        KeptSignIn none = new KeptSignIn(MemoryCredentialStore.unavailable());
        assertThat(none.available()).isFalse();
        Backend backend = newBackend();
        backend.session().signIn(USER, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        none.keep(backend);
        assertThat(none.resume(newBackend(), USER)).isFalse();
    }
}
