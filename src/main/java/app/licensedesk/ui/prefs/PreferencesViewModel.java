package app.licensedesk.ui.prefs;

import app.licensedesk.model.Environment;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.UserSettings;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Preferences dialog: the settings as editable fields, each number and list checked as it is typed with the
 * problem at the field, and Save, which stores them and applies what applies at once (the theme).
 */
public final class PreferencesViewModel {

    /** What the sign-in window preselects: the environment used last, or always the same one. */
    public enum StartEnvironment {
        LAST_USED(null), SANDBOX(Environment.Kind.SANDBOX), PRODUCTION(Environment.Kind.PRODUCTION),
        CUSTOM(Environment.Kind.CUSTOM);

        private final Environment.Kind kind;

        StartEnvironment(Environment.Kind kind) {
            this.kind = kind;
        }

        static StartEnvironment of(Environment.Kind kind) {
            for (StartEnvironment e : values()) {
                if (e.kind == kind) {
                    return e;
                }
            }
            return LAST_USED;
        }
    }

    private final AppPreferences prefs;
    private final Consumer<UserSettings> onSaved;

    private final ObjectProperty<UserSettings.Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<UserSettings.Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObjectProperty<ChronoUnit> durationUnit = new SimpleObjectProperty<>(this, "durationUnit");
    private final StringProperty expiringDays = new SimpleStringProperty(this, "expiringDays");
    private final StringProperty lookAheadDays = new SimpleStringProperty(this, "lookAheadDays");
    private final StringProperty concurrency = new SimpleStringProperty(this, "concurrency");
    private final StringProperty nodeTypes = new SimpleStringProperty(this, "nodeTypes");
    private final ObjectProperty<StartEnvironment> startEnvironment =
            new SimpleObjectProperty<>(this, "startEnvironment");
    private final ReadOnlyStringWrapper expiringDaysError = new ReadOnlyStringWrapper(this, "expiringDaysError", "");
    private final ReadOnlyStringWrapper lookAheadDaysError =
            new ReadOnlyStringWrapper(this, "lookAheadDaysError", "");
    private final ReadOnlyStringWrapper concurrencyError = new ReadOnlyStringWrapper(this, "concurrencyError", "");
    private final ReadOnlyStringWrapper nodeTypesError = new ReadOnlyStringWrapper(this, "nodeTypesError", "");
    private final BooleanBinding invalid = Bindings.createBooleanBinding(() -> !expiringDaysError.get().isEmpty()
            || !lookAheadDaysError.get().isEmpty() || !concurrencyError.get().isEmpty()
            || !nodeTypesError.get().isEmpty(),
            expiringDaysError, lookAheadDaysError, concurrencyError, nodeTypesError);

    /** @param onSaved told of the settings just saved, to apply what applies at once */
    public PreferencesViewModel(AppPreferences prefs, Consumer<UserSettings> onSaved) {
        this.prefs = prefs;
        this.onSaved = onSaved;
        show(UserSettings.load(prefs));
        expiringDays.addListener((o, a, b) -> expiringDaysError.set(numberProblem(b,
                UserSettings.MIN_EXPIRING_DAYS, UserSettings.MAX_EXPIRING_DAYS)));
        lookAheadDays.addListener((o, a, b) -> lookAheadDaysError.set(numberProblem(b,
                UserSettings.MIN_LOOK_AHEAD_DAYS, UserSettings.MAX_LOOK_AHEAD_DAYS)));
        concurrency.addListener((o, a, b) -> concurrencyError.set(numberProblem(b,
                UserSettings.MIN_CONCURRENCY, UserSettings.MAX_CONCURRENCY)));
        nodeTypes.addListener((o, a, b) -> {
            String problem = UserSettings.nodeTypesProblem(b);
            nodeTypesError.set(problem == null ? "" : I18n.t(problem));
        });
    }

    private void show(UserSettings s) {
        theme.set(s.theme());
        language.set(s.language());
        durationUnit.set(s.durationUnit());
        expiringDays.set(Integer.toString(s.expiringDays()));
        lookAheadDays.set(Integer.toString(s.lookAheadDays()));
        concurrency.set(Integer.toString(s.concurrency()));
        nodeTypes.set(String.join(", ", s.nodeTypes()));
        startEnvironment.set(StartEnvironment.of(s.defaultEnvironment()));
    }

    /** Puts every field back to its default (not saved until Save). */
    public void resetToDefaults() {
        show(UserSettings.defaults());
    }

    /** "" when the text is a whole number in the range, else what is wrong. */
    private static String numberProblem(String text, int min, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return I18n.t("prefs.error.number.empty", min, max);
        }
        try {
            int n = Integer.parseInt(value);
            return n >= min && n <= max ? "" : I18n.t("prefs.error.number.range", min, max);
        } catch (NumberFormatException e) {
            return I18n.t("prefs.error.number.form", min, max);
        }
    }

    /**
     * Saves the settings when every field is fine.
     *
     * @return the saved settings, or null when a field is wrong (nothing is saved then)
     */
    public UserSettings save() {
        if (invalid.get()) {
            return null;
        }
        UserSettings saved = new UserSettings(theme.get(), language.get(), durationUnit.get(),
                Integer.parseInt(expiringDays.get().strip()), Integer.parseInt(lookAheadDays.get().strip()),
                Integer.parseInt(concurrency.get().strip()), UserSettings.parseNodeTypes(nodeTypes.get()),
                startEnvironment.get().kind);
        saved.save(prefs);
        onSaved.accept(saved);
        return saved;
    }

    public List<UserSettings.Theme> themes() {
        return List.of(UserSettings.Theme.values());
    }

    public List<UserSettings.Language> languages() {
        return List.of(UserSettings.Language.values());
    }

    public List<ChronoUnit> durationUnits() {
        return UserSettings.DURATION_UNITS;
    }

    public List<StartEnvironment> startEnvironments() {
        return List.of(StartEnvironment.values());
    }

    public ObjectProperty<UserSettings.Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<UserSettings.Language> languageProperty() {
        return language;
    }

    public ObjectProperty<ChronoUnit> durationUnitProperty() {
        return durationUnit;
    }

    public StringProperty expiringDaysProperty() {
        return expiringDays;
    }

    /** The Expiring page's period, in days. */
    public StringProperty lookAheadDaysProperty() {
        return lookAheadDays;
    }

    public StringProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty nodeTypesProperty() {
        return nodeTypes;
    }

    public ObjectProperty<StartEnvironment> startEnvironmentProperty() {
        return startEnvironment;
    }

    public ReadOnlyStringProperty expiringDaysErrorProperty() {
        return expiringDaysError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lookAheadDaysErrorProperty() {
        return lookAheadDaysError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty concurrencyErrorProperty() {
        return concurrencyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodeTypesErrorProperty() {
        return nodeTypesError.getReadOnlyProperty();
    }

    /** True while a field is wrong: Save is disabled. */
    public BooleanBinding invalidProperty() {
        return invalid;
    }
}
