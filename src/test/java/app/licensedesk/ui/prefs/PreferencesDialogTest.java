package app.licensedesk.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.common.Themes;
import app.licensedesk.ui.common.UserSettings;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Preferences dialog in the toolkit: problems at the fields, Save disabled meanwhile, the theme live. */
class PreferencesDialogTest {

    private final FxRobot robot = new FxRobot();
    private final Preferences node = Preferences.userRoot().node("license-desk-test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);
    private final AtomicReference<UserSettings.Theme> osTheme = new AtomicReference<>(UserSettings.Theme.LIGHT);
    private final Themes themes = new Themes(TaskRunner.inline(), osTheme::get);
    private Stage owner;
    private StackPane content;

    @BeforeAll
    static void toolkit() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterAll
    static void lightAgain() throws Exception {
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void ownerWindow() throws Exception {
        owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> themes.apply(UserSettings.Theme.LIGHT));
        FxToolkit.setupStage(stage -> {
            content = new StackPane(new Label("behind"));
            content.setStyle("-fx-background-color: -color-bg-default;");
            stage.setScene(new Scene(content, 400, 300));
            stage.getIcons().setAll(new javafx.scene.image.Image(PreferencesDialogTest.class
                    .getResource("/app/licensedesk/icons/license-desk-64.png").toExternalForm()));
            stage.show();
        });
    }

    @AfterEach
    void closeDialogs() throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner).toList().forEach(Window::hide));
        node.removeNode();
    }

    private void open() {
        robot.interact(() -> new PreferencesDialog(owner, new PreferencesViewModel(prefs,
                saved -> themes.apply(saved.theme()))).show());
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
    }

    @Test
    void theDialogHasTheAppIcon() {
        open();
        Stage dialog = (Stage) robot.lookup("#preferencesDialog").query().getScene().getWindow();
        assertThat(dialog.getIcons()).isNotEmpty();
        assertThat(dialog.getTitle()).isEqualTo("License Desk \u2013 Preferences");
    }

    @Test
    void aWrongNumberIsShownAtItsFieldAndSaveWaits() {
        open();
        TextField concurrency = robot.lookup("#prefsConcurrency").queryAs(TextField.class);
        robot.interact(() -> concurrency.setText("40"));
        Label problem = robot.lookup("#prefsConcurrencyError").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("From 1 to 32.");
        assertThat(robot.lookup("#prefsSaveButton").queryButton().isDisabled()).isTrue();
        assertThat(concurrency.getText()).isEqualTo("40"); // what was typed stays

        robot.interact(() -> concurrency.setText("16"));
        assertThat(problem.isVisible()).isFalse();
        robot.clickOn("#prefsSaveButton");
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        assertThat(UserSettings.load(prefs).concurrency()).isEqualTo(16);
    }

    @Test
    void theLookAheadIsReachedAndTypedByKeyboardAndAWrongOneIsRefusedAtItsField() {
        open();
        TextField lookAhead = robot.lookup("#prefsLookAheadDays").queryAs(TextField.class);
        assertThat(lookAhead.getText()).isEqualTo("60");
        // its caption names it (screen readers, and the caption's click), and Tab reaches it from the field above
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getLabelFor() == lookAhead).map(Label::getText))
                .containsExactly("Expiring page looks ahead (days)");
        robot.interact(() -> robot.lookup("#prefsExpiringDays").query().requestFocus());
        robot.type(KeyCode.TAB);
        waitUntil(lookAhead::isFocused);
        robot.targetWindow(lookAhead.getScene().getWindow()); // what the robot writes goes to the dialog

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("400");
        Label problem = robot.lookup("#prefsLookAheadDaysError").queryAs(Label.class);
        waitUntil(problem::isVisible);
        assertThat(problem.getText()).isEqualTo("From 1 to 365.");
        assertThat(lookAhead.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(robot.lookup("#prefsSaveButton").queryButton().isDisabled()).isTrue();
        robot.type(KeyCode.ENTER); // refused: nothing is saved and the dialog stays
        assertThat(robot.lookup("#preferencesDialog").tryQuery()).isPresent();
        assertThat(node.get("prefs.lookAheadDays", null)).isNull();

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("90");
        waitUntil(() -> !problem.isVisible());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        assertThat(UserSettings.load(prefs).lookAheadDays()).isEqualTo(90);
    }

    @Test
    void choosingDarkChangesTheLookOfTheOpenWindowsAtOnce() {
        Background before = content.getBackground();
        open();
        @SuppressWarnings("unchecked")
        ComboBox<UserSettings.Theme> theme = robot.lookup("#prefsTheme").queryAs(ComboBox.class);
        robot.interact(() -> theme.setValue(UserSettings.Theme.DARK));
        robot.clickOn("#prefsSaveButton");
        waitUntil(() -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(themes.appliedProperty().get()).isEqualTo(UserSettings.Theme.DARK);
        // the window behind was restyled without being rebuilt: the theme's background colour is another one now
        waitUntil(() -> !content.getBackground().equals(before));
        assertThat(UserSettings.load(prefs).theme()).isEqualTo(UserSettings.Theme.DARK);

        // following the operating system: its answer is applied, and a later answer never overrides a choice
        osTheme.set(UserSettings.Theme.LIGHT);
        robot.interact(() -> themes.apply(UserSettings.Theme.SYSTEM));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        osTheme.set(UserSettings.Theme.DARK);
        robot.interact(() -> themes.apply(UserSettings.Theme.SYSTEM));
        assertThat(themes.appliedProperty().get()).isEqualTo(UserSettings.Theme.DARK);
    }

    @Test
    void defaultsRefillTheFieldsAndKeepTheDialogOpen() {
        open();
        robot.interact(() -> robot.lookup("#prefsNodeTypes").queryAs(TextField.class).setText(""));
        assertThat(robot.lookup("#prefsNodeTypesError").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#prefsDefaultsButton");
        assertThat(robot.lookup("#preferencesDialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#prefsNodeTypes").queryAs(TextField.class).getText())
                .isEqualTo("smartgridControllerSite");
        assertThat(robot.lookup("#prefsSaveButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met", e);
        }
    }
}
