package app.licensedesk.service.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.bulk.PlannedRow.Verdict;
import app.licensedesk.service.bulk.RowResult.Outcome;
import app.licensedesk.testing.RecordingProxy;
import app.licensedesk.ui.common.ErrorMessages;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs in a bulk CSV file (local times in Brussels): each row either gets a specific problem at its line, or
 * is read as exactly the key, nodeId and moment that will be sent; then one file through the engine against the
 * real sandbox behind a recording proxy, where the rows that are sent are sent exactly right.
 */
class BulkBadInputsTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final String HEADER = "licenseKey,nodeId,activationIso\n";
    private static final String K50 = "K".repeat(50);
    private static final String EMOJI = "\uD83D\uDD11";

    @TempDir
    Path dir;

    private static BulkRow onlyRow(String csvLine) {
        BulkFile file = BulkCsv.parse("rows.csv", (HEADER + csvLine + "\n").getBytes(StandardCharsets.UTF_8),
                BRUSSELS);
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).hasSize(1);
        return file.rows().get(0);
    }

    /** A row as written; the problem at its line, or (null) the key, nodeId and activation read for sending. */
    static Stream<Arguments> rows() {
        String tooLong = "A license key has at most 50 characters; this one has 51.";
        String years = "outside the years 2000 to 2100 (in UTC) that the server accepts.";
        return Stream.of(
                // keys
                Arguments.of(",SGC-1,", "The license key is empty.", null, null, null),
                Arguments.of("\"  \t \",SGC-1,", "The license key is empty.", null, null, null),
                Arguments.of(K50 + ",SGC-1,", null, K50, "SGC-1", null),
                Arguments.of(K50 + "K,SGC-1,", tooLong, null, null, null),
                Arguments.of("\"  " + K50 + "\t\",SGC-1,", null, K50, "SGC-1", null),
                Arguments.of("\" " + K50 + "K \",SGC-1,", tooLong, null, null, null),
                Arguments.of(" SG1-CAFÉ-STRAßE ,SGC-1,", null, "SG1-CAFÉ-STRAßE", "SGC-1", null),
                Arguments.of(EMOJI + "K".repeat(48) + ",SGC-1,", null, EMOJI + "K".repeat(48), "SGC-1", null),
                Arguments.of(EMOJI + "K".repeat(49) + ",SGC-1,", "A license key has at most 50 characters; this one "
                        + "has 51: an emoji and some other symbols count as two.", null, null, null),
                Arguments.of("\"SG1-O'NEIL-\"\"X\"\"\",SGC-1,", null, "SG1-O'NEIL-\"X\"", "SGC-1", null),
                Arguments.of("SG1/RES/%2F?a#b+c,SGC-1,", null, "SG1/RES/%2F?a#b+c", "SGC-1", null),
                Arguments.of("\"SG1-\r\nABCD\t-EFGH\",SGC-1,", null, "SG1-ABCD-EFGH", "SGC-1", null),
                // nodeIds: kept as written (without surrounding blanks); the preview checks them against the server
                Arguments.of("SG1-A,a/b?c#d e%,", null, "SG1-A", "a/b?c#d e%", null),
                Arguments.of("SG1-A,  SGC-1  ,", null, "SG1-A", "SGC-1", null),
                Arguments.of("SG1-A,,", "The nodeId is empty.", null, null, null),
                Arguments.of("SG1-A,\"   \",", "The nodeId is empty.", null, null, null),
                // activation moments
                Arguments.of("SG1-A,SGC-1,2027-02-30T10:00:00Z", "2027-02-30 does not exist: that month has 28 days.",
                        null, null, null),
                Arguments.of("SG1-A,SGC-1,2027-04-31 10:00", "2027-04-31 does not exist: that month has 30 days.",
                        null, null, null),
                Arguments.of("SG1-A,SGC-1,2027-03-28 02:30",
                        "2027-03-28 02:30 does not exist in Europe/Brussels (the clock skips it).", null, null, null),
                Arguments.of("SG1-A,SGC-1,2027-10-31 02:30", "2027-10-31 02:30 happens twice in Europe/Brussels (the "
                        + "clocks go back): write 2027-10-31T02:30+02:00 (2027-10-31T00:30:00Z) or "
                        + "2027-10-31T02:30+01:00 (2027-10-31T01:30:00Z).", null, null, null),
                Arguments.of("SG1-A,SGC-1,2027-10-31T02:30+01:00", null, "SG1-A", "SGC-1", "2027-10-31T01:30:00Z"),
                Arguments.of("SG1-A,SGC-1,2027-10-31 03:30", null, "SG1-A", "SGC-1", "2027-10-31T02:30:00Z"),
                Arguments.of("SG1-A,SGC-1,0001-01-01T00:00:00Z", "That is 0001-01-01 00:00 UTC, " + years, null, null,
                        null),
                Arguments.of("SG1-A,SGC-1,9999-12-31T00:00:00Z", "That is 9999-12-31 00:00 UTC, " + years, null, null,
                        null),
                Arguments.of("SG1-A,SGC-1,+10000-01-01T00:00:00Z", "That is +10000-01-01 00:00 UTC, " + years, null,
                        null, null),
                Arguments.of("SG1-A,SGC-1,10000-01-01T00:00:00Z", "\u201c10000-01-01T00:00:00Z\u201d is not a date "
                        + "and time. Write 2026-12-01T14:00:00Z, 2026-12-01 14:00 (your time zone), now, or leave it "
                        + "empty.", null, null, null),
                Arguments.of("SG1-A,SGC-1,2000-01-01 00:30", "That is 1999-12-31 23:30 UTC, " + years, null, null,
                        null),
                Arguments.of("SG1-A,SGC-1,2101-01-01 00:30", null, "SG1-A", "SGC-1", "2100-12-31T23:30:00Z"),
                Arguments.of("SG1-A,SGC-1,2020-05-04 09:15", null, "SG1-A", "SGC-1", "2020-05-04T07:15:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowGetsItsProblemOrIsReadExactly(String line, String problem, String key, String nodeId, String at) {
        BulkRow row = onlyRow(line);
        if (problem != null) {
            assertThat(row.problems()).containsExactly(problem);
            return;
        }
        assertThat(row.problems()).isEmpty();
        assertThat(row.key()).isEqualTo(key);
        assertThat(row.nodeId()).isEqualTo(nodeId);
        assertThat(row.activation().at()).isEqualTo(at == null ? null : Instant.parse(at));
    }

    @Test
    void aCustomerIdColumnIsNamedAsUnknown() {
        BulkFile file = BulkCsv.parse("rows.csv", ("licenseKey,nodeId,customerId\nSG1-A,SGC-1,not-a-uuid\n")
                .getBytes(StandardCharsets.UTF_8), BRUSSELS);
        assertThat(file.rows()).isEmpty();
        assertThat(file.problems()).containsExactly(BulkTexts.t("bulk.file.unknownColumn", "customerId"));
    }

    @Test
    void aFileOfOddRowsAgainstTheSandboxSendsExactlyWhatWasRead() throws Exception {
        ClientSettings settings = TestSettings.fast(Clock.systemUTC(), new RecordingSleeper());
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withCustomers(4));
             RecordingProxy proxy = new RecordingProxy(sandbox.baseUrl());
             Backend backend = Backends.connect(Environment.sandbox(proxy.baseUrl()), settings)) {
            backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            Customer customer = backend.service().customers().stream().filter(Customer::hasLicenseView)
                    .findFirst().orElseThrow();
            Controller controller = backend.service().controllers(List.of(customer)).controllers().get(0);
            List<String> fresh = backend.service().licensesOfCustomer(customer).stream()
                    .filter(l -> l.activationDate() == null && l.deactivationDate() == null
                            && l.datalinks().isEmpty())
                    .map(License::key).limit(2).toList();
            String a = fresh.get(0);
            String b = fresh.get(1);
            String node = controller.nodeId();
            Path csv = dir.resolve("odd.csv");
            Files.writeString(csv, HEADER
                    + "\" " + a.substring(0, 3) + "\t" + a.substring(3) + " \",  " + node + " ,2027-10-31T02:30+01:00\n"
                    + b + "," + node + ",2020-05-04 09:15\n"
                    + "\"SG1-CAFÉ-\"\"Q\"\"\"," + node + ",\n"
                    + "SG1-X,a/b,\n"
                    + "SG1-Y,,\n", StandardCharsets.UTF_8);
            BulkFile file = BulkCsv.read(csv, BRUSSELS);
            proxy.clear();

            BulkRun run;
            try (BulkEngine engine = new BulkEngine(backend.service(), settings, ErrorMessages.forBulk());
                 BulkJournal journal = BulkJournal.open(BulkJournal.defaultPath(csv), file, Clock.systemUTC())) {
                BulkPreview preview = engine.preview(file, BulkJournal.Replay.EMPTY, () -> false);
                assertThat(preview.rows()).extracting(PlannedRow::verdict)
                        .containsExactly(Verdict.READY, Verdict.READY, Verdict.READY, Verdict.INVALID, Verdict.INVALID);
                assertThat(preview.rows().get(3).message())
                        .isEqualTo("No controller with nodeId a/b among the controllers you can see.");
                assertThat(preview.rows().get(4).message()).isEqualTo("The nodeId is empty.");
                run = engine.newRun(preview, journal, r -> { });
                assertThat(run.execute()).isEqualTo(BulkRun.Status.FINISHED);
            }

            assertThat(bodies(proxy, "/v1/license/claim")).containsExactlyInAnyOrder(
                    Map.of("licenseKey", a, "nodeId", node), Map.of("licenseKey", b, "nodeId", node),
                    Map.of("licenseKey", "SG1-CAFÉ-\"Q\"", "nodeId", node));
            assertThat(bodies(proxy, "/v1/license/activate")).containsExactlyInAnyOrder(
                    Map.of("key", a, "activationIso", "2027-10-31T01:30:00Z"),
                    Map.of("key", b, "activationIso", "2020-05-04T07:15:00Z"));
            List<RowResult> results = run.results();
            assertThat(results).extracting(RowResult::outcome)
                    .containsExactly(Outcome.DONE, Outcome.DONE, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED);
            assertThat(results.get(2).detail()).isEqualTo("claim: Unknown license key or controller.");

            Map<String, License> now = backend.service().licensesOfController(node).stream()
                    .collect(Collectors.toMap(License::key, l -> l));
            assertThat(now.get(a).activationDate()).isEqualTo(Instant.parse("2027-10-31T01:30:00Z"));
            assertThat(now.get(b).activationDate()).isEqualTo(Instant.parse("2020-05-04T07:15:00Z"));
        }
    }

    private static List<Map<String, String>> bodies(RecordingProxy proxy, String path) {
        return proxy.seen(path).stream().map(s -> JsonParser.parseString(s.body()).getAsJsonObject().entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()))).toList();
    }
}
