package app.licensedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The language choice: what is saved, what is resolved at start, and that dates and numbers follow it. */
class I18nTest {

    private static final Locale BELGIAN_DUTCH = new Locale("nl", "BE");
    private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T12:00:00Z");

    private Preferences node;
    private AppPreferences prefs;
    private Locale defaultBefore;

    @BeforeEach
    void prefs() {
        defaultBefore = Locale.getDefault();
        node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
        prefs = new AppPreferences(node);
    }

    @AfterEach
    void restore() throws BackingStoreException {
        Locale.setDefault(defaultBefore);
        I18n.setLocale(Locale.ENGLISH);
        node.removeNode();
    }

    @Test
    void theComputersLanguageWhenSupportedElseEnglishKeepingTheCountry() {
        assertThat(I18n.resolve(null, BELGIAN_DUTCH)).isEqualTo(BELGIAN_DUTCH);
        assertThat(I18n.resolve(null, new Locale("fr", "BE"))).isEqualTo(new Locale("fr", "BE"));
        assertThat(I18n.resolve(null, Locale.GERMANY)).isEqualTo(Locale.GERMANY);
        assertThat(I18n.resolve(null, new Locale("es", "ES"))).isEqualTo(new Locale("en", "ES"));
        assertThat(I18n.resolve(null, Locale.ROOT)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aSavedLanguageWinsOverTheComputersAndAnUnknownOneIsIgnored() {
        assertThat(I18n.resolve("de", BELGIAN_DUTCH)).isEqualTo(new Locale("de", "BE"));
        assertThat(I18n.resolve("en", BELGIAN_DUTCH)).isEqualTo(new Locale("en", "BE"));
        assertThat(I18n.resolve("xx", BELGIAN_DUTCH)).isEqualTo(BELGIAN_DUTCH);
    }

    @Test
    void theChoiceIsSavedUnderUiLanguageAndNullMeansTheComputers() {
        assertThat(I18n.supported()).containsExactly("en", "nl", "fr", "de");
        assertThat(I18n.storedLanguage(prefs)).isNull();
        I18n.setLanguage(prefs, "fr");
        assertThat(node.get("ui.language", null)).isEqualTo("fr");
        assertThat(I18n.storedLanguage(prefs)).isEqualTo("fr");
        I18n.setLanguage(prefs, null);
        assertThat(node.get("ui.language", null)).isNull();
        assertThatThrownBy(() -> I18n.setLanguage(prefs, "es")).isInstanceOf(IllegalArgumentException.class);
        node.put("ui.language", "klingon");
        assertThat(I18n.storedLanguage(prefs)).isNull();
    }

    @Test
    void eachLanguageIsNamedInItself() {
        assertThat(I18n.supported().stream().map(I18n::languageName))
                .containsExactly("English", "Nederlands", "Français", "Deutsch");
    }

    @Test
    void atStartTheSavedLanguageIsUsedForTextsAndBecomesTheDefaultLocale() {
        I18n.setLanguage(prefs, "de");
        I18n.applyAtStart(prefs);
        assertThat(I18n.t("login.signIn")).isEqualTo("Anmelden");
        assertThat(I18n.locale().getLanguage()).isEqualTo("de");
        // JavaFX's own texts and the date picker follow the default locale
        assertThat(Locale.getDefault().getLanguage()).isEqualTo("de");
    }

    @Test
    void englishIsTheBaseBundleEvenOnADutchComputer() {
        // without the no-fallback control, English on a Dutch computer finds messages_nl before the base bundle
        Locale.setDefault(BELGIAN_DUTCH);
        I18n.setLocale(Locale.ENGLISH);
        assertThat(I18n.t("login.signIn")).isEqualTo("Sign in");
        I18n.setLocale(new Locale("en", "BE"));
        assertThat(I18n.t("shell.signOut")).isEqualTo("Sign out");
    }

    @Test
    void datesAndNumbersFollowTheChosenLanguage() {
        I18n.setLocale(Locale.GERMANY);
        assertThat(Formats.number(12345)).isEqualTo("12.345");
        assertThat(Formats.date(DECEMBER_FIRST)).contains("12.2026");
        I18n.setLocale(Locale.FRANCE);
        assertThat(Formats.number(12345)).isEqualTo("12\u202f345");
        assertThat(Formats.date(DECEMBER_FIRST)).contains("déc. 2026");
        I18n.setLocale(BELGIAN_DUTCH);
        assertThat(Formats.number(12345)).isEqualTo("12.345");
        assertThat(Formats.date(DECEMBER_FIRST)).contains("dec. 2026");
        I18n.setLocale(Locale.US);
        assertThat(Formats.number(12345)).isEqualTo("12,345");
        assertThat(Formats.date(DECEMBER_FIRST)).contains("Dec").contains("2026");
    }
}
