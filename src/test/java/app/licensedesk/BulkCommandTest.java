package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.service.activity.ActivityEntry;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.sandbox.Totp;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.LicenseDeskService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The headless bulk command against the real sandbox: what it prints, what it sends and its exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkCommandTest {

    private static final String AT = "2027-03-01T09:30:00Z";

    private SandboxServer sandbox;
    private Backend direct;
    private final List<String[]> fresh = new ArrayList<>();
    private int used;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        direct = Backends.connect(Environment.sandbox(sandbox.baseUrl()), settings());
        direct.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        LicenseDeskService service = direct.service();
        for (Customer customer : service.customers()) {
            List<Controller> controllers = service.controllers(List.of(customer)).controllers();
            if (!customer.hasLicenseView() || controllers.isEmpty()) {
                continue;
            }
            for (License l : service.licensesOfCustomer(customer)) {
                if (l.activationDate() == null && l.deactivationDate() == null && l.datalinks().isEmpty()) {
                    fresh.add(new String[] {l.key(), controllers.get(0).nodeId()});
                }
            }
        }
    }

    @AfterAll
    void stopSandbox() {
        direct.close();
        sandbox.close();
    }

    private static ClientSettings settings() {
        return ClientSettings.defaults().withReadTimeout(Duration.ofSeconds(5))
                .withRetryBaseDelay(Duration.ofMillis(1));
    }

    /** A license no other test of this class uses: key and a controller of its customer. */
    private synchronized String[] freshRow() {
        return fresh.get(used++);
    }

    private int bulk(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        BulkCommand command = new BulkCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, null, settings(), ZoneOffset.UTC, false,
                dir.resolve("data"));
        return command.run(args);
    }

    private int bulkAsAdmin(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("--auth-url", sandbox.baseUrl(), "--api-url", sandbox.baseUrl(),
                "--username", SandboxAccounts.ADMIN_USERNAME, "--file", file.toString()));
        args.addAll(List.of(more));
        return bulk(Map.of(BulkCommand.PASSWORD_VARIABLE, SandboxAccounts.ADMIN_PASSWORD), args.toArray(String[]::new));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path csv(String name, String... rows) throws Exception {
        return Files.writeString(dir.resolve(name), "licenseKey,nodeId,activationIso\n" + String.join("\n", rows)
                + "\n");
    }

    private boolean claimedTo(String key, String nodeId) {
        return direct.service().licensesOfController(nodeId).stream().anyMatch(l -> key.equals(l.key()));
    }

    @Test
    void everyRowDoneIsExitZeroAndRunningItAgainSendsNothing() throws Exception {
        String[] a = freshRow();
        String[] b = freshRow();
        Path file = csv("rows.csv", a[0] + "," + a[1] + "," + AT, b[0] + "," + b[1] + ",");
        Path report = dir.resolve("results.csv");

        assertThat(bulkAsAdmin(file, "--report", report.toString())).as(stderr()).isZero();
        // one line per row as it ends (rows run in parallel)
        assertThat(stdout().lines()).containsExactlyInAnyOrder(
                "line 2 " + a[0] + " -> " + a[1] + ": done (claimed, activated " + AT + ")",
                "line 3 " + b[0] + " -> " + b[1] + ": done (claimed)");
        assertThat(stderr()).contains("2 rows: 2 to send").contains("2/2 rows: 2 done, 0 skipped, 0 failed")
                .doesNotContain(SandboxAccounts.ADMIN_PASSWORD);
        assertThat(claimedTo(a[0], a[1])).isTrue();
        assertThat(Files.readString(report)).contains(a[0] + "," + a[1] + "," + AT + ",done,\"claimed, activated ");
        assertThat(dir.resolve("rows.csv.journal")).exists();
        // the run's changes are in the activity log, as the app's are: sent, then what came back
        assertThat(new ActivityLog(dir.resolve("data")).read())
                .filteredOn(e -> e.outcome() != ActivityEntry.Outcome.SENT)
                .extracting(ActivityEntry::action, ActivityEntry::key)
                .contains(tuple(ActivityEntry.Action.CLAIM, a[0]), tuple(ActivityEntry.Action.ACTIVATE, a[0]),
                        tuple(ActivityEntry.Action.CLAIM, b[0]));

        // the same command again resumes from the journal: every row finished, nothing sent
        assertThat(bulkAsAdmin(file)).as(stderr()).isZero();
        assertThat(stderr()).contains("2 finished in an earlier run");
        assertThat(stdout().lines()).hasSize(2).allMatch(l -> l.contains(": done (claimed"));
    }

    @Test
    void aFailedRowIsExitOne() throws Exception {
        String[] a = freshRow();
        Path file = csv("failing.csv", a[0] + "," + a[1] + ",", "SG1-NO-SUCH-KEY," + a[1] + ",");
        assertThat(bulkAsAdmin(file)).as(stderr()).isEqualTo(1);
        assertThat(stdout().lines()).containsExactlyInAnyOrder("line 2 " + a[0] + " -> " + a[1] + ": done (claimed)",
                "line 3 SG1-NO-SUCH-KEY -> " + a[1] + ": failed (claim: Unknown license key or controller.)");
    }

    @Test
    void invalidRowsAreAllNamedAndNothingIsSentExitTwo() throws Exception {
        String[] a = freshRow();
        String[] b = freshRow();
        Path file = csv("invalid.csv",
                a[0] + "," + a[1] + ",",
                "K".repeat(51) + "," + a[1] + ",",
                b[0] + ",SGC-NO-SUCH-NODE,",
                "",
                "SG1-X,,tomorrow");
        assertThat(bulkAsAdmin(file)).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("line 3: A license key has at most 50 characters; this one has 51.")
                .contains("line 4: No controller with nodeId SGC-NO-SUCH-NODE")
                .contains("line 6: The nodeId is empty. \u201ctomorrow\u201d is not a date and time.")
                .contains("3 rows are invalid. Nothing was sent.");
        assertThat(claimedTo(a[0], a[1])).isFalse();
        assertThat(dir.resolve("invalid.csv.journal")).doesNotExist();
    }

    @Test
    void aBrokenFileIsExitTwoBeforeSigningIn() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.csv"), "key,node\nA,B\n");
        assertThat(bulk(Map.of(), "--sandbox", "--username", "x", "--file", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains("broken.csv: The first line must be a header").contains("Nothing was sent");
    }

    @Test
    void badOptionsAreExitTwo() {
        assertThat(bulk(Map.of(), "--sandbox", "--username", "x")).isEqualTo(2);
        assertThat(stderr()).contains("--file is required");
        assertThat(bulk(Map.of(), "--auth-url", "http://example.com", "--api-url", "http://example.com",
                "--username", "x", "--file", "rows.csv")).isEqualTo(2);
        assertThat(stderr()).contains("only HTTPS");
        assertThat(bulk(Map.of(), "--username", "x", "--file", "rows.csv")).isEqualTo(2);
        assertThat(stderr()).contains("choose --sandbox, --production or --auth-url URL --api-url URL");
        assertThat(bulk(Map.of(), "--sandbox", "--username", "x", "--file", dir.resolve("none.csv").toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("no such file");
        assertThat(bulk(Map.of(), "--frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --frobnicate");
    }

    @Test
    void withoutAPasswordAndATerminalNothingHappens() throws Exception {
        String[] a = freshRow();
        Path file = csv("nopass.csv", a[0] + "," + a[1] + ",");
        assertThat(bulk(Map.of(), "--auth-url", sandbox.baseUrl(), "--api-url", sandbox.baseUrl(), "--username",
                SandboxAccounts.ADMIN_USERNAME, "--file", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains(BulkCommand.PASSWORD_VARIABLE);
        assertThat(claimedTo(a[0], a[1])).isFalse();
    }

    @Test
    void aWrongPasswordIsExitOne() throws Exception {
        String[] a = freshRow();
        Path file = csv("wrong.csv", a[0] + "," + a[1] + ",");
        assertThat(bulk(Map.of(BulkCommand.PASSWORD_VARIABLE, "not-it"), "--auth-url", sandbox.baseUrl(),
                "--api-url", sandbox.baseUrl(), "--username", SandboxAccounts.ADMIN_USERNAME, "--file",
                file.toString())).isEqualTo(1);
        assertThat(stderr()).contains("Wrong username or password.").doesNotContain("not-it");
    }

    @Test
    void twoStepVerificationWithTotp() throws Exception {
        String[] a = freshRow();
        Path file = csv("twofa.csv", a[0] + "," + a[1] + ",");
        assertThat(bulk(Map.of(BulkCommand.PASSWORD_VARIABLE, SandboxAccounts.TWO_FACTOR_PASSWORD), "--auth-url",
                sandbox.baseUrl(), "--api-url", sandbox.baseUrl(), "--username", SandboxAccounts.TWO_FACTOR_USERNAME,
                "--file", file.toString(), "--totp", Totp.code(SandboxAccounts.TOTP_SECRET, Instant.now())))
                .as(stderr()).isZero();
        assertThat(claimedTo(a[0], a[1])).isTrue();
        String[] b = freshRow();
        Path other = csv("twofa-missing.csv", b[0] + "," + b[1] + ",");
        assertThat(bulk(Map.of(BulkCommand.PASSWORD_VARIABLE, SandboxAccounts.TWO_FACTOR_PASSWORD), "--auth-url",
                sandbox.baseUrl(), "--api-url", sandbox.baseUrl(), "--username", SandboxAccounts.TWO_FACTOR_USERNAME,
                "--file", other.toString())).isEqualTo(1);
        assertThat(stderr()).contains("--totp");
    }

    @Test
    void helpAndTemplate() throws Exception {
        assertThat(bulk(Map.of(), "--help")).isZero();
        assertThat(stdout()).contains("Usage: license-desk bulk").contains("LICENSE_DESK_PASSWORD")
                .contains("Exit status").contains("(default: this computer's, Z)");
        Path template = dir.resolve("template.csv");
        assertThat(bulk(Map.of(), "--template", template.toString())).isZero();
        assertThat(Files.readString(template)).startsWith("\uFEFFlicenseKey,nodeId,activationIso\r\n");
    }
}
