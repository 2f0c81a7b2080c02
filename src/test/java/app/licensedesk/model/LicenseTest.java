package app.licensedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.License.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseTest {

    private static final Instant CREATED = Instant.parse("2025-01-05T09:00:00Z");
    private static final Instant ACTIVATED = Instant.parse("2025-02-01T00:00:00Z");

    private static final License FROM_CUSTOMER = new License("id-1", "K-1", 10, 8, 5, 3, CREATED, null, 12, null,
            "residential", List.of("dl-1", "dl-2"));

    @Test
    void aFieldTheAnswerDoesNotCarryKeepsItsValue() {
        // the activate answer as documented: no datalinks
        License activated = new License("id-1", "K-1", 10, 8, 5, 3, CREATED, ACTIVATED, 12, null, "residential",
                List.of(), EnumSet.complementOf(EnumSet.of(Field.DATALINKS)));

        License merged = FROM_CUSTOMER.mergedWith(activated);

        assertThat(merged.activationDate()).isEqualTo(ACTIVATED);
        assertThat(merged.datalinks()).containsExactly("dl-1", "dl-2");
        assertThat(merged.fields()).isEqualTo(EnumSet.allOf(Field.class));
    }

    @Test
    void aNullableFieldCarriedAsNullBecomesNull() {
        License noEv = new License(null, "K-1", null, null, null, null, null, null, null, null, null, null,
                EnumSet.of(Field.KEY, Field.EV_KW));

        License merged = FROM_CUSTOMER.mergedWith(noEv);

        assertThat(merged.evKw()).isNull();
        assertThat(merged.gridKw()).isEqualTo(10);
        assertThat(merged.id()).isEqualTo("id-1");
        assertThat(merged.type()).isEqualTo("residential");
    }

    @Test
    void anEmptyDatalinkListThatIsCarriedEmptiesTheList() {
        License none = new License(null, "K-1", null, null, null, null, null, null, null, null, null, List.of(),
                EnumSet.of(Field.KEY, Field.DATALINKS));
        assertThat(FROM_CUSTOMER.mergedWith(none).datalinks()).isEmpty();
    }

    @Test
    void aKeyOnlyLicenseLearnsEverythingFromALaterAnswer() {
        License known = License.ofKey("K-1");
        assertThat(known.fields()).containsExactly(Field.KEY);
        assertThat(known.mergedWith(FROM_CUSTOMER)).isEqualTo(FROM_CUSTOMER);
    }
}
