package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.activity.DataFolders;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.shared.LicenseRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keyboard-first journeys against the in-process sandbox, headless: the command palette (Ctrl+K) finds a customer
 * and a license key and Enter shows it selected in its page; F1 lists every shortcut the window really has.
 */
class KeyboardJourneyTest {

    private static final long TIMEOUT_S = 30;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;
    private String prefsNode;
    /** The activity log of each journey, never the real user's. */
    @TempDir
    Path dataFolder;
    private Path dataDir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void launch() throws Exception {
        prefsNode = "license-desk-test/" + UUID.randomUUID();
        System.setProperty("licensedesk.prefs", prefsNode);
        System.setProperty(DataFolders.OVERRIDE_PROPERTY, dataFolder.toString());
        dataDir = Files.createTempDirectory("license-desk-keyboard");
        System.setProperty("licensedesk.data", dataDir.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new LicenseDeskApp(AppOptions.parse("--sandbox"),
            SandboxOptions.defaults()));
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
        signIn();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        FxToolkit.cleanupApplication(app);
        Preferences.userRoot().node(prefsNode).removeNode();
        System.clearProperty("licensedesk.prefs");
        System.clearProperty(DataFolders.OVERRIDE_PROPERTY);
        System.clearProperty("licensedesk.data");
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    @Test
    void ctrlKFindsACustomerAndEnterShowsItSelectedOnTheCustomersPage() {
        press(KeyCode.DIGIT2); // start on another page
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

    private void signIn() {
        fill("#usernameField", SandboxAccounts.ADMIN_USERNAME);
        fill("#passwordField", SandboxAccounts.ADMIN_PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
        waitUntil(() -> "customersSearchField".equals(focusOwnerId()));
    }

    /** Ctrl+K; what the robot writes next goes to the palette's window. */
    private void openPalette() {
        press(KeyCode.K);
        waitUntil(() -> robot.lookup("#paletteField").tryQuery().map(Node::isFocused).orElse(false));
        robot.targetWindow(robot.lookup("#paletteField").query().getScene().getWindow());
    }

    private void press(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
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

    private String focusOwnerId() {
        Node owner = stage.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    private void fill(String query, String value) {
        TextInputControl field = robot.lookup(query).queryTextInputControl();
        robot.interact(() -> {
            field.requestFocus();
            field.clear();
            field.replaceSelection(value);
        });
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_S + " s", e);
        }
    }
}
