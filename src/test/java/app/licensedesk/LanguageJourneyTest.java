package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRow;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The language saved in the preferences ({@code ui.language}) is the one the real app starts in: its texts, its
 * dates and numbers, and the buttons of its dialogs.
 */
class LanguageJourneyTest extends Journey {

    private Locale defaultBefore;

    @BeforeEach
    void launchInGerman() throws Exception {
        defaultBefore = Locale.getDefault();
        prefs().put(I18n.PREF_LANGUAGE, "de");
        startSandboxApp();
    }

    @AfterEach
    void englishAgain() throws Exception {
        closeApp(); // the language is the app's until it stops
        Locale.setDefault(defaultBefore);
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theAppStartsInTheSavedLanguage() {
        assertThat(robot.lookup("#signInButton").queryButton().getText()).isEqualTo("Anmelden");
        assertThat(robot.lookup("#envSandbox").queryLabeled().getText()).isEqualTo("Lokale Sandbox");
        assertThat(stage.getTitle()).isEqualTo("License Desk \u2013 Anmelden");

        signIn();
        assertThat(robot.lookup("#environmentBanner").queryLabeled().getText()).startsWith("LOKALE SANDBOX");
        assertThat(robot.lookup("#navCUSTOMERS").queryLabeled().getText()).isEqualTo("Kunden");
        assertThat(robot.lookup("#signOutButton").queryButton().getText()).isEqualTo("Abmelden");

        // dates and numbers in German: 01.12.2026, 14:00 and 1.234
        pressCtrl(KeyCode.DIGIT3);
        TableView<LicenseRow> table = robot.lookup("#licensesTable").queryTableView();
        waitUntil(() -> table.getItems().size() > 20);
        waitUntil(() -> cellTexts().anyMatch(t -> t.matches("\\d\\.\\d{3}")));
        // the date columns are beyond the window's width: a row holds the cells of the columns in view
        robot.interact(() -> table.scrollToColumn(table.getColumns().stream()
                .filter(c -> "col-creationDate".equals(c.getId())).findFirst().orElseThrow()));
        waitUntil(() -> cellTexts().anyMatch(t -> t.matches("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}")));
        assertThat(robot.lookup("#licensesCountLabel").queryLabeled().getText()).matches("\\d+ von \\d+ Lizenzen");

        // a dialog's Cancel comes from our bundle, not from JavaFX
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#dialogCancelButton").tryQuery().isPresent());
        assertThat(robot.lookup("#dialogCancelButton").queryAs(Button.class).getText()).isEqualTo("Abbrechen");
        robot.clickOn("#dialogCancelButton");
        waitUntil(() -> robot.lookup("#dialogCancelButton").tryQuery().isEmpty());
    }

    private java.util.stream.Stream<String> cellTexts() {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream().map(Labeled::getText)
                .filter(text -> text != null);
    }
}
