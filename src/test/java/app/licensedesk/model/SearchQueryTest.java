package app.licensedesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void everyWordMustAppearInSomeField() {
        SearchQuery query = SearchQuery.of("  gent   0001 ");
        assertThat(query.matches("Site Gent", "SGC-0001-KPWQ")).isTrue();
        assertThat(query.matches("Site Gent", "SGC-0002-KPWQ")).isFalse();
        assertThat(query.matches(null, "SGC-0001-KPWQ")).isFalse();
    }

    @Test
    void caseAndAccentsAreIgnoredBothWays() {
        assertThat(SearchQuery.of("backerei").matches("Bäckerei Müller")).isTrue();
        assertThat(SearchQuery.of("MÜLLER").matches("Bäckerei Muller")).isTrue();
        assertThat(SearchQuery.of("énergie").matches("ENERGIE Sud")).isTrue();
        assertThat(SearchQuery.of("f9DD6522").matches("x", "f9dd6522-9d7a-43cd-93bb-d9ac5c42f173")).isTrue();
    }

    @Test
    void theSameInATurkishLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(SearchQuery.of("INDUSTRIE").matches("industrie park")).isTrue();
            assertThat(SearchQuery.of("sgc").matches("SGC-0001")).isTrue();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anEmptyQueryMatchesEverything() {
        assertThat(SearchQuery.of(" ").isEmpty()).isTrue();
        assertThat(SearchQuery.of(null).matches((String) null)).isTrue();
        assertThat(SearchQuery.of("x").isEmpty()).isFalse();
    }

    @Test
    void rankPutsAnEqualFieldFirstThenAPrefixThenAWordThenTheRest() {
        SearchQuery query = SearchQuery.of("  site   GENT ");
        assertThat(query.rank("x", "Site Gent")).isZero();
        assertThat(query.rank("Site  Gent 2", "SGC-0001")).isEqualTo(1);
        assertThat(query.rank("Old Site Gent", null)).isEqualTo(2);
        assertThat(query.rank("Campsite Gent", "x")).isEqualTo(3);
        assertThat(SearchQuery.of("0001").rank("x", "SGC-0001-KPWQ")).isEqualTo(2);
        assertThat(SearchQuery.of("mol").rank("Koelhuis Molen", "Koelhuis Mol")).isEqualTo(2);
        assertThat(SearchQuery.of("backerei").rank("Bäckerei")).isZero();
        // matched through the words, not as a whole: the rest
        assertThat(SearchQuery.of("gent site").rank("Site Gent")).isEqualTo(3);
    }
}
