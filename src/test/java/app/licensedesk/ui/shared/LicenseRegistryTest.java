package app.licensedesk.ui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.License.Field;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LicenseRegistryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static final EnumSet<Field> NO_DATALINKS = EnumSet.complementOf(EnumSet.of(Field.DATALINKS));

    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static License fromCustomer(String key) {
        return new License("id-" + key, key, 10, 8, 5, null, Instant.parse("2026-01-05T09:00:00Z"), null, 12, null,
                "residential", List.of("dl-" + key));
    }

    /** What the activate answer and the controller endpoint carry: everything but the datalinks. */
    private static License withoutDatalinks(String key, Instant activation) {
        return new License("id-" + key, key, 10, 8, 5, null, Instant.parse("2026-01-05T09:00:00Z"), activation, 12,
                null, "residential", List.of(), NO_DATALINKS);
    }

    @Test
    void anActivationAnswerKeepsTheDatalinksOfTheRow() {
        LicenseRow row = registry.put(fromCustomer("K-1"), ACME);

        assertThat(registry.put(withoutDatalinks("K-1", NOW.minusSeconds(60)), null)).isSameAs(row);

        assertThat(row.getLicense().datalinks()).containsExactly("dl-K-1");
        assertThat(row.getLicense().activationDate()).isEqualTo(NOW.minusSeconds(60));
        assertThat(row.getStatus()).isEqualTo(LicenseStatus.ACTIVE);
        assertThat(row.getCustomer()).isEqualTo(ACME);
    }

    @Test
    void openingAControllerKeepsTheDatalinksAndTeachesTheController() {
        LicenseRow row = registry.put(fromCustomer("K-1"), ACME);

        registry.putUnderController(withoutDatalinks("K-1", null), "node-1", null);
        registry.putUnderController(withoutDatalinks("K-1", null), "node-1", null);

        assertThat(row.getLicense().datalinks()).containsExactly("dl-K-1");
        assertThat(row.getControllers()).containsExactly("node-1");
        assertThat(row.getController()).isEqualTo("node-1");
    }

    @Test
    void aClaimBeforeTheLicenseIsLoadedIsKnownWhenItIsLoaded() {
        registry.linkController("K-2", "node-2");

        LicenseRow row = registry.put(fromCustomer("K-2"), ACME);

        assertThat(row.getController()).isEqualTo("node-2");
        assertThat(row.getLicense()).isEqualTo(fromCustomer("K-2"));
    }

    @Test
    void aLicenseSeenUnderTwoControllersKnowsBoth() {
        LicenseRow row = registry.putUnderController(withoutDatalinks("K-3", null), "node-a", ACME);
        registry.linkController("K-3", "node-b");
        assertThat(row.getControllers()).containsExactly("node-a", "node-b");
        assertThat(row.getController()).isEqualTo("node-a, node-b");
    }

    @Test
    void findByKeyPutsTheWholeKeyFirstThenPrefixesThenTheRestEachByKey() {
        LicenseRow other = registry.put(fromCustomer("XX-AB-2"), ACME);
        LicenseRow prefixB = registry.put(fromCustomer("ab-9"), ACME);
        LicenseRow whole = registry.put(fromCustomer("AB"), ACME);
        LicenseRow prefixA = registry.put(fromCustomer("AB-1"), ACME);
        registry.put(fromCustomer("CD-1"), ACME);

        assertThat(registry.findByKey("  aB ", 20)).containsExactly(whole, prefixA, prefixB, other);
        assertThat(registry.findByKey("ab", 2)).containsExactly(whole, prefixA);
        assertThat(registry.findByKey(" ", 20)).isEmpty();
        assertThat(registry.findByKey("zz", 20)).isEmpty();
    }

    @Test
    void findByKeyKnowsRowsLearntFromAClaimAndForgetsOnClear() {
        registry.linkController("K-9", "node-1");
        assertThat(registry.findByKey("k-9", 5)).extracting(LicenseRow::getKey).containsExactly("K-9");

        registry.clear();
        assertThat(registry.findByKey("k-9", 5)).isEmpty();
    }

    @Test
    void findByKeyAmongManyRowsReturnsTheBestTwentyAsAFullSortWould() {
        List<String> keys = new ArrayList<>();
        for (int i = 29_999; i >= 0; i--) {
            keys.add(String.format(Locale.ROOT, "SG1-%06d", i));
            registry.put(License.ofKey(keys.get(keys.size() - 1)), null);
        }
        assertThat(registry.findByKey("sg1-0012", 20)).extracting(LicenseRow::getKey).containsExactlyElementsOf(
                IntStream.range(1200, 1220).mapToObj(i -> String.format(Locale.ROOT, "SG1-%06d", i)).toList());
        assertThat(registry.findByKey("SG1-004242", 20)).extracting(LicenseRow::getKey).containsExactly("SG1-004242");
        // contains, not only the start: the first 20 by key of all that contain it
        assertThat(registry.findByKey("23", 20)).extracting(LicenseRow::getKey)
                .containsExactlyElementsOf(keys.stream().filter(k -> k.contains("23")).sorted().limit(20).toList());
    }
}
