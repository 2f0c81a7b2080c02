package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.ui.bulk.BulkRowItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk page end to end: the real app, headless, against its in-process sandbox. A CSV is opened by typing its
 * path (no file chooser), previewed, run and its results exported; opening it again shows every row finished.
 */
class BulkJourneyTest extends Journey {

    /** The CSV and what the run writes next to it. */
    @TempDir
    Path dir;

    @BeforeEach
    void launch() throws Exception {
        startSandboxApp();
    }

    /**
     * Three licenses that are neither claimed nor activated, each with a controller of its own customer, found on a
     * twin of the app's sandbox (the same seed, so the same estate).
     */
    private static List<String[]> freshLicenses() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (SandboxServer twin = SandboxServer.start(SandboxOptions.defaults());
             Backend backend = Backends.connect(Environment.sandbox(twin.baseUrl()), ClientSettings.defaults())) {
            backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
            for (Customer customer : backend.service().customers()) {
                List<Controller> controllers = backend.service().controllers(List.of(customer)).controllers();
                if (!customer.hasLicenseView() || controllers.isEmpty()) {
                    continue;
                }
                for (License l : backend.service().licensesOfCustomer(customer)) {
                    if (rows.size() < 3 && l.datalinks().isEmpty() && l.activationDate() == null
                            && l.deactivationDate() == null) {
                        rows.add(new String[] {l.key(), controllers.get(0).nodeId()});
                    }
                }
            }
        }
        assertThat(rows).hasSize(3);
        return rows;
    }

    @Test
    void aCsvIsPreviewedRunAndItsResultsExported() throws Exception {
        List<String[]> fresh = freshLicenses();
        Path csv = dir.resolve("rollout.csv");
        Files.writeString(csv, "licenseKey,nodeId,activationIso\n"
                + fresh.get(0)[0] + "," + fresh.get(0)[1] + ",2027-03-01T09:30:00Z\n"
                + fresh.get(1)[0] + "," + fresh.get(1)[1] + ",\n"
                + fresh.get(2)[0] + "," + fresh.get(2)[1] + ",now\n", StandardCharsets.UTF_8);

        signIn();

        // Ctrl+7 is the seventh page (Customers, Controllers, Licenses, Assign, Expiring, Activity, Bulk); the caret
        // lands in its path field
        pressCtrl(KeyCode.DIGIT7);
        waitUntil(() -> "bulkPath".equals(focusOwnerId()));
        fill("#bulkPath", csv.toString());
        robot.type(KeyCode.ENTER);

        TableView<BulkRowItem> table = robot.lookup("#bulkTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(table.getItems()).extracting(BulkRowItem::verdictText).containsOnly("to send");
        assertThat(text("#bulkSummary")).isEqualTo("3 rows: 3 to send, 0 with nothing to do, 0 conflicts, "
                + "0 invalid, 0 finished in an earlier run");
        Path results = dir.resolve("rollout.results.csv");
        assertThat(text("#bulkResultsPath")).isEqualTo(results.toString());
        assertThat(robot.lookup("#bulkExport").queryButton().isDisabled()).isTrue();

        robot.clickOn("#bulkRun");
        waitUntil(() -> text("#bulkStatus").startsWith("Finished"));
        assertThat(text("#bulkStatus")).isEqualTo("Finished: 3 done, 0 skipped, 0 failed.");
        assertThat(table.getItems()).extracting(r -> r.outcomeProperty().get()).containsOnly("done");
        assertThat(table.getItems().get(0).reasonProperty().get())
                .isEqualTo("claimed, activated 2027-03-01T09:30:00Z");
        assertThat(table.getItems().get(1).reasonProperty().get()).isEqualTo("claimed");

        robot.clickOn("#bulkExport");
        waitUntil(() -> text("#bulkStatus").endsWith("Results written to " + results + "."));
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("\uFEFFline,licenseKey,nodeId,activationIso,outcome,reason,claimedTo,"
                + "activatedAt");
        assertThat(lines.get(1)).isEqualTo("2," + fresh.get(0)[0] + "," + fresh.get(0)[1]
                + ",2027-03-01T09:30:00Z,done,\"claimed, activated 2027-03-01T09:30:00Z\"," + fresh.get(0)[1]
                + ",2027-03-01T09:30:00Z");
        assertThat(lines.get(2)).isEqualTo("3," + fresh.get(1)[0] + "," + fresh.get(1)[1] + ",,done,claimed,"
                + fresh.get(1)[1] + ",");

        // the journal next to the file remembers the run: opened again, every row is finished
        robot.clickOn("#bulkReload");
        waitUntil(() -> text("#bulkSummary").endsWith("3 finished in an earlier run"));
        assertThat(table.getItems()).extracting(BulkRowItem::verdictText).containsOnly("finished earlier");
    }
}
