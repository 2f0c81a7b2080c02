package app.licensedesk.service.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.Backend;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.bulk.BulkSandbox.Line;
import app.licensedesk.service.bulk.PlannedRow.Verdict;
import app.licensedesk.service.bulk.RowResult.Outcome;
import app.licensedesk.ui.common.ErrorMessages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's verdicts against what the sandbox already has, and how those rows end in a run. */
class BulkPreviewSandboxTest {

    private static final Instant AT = Instant.parse("2027-03-01T09:30:00Z");

    @TempDir
    Path dir;

    /** A license claimed to a controller, found through the controller endpoint. */
    private record Claimed(License license, Controller controller) {
    }

    private static List<Claimed> claimed(LicenseDeskService service) {
        List<Claimed> out = new ArrayList<>();
        for (Customer customer : service.customers().subList(0, 8)) {
            for (Controller controller : service.controllers(List.of(customer)).controllers()) {
                service.licensesOfController(controller.nodeId()).forEach(l -> out.add(new Claimed(l, controller)));
            }
        }
        return out;
    }

    @Test
    void verdictsFollowWhatTheServerHasAndNothingNeedlessIsSent() throws Exception {
        try (BulkSandbox env = new BulkSandbox(SandboxOptions.defaults())) {
            Backend backend = env.admin();
            List<Claimed> claimed = claimed(backend.service());
            Claimed claimedActivated = claimed.stream().filter(c -> c.license().activationDate() != null)
                    .findFirst().orElseThrow();
            Claimed claimedFresh = claimed.stream().filter(c -> c.license().activationDate() == null)
                    .findFirst().orElseThrow();
            Claimed elsewhere = claimed.stream().filter(c -> c != claimedActivated && c != claimedFresh)
                    .filter(c -> !c.controller().equals(claimedFresh.controller())).findFirst().orElseThrow();
            Line fresh = env.freshLicenses(1, "").get(0);
            Customer customer = claimedFresh.controller().soleCustomer();
            License activated = backend.service().licensesOfCustomer(customer).stream()
                    .filter(l -> l.datalinks().isEmpty() && l.activationDate() != null).findFirst().orElseThrow();
            Line activatedUnclaimed = new Line(activated.key(), claimedFresh.controller().nodeId(), "");
            String other = claimedFresh.controller().nodeId();
            List<Line> lines = List.of(
                    new Line(claimedActivated.license().key(), claimedActivated.controller().nodeId(), ""),
                    new Line(claimedActivated.license().key() + "X", "SGC-NOPE", ""),
                    new Line(claimedFresh.license().key(), other, AT.toString()),
                    new Line(elsewhere.license().key(), other, ""),
                    new Line(fresh.key(), fresh.nodeId(), "now"),
                    new Line(activatedUnclaimed.key(), activatedUnclaimed.nodeId(), AT.toString()),
                    new Line("SG1-NOT-ANY-WHERE", other, ""));
            Path csv = BulkSandbox.write(dir.resolve("rows.csv"), lines);
            BulkFile file = BulkSandbox.read(csv);
            try (BulkEngine engine = new BulkEngine(backend.service(), env.settings, ErrorMessages.forBulk())) {
                BulkPreview preview = engine.preview(file, BulkJournal.Replay.EMPTY, () -> false);
                assertThat(preview.rows()).extracting(PlannedRow::verdict).containsExactly(Verdict.SKIP,
                        Verdict.INVALID, Verdict.READY, Verdict.CONFLICT, Verdict.READY, Verdict.READY,
                        Verdict.READY);
                assertThat(preview.rows().get(1).message()).contains("SGC-NOPE");
                assertThat(preview.invalidRows()).extracting(r -> r.row().line()).containsExactly(3);
                PlannedRow activateOnly = preview.rows().get(2);
                assertThat(activateOnly.claim()).as(activateOnly.message()).isFalse();
                assertThat(activateOnly.activate()).isTrue();
                PlannedRow claimOnly = preview.rows().get(5);
                assertThat(claimOnly.claim()).isTrue();
                assertThat(claimOnly.activate()).isFalse();
                assertThat(claimOnly.message()).contains("already activated");
                assertThat(preview.rows().get(6).message()).contains("not among the licenses of your customers");
                assertThat(preview.summary()).isEqualTo("7 rows: 4 to send, 1 with nothing to do, 1 conflict, "
                        + "1 invalid, 0 finished in an earlier run");

                List<RowResult> heard = new CopyOnWriteArrayList<>();
                BulkRun run;
                try (BulkJournal journal = BulkJournal.open(BulkJournal.defaultPath(csv), file, Clock.systemUTC())) {
                    run = engine.newRun(preview, journal, heard::add);
                    assertThat(run.execute()).isEqualTo(BulkRun.Status.FINISHED);
                }
                List<RowResult> results = run.results();
                assertThat(results).extracting(RowResult::outcome).containsExactly(Outcome.SKIPPED, Outcome.FAILED,
                        Outcome.DONE, Outcome.FAILED, Outcome.DONE, Outcome.DONE, Outcome.FAILED);
                assertThat(results.get(0).detail()).isEqualTo("already claimed to this controller");
                assertThat(results.get(1).detail()).startsWith("not sent: ").contains("SGC-NOPE");
                assertThat(results.get(2).detail()).isEqualTo("already claimed, activated " + AT);
                assertThat(results.get(3).detail()).isEqualTo("already claimed to another controller; not sent");
                assertThat(results.get(4).detail()).startsWith("claimed, activated 20");
                assertThat(results.get(4).activatedAt()).isNotNull();
                assertThat(results.get(5).detail()).startsWith("claimed, already activated on ");
                assertThat(results.get(6).detail()).isEqualTo("claim: Unknown license key or controller.");
                assertThat(heard).hasSize(7);
            }
            for (Line line : List.of(lines.get(0), lines.get(1), lines.get(3))) {
                assertThat(env.proxy.sent(SandboxProxy.CLAIM, line.key())).as(line.key()).isZero();
            }
            assertThat(env.proxy.sent(SandboxProxy.CLAIM, lines.get(2).key())).isZero();
            assertThat(env.proxy.sent(SandboxProxy.ACTIVATE, lines.get(2).key())).isEqualTo(1);
            assertThat(env.proxy.sent(SandboxProxy.ACTIVATE, lines.get(5).key())).isZero();
        }
    }
}
