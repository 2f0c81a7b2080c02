package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.shared.LicenseRow;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keyboard-first journeys against the in-process sandbox, headless: the command palette (Ctrl+K) finds a customer
 * and a license key and Enter shows it selected in its page; F1 lists every shortcut the window really has.
 */
class KeyboardJourneyTest extends Journey {

    @BeforeEach
    void launchAndSignIn() throws Exception {
        startSandboxApp();
        signIn();
        waitUntil(() -> "customersSearchField".equals(focusOwnerId()));
    }

    @Test
    void ctrlKFindsACustomerAndEnterShowsItSelectedOnTheCustomersPage() {
        pressCtrl(KeyCode.DIGIT2); // start on another page
        waitUntil(() -> navSelected("CONTROLLERS"));

        // Esc closes the palette
        openPalette();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#commandPalette").tryQuery().isEmpty());
        robot.targetWindow(stage);

        openPalette();
        robot.write("bakk");
        waitUntil(() -> selectedPaletteTitle().toLowerCase(Locale.ROOT).startsWith("bakk"));
        String chosen = selectedPaletteTitle();
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#commandPalette").tryQuery().isEmpty());
        robot.targetWindow(stage);
        waitUntil(() -> navSelected("CUSTOMERS"));
        ListView<Customer> customers = robot.lookup("#customersList").queryListView();
        waitUntil(() -> customers.getSelectionModel().getSelectedItem() != null
                && customers.getSelectionModel().getSelectedItem().name().equals(chosen));
        // and its licenses load, as after a click
        TableView<LicenseRow> licenses = robot.lookup("#customerLicensesTable").queryTableView();
        waitUntil(() -> !licenses.getItems().isEmpty());
        assertThat(licenses.getItems()).allSatisfy(row -> assertThat(row.getCustomer().name()).isEqualTo(chosen));
    }

    @Test
    void ctrlKFindsALicenseKeyAndEnterShowsTheRowSelectedOnTheLicensesPage() {
        // a key the app has seen: a license of the first customer
        ListView<Customer> customers = robot.lookup("#customersList").queryListView();
        waitUntil(() -> !customers.getItems().isEmpty());
        robot.interact(() -> customers.getSelectionModel().select(0));
        TableView<LicenseRow> customerLicenses = robot.lookup("#customerLicensesTable").queryTableView();
        waitUntil(() -> customerLicenses.getItems().size() > 1);
        LicenseRow row = customerLicenses.getItems().get(1);

        openPalette();
        robot.write(row.getKey());
        waitUntil(() -> selectedPaletteTitle().equals(row.getKey()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#commandPalette").tryQuery().isEmpty());
        robot.targetWindow(stage);

        waitUntil(() -> navSelected("LICENSES"));
        TableView<LicenseRow> table = robot.lookup("#licensesTable").queryTableView();
        // the Licenses page was never shown: its load runs, and the row is selected when it arrives
        waitUntil(() -> table.getSelectionModel().getSelectedItem() == row);
        assertThat(robot.lookup("#licensesSearchField").queryTextInputControl().getText()).isEqualTo(row.getKey());
        assertThat(table.getItems()).containsExactly(row);
        waitUntil(table::isFocused);
    }

    @Test
    void f1ListsEveryShortcutOfTheWindowAndEscOrEnterClosesIt() {
        List<KeyCombination> accelerators = List.copyOf(stage.getScene().getAccelerators().keySet());
        assertThat(accelerators).contains(Shortcut.PALETTE.key(), Shortcut.SHORTCUT_SHEET.key());
        // the sheet cannot drift: every key the window answers is a row of the one table
        List<KeyCombination> table = Arrays.stream(Shortcut.values()).flatMap(s -> s.keys().stream()).toList();
        assertThat(table).containsAll(accelerators);

        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcutSheet").tryQuery().isPresent());
        List<String> texts = robot.lookup("#shortcutSheet .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        for (KeyCombination key : accelerators) {
            assertThat(texts).as("the sheet shows " + key).contains(Shortcut.text(key));
        }
        assertThat(texts).contains("Navigation", "Search", "Licenses", "Dialogs", "Go to Customers",
                "Go to Controllers", "Go to Licenses");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#shortcutSheet").tryQuery().isEmpty());

        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcutSheet").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#shortcutSheet").tryQuery().isEmpty());
    }

    // ---- helpers

    /** Ctrl+K; what the robot writes next goes to the palette's window. */
    private void openPalette() {
        pressCtrl(KeyCode.K);
        waitUntil(() -> robot.lookup("#paletteField").tryQuery().map(Node::isFocused).orElse(false));
        robot.targetWindow(robot.lookup("#paletteField").query().getScene().getWindow());
    }

    private boolean navSelected(String page) {
        return robot.lookup("#nav" + page).queryAs(ToggleButton.class).isSelected();
    }

    /** The title of the palette's selected line, or "". */
    private String selectedPaletteTitle() {
        return robot.lookup("#paletteList .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> cell && cell.isSelected())
                .flatMap(n -> robot.from(n).lookup(".palette-title").queryAll().stream())
                .map(n -> ((Label) n).getText()).findFirst().orElse("");
    }
}
