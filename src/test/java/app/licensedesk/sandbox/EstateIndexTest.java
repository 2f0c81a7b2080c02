package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The per-customer and per-controller indexes of the estate agree with a scan of every license, always, and the
 * device indexes with a scan of every device.
 */
class EstateIndexTest {

    private static final Account ADMIN = Account.byId(SandboxAccounts.ADMIN_USER_ID);

    private final AtomicInteger claims = new AtomicInteger();

    private static void assertIndexesAgreeWithAScan(Estate estate) {
        List<Estate.License> all = estate.licenses();
        Map<Integer, List<String>> byCompany = all.stream().collect(Collectors.groupingBy(
                Estate.License::companyId, Collectors.mapping(Estate.License::key, Collectors.toList())));
        for (Estate.Company c : estate.companies()) {
            List<Estate.License> indexed = estate.licensesOf(c.id());
            assertThat(indexed).extracting(Estate.License::key)
                    .containsExactlyElementsOf(byCompany.getOrDefault(c.id(), List.of()));
            // The index serves the current records, not the seeded ones.
            assertThat(indexed).allSatisfy(l -> assertThat(all).contains(l));
        }
        for (Estate.Device d : estate.devices()) {
            assertThat(estate.licensesClaimedBy(d.nodeId())).containsExactlyInAnyOrderElementsOf(
                    all.stream().filter(l -> d.nodeId().equals(l.nodeId())).toList());
        }
    }

    @Test
    void indexesFollowClaimsAndActivationsUnderConcurrency() throws Exception {
        Estate estate = EstateSeeder.seed(SandboxOptions.defaults().withCustomers(12));
        assertIndexesAgreeWithAScan(estate);

        List<Estate.License> unclaimed = estate.licenses().stream().filter(l -> l.nodeId() == null).toList();
        assertThat(unclaimed).hasSizeGreaterThan(20);
        List<Callable<Estate.License>> work = new ArrayList<>();
        for (Estate.License l : unclaimed) {
            String controller = estate.devices().stream()
                    .filter(d -> d.isController() && d.companyId() == l.companyId())
                    .findFirst().orElseThrow().nodeId();
            // Each license is claimed twice at once and activated when it has not been yet: one of each wins.
            work.add(() -> claimOrNull(estate, l.key(), controller));
            work.add(() -> claimOrNull(estate, l.key(), controller));
            if (l.activationDate() == null) {
                work.add(() -> estate.activate(l.key(), ADMIN, Instant.parse("2030-01-01T00:00:00Z")));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Estate.License> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(estate.licenses()).allSatisfy(l -> assertThat(l.nodeId()).isNotNull());
        assertIndexesAgreeWithAScan(estate);
        for (Estate.License l : unclaimed) {
            List<Estate.License> onController = estate.licensesClaimedBy(estate.licensesOf(l.companyId()).stream()
                    .filter(x -> x.key().equals(l.key())).findFirst().orElseThrow().nodeId());
            assertThat(onController.stream().filter(x -> x.key().equals(l.key()))).hasSize(1);
            assertThat(onController.stream().filter(x -> x.key().equals(l.key())).findFirst().orElseThrow()
                    .activationDate()).isNotNull();
        }
        assertThat(claims.get()).isEqualTo(unclaimed.size());
    }

    @Test
    void deviceIndexesAgreeWithAScan() {
        Estate estate = EstateSeeder.seed(SandboxOptions.defaults().withCustomers(12));
        List<Estate.Device> all = estate.devices();
        Estate.Device child = all.stream().filter(d -> !d.isController()).findFirst().orElseThrow();
        List<List<Integer>> companies = new ArrayList<>(Arrays.asList(null, List.of(), List.of(3), List.of(5, 1, 5),
                List.of(99), List.of(child.companyId())));
        List<List<String>> nodeIds = new ArrayList<>(Arrays.asList(null, List.of(), List.of("nope"),
                List.of(child.nodeId(), child.parentNodeId(), child.nodeId()), List.of(all.get(0).nodeId())));
        for (Account who : List.of(ADMIN, Account.byId(SandboxAccounts.SALES_USER_ID))) {
            for (List<Integer> c : companies) {
                for (List<String> n : nodeIds) {
                    assertThat(estate.devicesFor(who, c, n)).as("companies %s, nodeIds %s", c, n)
                            .containsExactlyElementsOf(all.stream().filter(d -> estate.visible(d.companyId(), who)
                                    && (c == null || c.contains(d.companyId()))
                                    && (n == null || n.contains(d.nodeId()))).toList());
                }
            }
        }
    }

    private Estate.License claimOrNull(Estate estate, String key, String nodeId) {
        try {
            Estate.License claimed = estate.claim(key, nodeId, ADMIN);
            claims.incrementAndGet();
            return claimed;
        } catch (ApiError e) {
            assertThat(e.status()).isEqualTo(400);
            return null;
        }
    }
}
