package app.licensedesk.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Environment;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.UserSettings;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreferencesViewModelTest {

    private final Preferences node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);
    private final List<UserSettings> applied = new ArrayList<>();
    private PreferencesViewModel vm;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        vm = new PreferencesViewModel(prefs, applied::add);
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void theFieldsShowTheDefaultsFirst() {
        assertThat(vm.themeProperty().get()).isEqualTo(UserSettings.Theme.SYSTEM);
        assertThat(vm.languageProperty().get()).isEqualTo(UserSettings.Language.SYSTEM);
        assertThat(vm.durationUnitProperty().get()).isEqualTo(ChronoUnit.MONTHS);
        assertThat(vm.expiringDaysProperty().get()).isEqualTo("30");
        assertThat(vm.lookAheadDaysProperty().get()).isEqualTo("60");
        assertThat(vm.concurrencyProperty().get()).isEqualTo("8");
        assertThat(vm.nodeTypesProperty().get()).isEqualTo("smartgridControllerSite");
        assertThat(vm.startEnvironmentProperty().get()).isEqualTo(PreferencesViewModel.StartEnvironment.LAST_USED);
        assertThat(vm.invalidProperty().get()).isFalse();
    }

    @Test
    void numbersAreCheckedAtTheFieldAsTyped() {
        vm.concurrencyProperty().set("0");
        assertThat(vm.concurrencyErrorProperty().get()).isEqualTo("From 1 to 32.");
        vm.concurrencyProperty().set("33");
        assertThat(vm.concurrencyErrorProperty().get()).isEqualTo("From 1 to 32.");
        vm.concurrencyProperty().set("eight");
        assertThat(vm.concurrencyErrorProperty().get()).isEqualTo("Only digits: a whole number from 1 to 32.");
        vm.concurrencyProperty().set("");
        assertThat(vm.concurrencyErrorProperty().get()).isEqualTo("Enter a whole number from 1 to 32.");
        assertThat(vm.invalidProperty().get()).isTrue();
        vm.concurrencyProperty().set(" 32 ");
        assertThat(vm.concurrencyErrorProperty().get()).isEmpty();

        vm.expiringDaysProperty().set("366");
        assertThat(vm.expiringDaysErrorProperty().get()).isEqualTo("From 1 to 365.");
        vm.expiringDaysProperty().set("1");
        assertThat(vm.expiringDaysErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();
    }

    @Test
    void theLookAheadIsCheckedAtItsFieldAndAWrongOneSavesNothing() {
        vm.lookAheadDaysProperty().set("0");
        assertThat(vm.lookAheadDaysErrorProperty().get()).isEqualTo("From 1 to 365.");
        vm.lookAheadDaysProperty().set("366");
        assertThat(vm.lookAheadDaysErrorProperty().get()).isEqualTo("From 1 to 365.");
        vm.lookAheadDaysProperty().set("2 months");
        assertThat(vm.lookAheadDaysErrorProperty().get()).isEqualTo("Only digits: a whole number from 1 to 365.");
        vm.lookAheadDaysProperty().set(" ");
        assertThat(vm.lookAheadDaysErrorProperty().get()).isEqualTo("Enter a whole number from 1 to 365.");
        // the other fields are fine: this one alone keeps Save from storing anything
        assertThat(vm.expiringDaysErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isTrue();
        assertThat(vm.save()).isNull();
        assertThat(applied).isEmpty();
        assertThat(node.get("prefs.lookAheadDays", null)).isNull();

        vm.lookAheadDaysProperty().set("365");
        assertThat(vm.lookAheadDaysErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();
        assertThat(vm.save().lookAheadDays()).isEqualTo(365);
        assertThat(UserSettings.load(prefs).lookAheadDays()).isEqualTo(365);
    }

    @Test
    void nodeTypesAreCheckedAtTheField() {
        vm.nodeTypesProperty().set(" , ");
        assertThat(vm.nodeTypesErrorProperty().get()).startsWith("Enter at least one node type");
        vm.nodeTypesProperty().set("smartgridControllerSite, bad type");
        assertThat(vm.nodeTypesErrorProperty().get()).startsWith("Node types are words");
        vm.nodeTypesProperty().set("smartgridControllerSite,  otherSite ");
        assertThat(vm.nodeTypesErrorProperty().get()).isEmpty();
    }

    @Test
    void aWrongFieldSavesNothing() {
        vm.themeProperty().set(UserSettings.Theme.DARK);
        vm.concurrencyProperty().set("64");
        assertThat(vm.save()).isNull();
        assertThat(applied).isEmpty();
        assertThat(UserSettings.load(prefs)).isEqualTo(UserSettings.defaults());
    }

    @Test
    void saveStoresEverythingAndAppliesIt() {
        vm.themeProperty().set(UserSettings.Theme.DARK);
        vm.languageProperty().set(UserSettings.Language.GERMAN);
        vm.durationUnitProperty().set(ChronoUnit.DAYS);
        vm.expiringDaysProperty().set("45");
        vm.lookAheadDaysProperty().set("90");
        vm.concurrencyProperty().set("4");
        vm.nodeTypesProperty().set("smartgridControllerSite, otherSite");
        vm.startEnvironmentProperty().set(PreferencesViewModel.StartEnvironment.PRODUCTION);

        UserSettings saved = vm.save();
        UserSettings expected = new UserSettings(UserSettings.Theme.DARK, UserSettings.Language.GERMAN,
                ChronoUnit.DAYS, 45, 90, 4, List.of("smartgridControllerSite", "otherSite"),
                Environment.Kind.PRODUCTION);
        assertThat(saved).isEqualTo(expected);
        assertThat(applied).containsExactly(expected);
        assertThat(UserSettings.load(prefs)).isEqualTo(expected);
        // a new dialog shows what was saved
        PreferencesViewModel again = new PreferencesViewModel(prefs, s -> { });
        assertThat(again.themeProperty().get()).isEqualTo(UserSettings.Theme.DARK);
        assertThat(again.lookAheadDaysProperty().get()).isEqualTo("90");
        assertThat(again.nodeTypesProperty().get()).isEqualTo("smartgridControllerSite, otherSite");
        assertThat(again.startEnvironmentProperty().get())
                .isEqualTo(PreferencesViewModel.StartEnvironment.PRODUCTION);
    }

    @Test
    void defaultsPutTheFieldsBackWithoutSaving() {
        vm.concurrencyProperty().set("99");
        vm.lookAheadDaysProperty().set("0");
        vm.themeProperty().set(UserSettings.Theme.LIGHT);
        vm.resetToDefaults();
        assertThat(vm.concurrencyProperty().get()).isEqualTo("8");
        assertThat(vm.concurrencyErrorProperty().get()).isEmpty();
        assertThat(vm.lookAheadDaysProperty().get()).isEqualTo("60");
        assertThat(vm.lookAheadDaysErrorProperty().get()).isEmpty();
        assertThat(vm.themeProperty().get()).isEqualTo(UserSettings.Theme.SYSTEM);
        assertThat(applied).isEmpty();
    }
}
