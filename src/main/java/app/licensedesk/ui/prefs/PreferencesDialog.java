package app.licensedesk.ui.prefs;

import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.Themes;
import app.licensedesk.ui.common.UserSettings;
import atlantafx.base.theme.Styles;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Preferences dialog (Ctrl/Cmd+, in the main window): look, language, license terms and the Expiring page's
 * period, API and sign-in.
 */
public final class PreferencesDialog extends BaseDialog<UserSettings> {

    public PreferencesDialog(Window owner, PreferencesViewModel vm) {
        super(owner, I18n.t("prefs.title"));
        getDialogPane().setId("preferencesDialog");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 4, 4, 4));
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE); // captions are never cut short
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(captions, inputs);
        int r = 0;
        r = heading(grid, r, "prefs.section.looks");
        r = row(grid, r, "prefs.theme", choice("prefsTheme", vm.themes(), vm.themeProperty(),
                t -> I18n.t("prefs.theme." + t.name())), null);
        r = row(grid, r, "prefs.language", choice("prefsLanguage", vm.languages(), vm.languageProperty(),
                PreferencesDialog::languageName), note("prefs.language.note"));
        r = heading(grid, r, "prefs.section.licenses");
        r = row(grid, r, "prefs.durationUnit", choice("prefsDurationUnit", vm.durationUnits(),
                vm.durationUnitProperty(), PreferencesDialog::unitName), null);
        TextField expiring = field("prefsExpiringDays", vm.expiringDaysProperty(), 5);
        r = row(grid, r, "prefs.expiringDays", expiring, problem(expiring, vm.expiringDaysErrorProperty()));
        TextField lookAhead = field("prefsLookAheadDays", vm.lookAheadDaysProperty(), 5);
        r = row(grid, r, "prefs.lookAheadDays", lookAhead, problem(lookAhead, vm.lookAheadDaysErrorProperty()));
        r = heading(grid, r, "prefs.section.api");
        TextField concurrency = field("prefsConcurrency", vm.concurrencyProperty(), 5);
        r = row(grid, r, "prefs.concurrency", concurrency, problem(concurrency, vm.concurrencyErrorProperty()));
        TextField types = field("prefsNodeTypes", vm.nodeTypesProperty(), 28);
        r = row(grid, r, "prefs.nodeTypes", types, problem(types, vm.nodeTypesErrorProperty()));
        r = row(grid, r, "prefs.startEnvironment", choice("prefsStartEnvironment", vm.startEnvironments(),
                vm.startEnvironmentProperty(), e -> I18n.t("prefs.startEnvironment." + e.name())), null);
        Label later = new Label(I18n.t("prefs.appliesLater"));
        later.setWrapText(true);
        later.getStyleClass().add("inline-info");
        grid.add(later, 0, r, 2, 1);
        getDialogPane().setContent(grid);

        Button save = addButtons(I18n.t("prefs.save"), "prefsSaveButton");
        save.setGraphic(new FontIcon(Feather.CHECK));
        ButtonType defaults = new ButtonType(I18n.t("prefs.defaults"), ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().add(defaults);
        Button reset = (Button) getDialogPane().lookupButton(defaults);
        reset.setId("prefsDefaultsButton");
        reset.setGraphic(new FontIcon(Feather.ROTATE_CCW));
        // resets the fields and keeps the dialog open
        reset.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.resetToDefaults();
        });
        onOkAsync(save, vm.invalidProperty(), new SimpleBooleanProperty(false), () -> {
            UserSettings saved = vm.save();
            if (saved != null) {
                finish(saved);
            }
        });
        refitOn(vm.expiringDaysErrorProperty(), vm.lookAheadDaysErrorProperty(), vm.concurrencyErrorProperty(),
                vm.nodeTypesErrorProperty());
    }

    /** Opens the dialog; Save stores the settings and applies the theme at once. */
    public static void open(Window owner, AppPreferences prefs, Themes themes) {
        new PreferencesDialog(owner, new PreferencesViewModel(prefs, saved -> themes.apply(saved.theme())))
                .showAndWait();
    }

    private static String languageName(UserSettings.Language language) {
        if (language.locale() == null) {
            return I18n.t("prefs.language.SYSTEM");
        }
        // each language in its own words, so it can be found by someone who does not read the current one
        String name = language.locale().getDisplayLanguage(language.locale());
        return name.substring(0, 1).toUpperCase(language.locale()) + name.substring(1);
    }

    private static String unitName(ChronoUnit unit) {
        return I18n.t("prefs.durationUnit." + unit.name().toLowerCase(Locale.ROOT));
    }

    private static int heading(GridPane grid, int row, String key) {
        Label heading = new Label(I18n.t(key));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        if (row > 0) {
            GridPane.setMargin(heading, new Insets(8, 0, 0, 0));
        }
        grid.add(heading, 0, row, 2, 1);
        return row + 1;
    }

    private static int row(GridPane grid, int row, String key, Node input, Node below) {
        Label caption = new Label(I18n.t(key));
        caption.setLabelFor(input);
        GridPane.setValignment(caption, VPos.TOP);
        GridPane.setMargin(caption, new Insets(5, 0, 0, 0));
        grid.add(caption, 0, row);
        grid.add(below == null ? input : new VBox(4, input, below), 1, row);
        return row + 1;
    }

    private static <T> ComboBox<T> choice(String id, List<T> items, ObjectProperty<T> value,
                                          Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static TextField field(String id, StringProperty value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label note(String key) {
        Label note = new Label(I18n.t(key));
        note.setWrapText(true);
        note.getStyleClass().add("inline-info");
        return note;
    }

    /** The field's problem beneath it, and the field drawn as wrong while there is one. */
    private static Label problem(TextField field, ObservableStringValue problem) {
        Label message = new Label();
        message.setId(field.getId() + "Error");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.textProperty().bind(problem);
        message.visibleProperty().bind(Bindings.isNotEmpty(problem));
        message.managedProperty().bind(message.visibleProperty());
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.get().isEmpty());
        problem.addListener((o, a, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        return message;
    }
}
