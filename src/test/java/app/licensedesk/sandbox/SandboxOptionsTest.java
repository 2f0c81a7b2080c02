package app.licensedesk.sandbox;

import app.licensedesk.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SandboxOptions o = SandboxOptions.defaults();
        assertThat(o.port()).isZero();
        assertThat(o.customers()).isEqualTo(40);
        assertThat(o.controllers()).isEqualTo(150);
        assertThat(o.licenses()).isEqualTo(600);
        assertThat(o.latencyMs()).isZero();
        assertThat(o.faultRate()).isZero();
        assertThat(o.seed()).isEqualTo(42L);
        assertThat(o.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.refreshTokenTtl()).isEqualTo(Duration.ofDays(14));
        assertThat(o.clock().getZone()).isEqualTo(Clock.systemUTC().getZone());
        assertThat(o.unknownLicenseTypes()).isFalse();
        assertThat(o.applyThenDropRate()).isZero();
    }

    @Test
    void withersReturnChangedCopies() {
        SandboxOptions base = SandboxOptions.defaults();
        TestClock clock = TestClock.at(TestClock.START);
        SandboxOptions o = base.withPort(1234).withCustomers(8).withLatencyMs(50).withFaultRate(0.25).withSeed(7)
                .withAccessTokenTtl(Duration.ofSeconds(60)).withRefreshTokenTtl(Duration.ofDays(1))
                .withClock(clock).withUnknownLicenseTypes(true).withApplyThenDropRate(0.5);
        assertThat(o.port()).isEqualTo(1234);
        assertThat(o.customers()).isEqualTo(8);
        assertThat(o.controllers()).isEqualTo(30);
        assertThat(o.licenses()).isEqualTo(120);
        assertThat(o.latencyMs()).isEqualTo(50);
        assertThat(o.faultRate()).isEqualTo(0.25);
        assertThat(o.seed()).isEqualTo(7);
        assertThat(o.accessTokenTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.refreshTokenTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(o.clock()).isSameAs(clock);
        assertThat(o.unknownLicenseTypes()).isTrue();
        assertThat(o.applyThenDropRate()).isEqualTo(0.5);
        assertThat(base.port()).isZero();
        assertThat(base.unknownLicenseTypes()).isFalse();
        assertThat(base.customers()).isEqualTo(40);
    }

    @Test
    void rejectsNonsense() {
        SandboxOptions o = SandboxOptions.defaults();
        assertThatThrownBy(() -> o.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withCustomers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withLatencyMs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withFaultRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withFaultRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withApplyThenDropRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withAccessTokenTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withClock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void mainParsesEveryOption() {
        SandboxOptions o = SandboxMain.parse(new String[] {"--sandbox-server", "--port", "18099", "--customers",
            "8", "--latency-ms", "20", "--fault-rate", "0.1", "--unknown-license-types", "--seed", "9",
            "--access-ttl-seconds=60", "--apply-then-drop-rate", "0.25"});
        assertThat(o.port()).isEqualTo(18099);
        assertThat(o.customers()).isEqualTo(8);
        assertThat(o.latencyMs()).isEqualTo(20);
        assertThat(o.faultRate()).isEqualTo(0.1);
        assertThat(o.seed()).isEqualTo(9);
        assertThat(o.accessTokenTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.unknownLicenseTypes()).isTrue();
        assertThat(o.applyThenDropRate()).isEqualTo(0.25);
        assertThat(SandboxMain.parse(new String[0]).port()).isEqualTo(18088);
        assertThat(SandboxMain.parse(new String[0]).unknownLicenseTypes()).isFalse();
        assertThat(SandboxMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void mainRefusesBadArguments() {
        for (String[] args : new String[][] {{"--port"}, {"--port", "x"}, {"--nope", "1"}, {"--fault-rate", "2"},
            {"--customers", "-3"}, {"stray"}}) {
            assertThatThrownBy(() -> SandboxMain.parse(args)).as(String.join(" ", args))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void printTotpPrintsTheCurrentCodeAlone() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Instant before = Instant.now();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            SandboxMain.main(new String[] {"--print-totp"});
        } finally {
            System.setOut(original);
        }
        Instant after = Instant.now();
        assertThat(bytes.toString(StandardCharsets.UTF_8).strip()).matches("\\d{6}").isIn(
                Totp.code(SandboxAccounts.TOTP_SECRET, before), Totp.code(SandboxAccounts.TOTP_SECRET, after));
        assertThat(SandboxMain.parse(new String[] {"--print-totp"})).isNotNull();
    }

    @Test
    void bannerNamesUrlAccountsSecretsAndExamples() throws Exception {
        TestClock clock = TestClock.at(TestClock.START);
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withCustomers(4)
                .withClock(clock))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SandboxMain.printBanner(server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(text).contains(server.baseUrl(), SandboxAccounts.ADMIN_USERNAME,
                    SandboxAccounts.ADMIN_PASSWORD, SandboxAccounts.SALES_PASSWORD,
                    SandboxAccounts.TWO_FACTOR_PASSWORD, SandboxAccounts.TOTP_SECRET,
                    SandboxAccounts.RECOVERY_CODES.get(0), "curl ", "/v1/license/activate",
                    "TOTP code now: " + Totp.code(SandboxAccounts.TOTP_SECRET, clock.instant()), "--print-totp",
                    "afresh");
        }
    }
}
