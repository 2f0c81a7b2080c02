package app.licensedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Environment;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserSettingsTest {

    private final Preferences node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void nothingSavedMeansTheDefaults() {
        UserSettings s = UserSettings.load(prefs);
        assertThat(s).isEqualTo(UserSettings.defaults());
        assertThat(s.theme()).isEqualTo(UserSettings.Theme.SYSTEM);
        assertThat(s.durationUnit()).isEqualTo(ChronoUnit.MONTHS);
        assertThat(s.expiringDays()).isEqualTo(30);
        assertThat(s.lookAheadDays()).isEqualTo(60);
        assertThat(s.concurrency()).isEqualTo(8);
        assertThat(s.nodeTypes()).containsExactly("smartgridControllerSite");
        assertThat(s.defaultEnvironment()).isNull();
        assertThat(s.licenseTerms().durationUnit()).isEqualTo(ChronoUnit.MONTHS);
        assertThat(s.licenseTerms().expiringWindow()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void savedSettingsLoadBack() {
        UserSettings saved = new UserSettings(UserSettings.Theme.DARK, UserSettings.Language.DUTCH, ChronoUnit.DAYS,
                14, 90, 32, List.of("smartgridControllerSite", "otherController"), Environment.Kind.PRODUCTION);
        saved.save(prefs);
        assertThat(UserSettings.load(prefs)).isEqualTo(saved);
        // one key for the language: the one I18n applies at the next start
        assertThat(I18n.storedLanguage(prefs)).isEqualTo("nl");
        assertThat(UserSettings.load(prefs).licenseTerms().expiringWindow()).isEqualTo(Duration.ofDays(14));
        // the Expiring page's period is a setting of its own, under its own key
        assertThat(UserSettings.load(prefs).lookAheadDays()).isEqualTo(90);
        assertThat(prefs.get(UserSettings.KEY_LOOK_AHEAD_DAYS, null)).isEqualTo("90");
    }

    @Test
    void unreadableValuesCountAsTheirDefaults() {
        prefs.put(UserSettings.KEY_THEME, "PURPLE");
        prefs.put(I18n.PREF_LANGUAGE, "tlh");
        prefs.put(UserSettings.KEY_DURATION_UNIT, "CENTURIES");
        prefs.put(UserSettings.KEY_EXPIRING_DAYS, "0");
        prefs.put(UserSettings.KEY_LOOK_AHEAD_DAYS, "366");
        prefs.put(UserSettings.KEY_CONCURRENCY, "99");
        prefs.put(UserSettings.KEY_NODE_TYPES, "bad type!");
        prefs.put(UserSettings.KEY_DEFAULT_ENVIRONMENT, "MARS");
        assertThat(UserSettings.load(prefs)).isEqualTo(UserSettings.defaults());
        prefs.put(UserSettings.KEY_DURATION_UNIT, "HOURS"); // a real unit, but not one offered
        assertThat(UserSettings.load(prefs).durationUnit()).isEqualTo(ChronoUnit.MONTHS);
        prefs.put(UserSettings.KEY_LOOK_AHEAD_DAYS, "sixty");
        assertThat(UserSettings.load(prefs).lookAheadDays()).isEqualTo(60);
        prefs.put(UserSettings.KEY_LOOK_AHEAD_DAYS, " 365 ");
        assertThat(UserSettings.load(prefs).lookAheadDays()).isEqualTo(365);
    }

    @Test
    void nodeTypesAreACommaList() {
        assertThat(UserSettings.parseNodeTypes(" a, b ,,c, a ")).containsExactly("a", "b", "c");
        assertThat(UserSettings.nodeTypesProblem("smartgridControllerSite, x.y-z_1")).isNull();
        assertThat(UserSettings.nodeTypesProblem(" , ")).isEqualTo("prefs.error.nodeTypes.empty");
        assertThat(UserSettings.nodeTypesProblem("ok, not ok")).isEqualTo("prefs.error.nodeTypes.form");
        assertThat(UserSettings.nodeTypesProblem("1starts-with-digit")).isEqualTo("prefs.error.nodeTypes.form");
    }
}
