package app.licensedesk.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.AppStyles;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dialogs in the toolkit, headless: Esc closes a dialog wherever the focus is in it, problems show once a field
 * is left or on Enter, what the user typed stays as typed, and the sign-out question keeps the session by default.
 */
class DialogKeysTest {

    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static final Controller ALPHA = new Controller(11, "node-a1", "Alpha site", "smartgridControllerSite",
            List.of(ACME), null);

    private final FxRobot robot = new FxRobot();
    private final FakeLicenseDeskService service = new FakeLicenseDeskService();
    private final TaskRunner tasks = TaskRunner.inline();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:15:00Z"), ZoneOffset.UTC);
    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), clock);
    private Stage owner;

    @BeforeAll
    static void toolkit() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        FxToolkit.registerPrimaryStage();
        // the theme the app sets, so the dialogs' styles resolve as they do in the app
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Platform.setImplicitExit(false);
    }

    @BeforeEach
    void ownerWindow() throws Exception {
        owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
        });
    }

    @AfterEach
    void closeDialogs() {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner).toList().forEach(Window::hide));
    }

    private ActivateDialog activateDialog() throws Exception {
        return activateDialog("SG1-RES-7K3M");
    }

    private ActivateDialog activateDialog(String key) throws Exception {
        ActivateViewModel vm = new ActivateViewModel(service, tasks, registry, Environment.sandbox("http://x"),
                key, ZoneId.of("Europe/Brussels"), clock);
        vm.activateNowProperty().set(false); // the date and time fields take the focus only then
        return show(() -> new ActivateDialog(owner, vm));
    }

    private ClaimDialog claimDialog() throws Exception {
        return claimDialog("SG1-RES-7K3M");
    }

    private ClaimDialog claimDialog(String key) throws Exception {
        service.customers = List.of(ACME);
        service.controllers = List.of(ALPHA);
        ClaimViewModel vm = new ClaimViewModel(service, tasks, registry, new Directory(service, tasks),
                Environment.sandbox("http://x"), key, null);
        return show(() -> new ClaimDialog(owner, vm));
    }

    private <D extends BaseDialog<?>> D show(Callable<D> build) throws Exception {
        D dialog = WaitForAsyncUtils.asyncFx(() -> {
            D d = build.call();
            d.show();
            return d;
        }).get(10, TimeUnit.SECONDS);
        waitUntil(dialog::isShowing);
        return dialog;
    }

    @Test
    void escClosesTheActivationDialogFromEveryField() throws Exception {
        for (String field : List.of("#activateKeyField", "#activateDatePicker", "#activateTimeField",
                "#activateAtRadio")) {
            escCloses(activateDialog(), field);
        }
    }

    @Test
    void escClosesTheClaimDialogFromEveryField() throws Exception {
        for (String field : List.of("#claimKeyField", "#claimControllerSearch", "#claimControllerList")) {
            escCloses(claimDialog(), field);
        }
    }

    @Test
    void escWithTheCalendarOpenClosesOnlyTheCalendar() throws Exception {
        ActivateDialog dialog = activateDialog();
        DatePicker picker = robot.lookup("#activateDatePicker").queryAs(DatePicker.class);
        robot.interact(() -> {
            picker.requestFocus();
            picker.show();
        });
        waitUntil(picker::isShowing);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !picker.isShowing());
        assertThat(dialog.isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !dialog.isShowing());
    }

    @Test
    void noRedTextUntilAFieldIsLeftOrEnterIsPressed() throws Exception {
        claimDialog(null);
        TextField key = robot.lookup("#claimKeyField").queryAs(TextField.class);
        waitUntil(key::isFocused);
        assertThat(shown("#claimKeyError")).isFalse();
        assertThat(shown("#claimControllerError")).isFalse();
        assertThat(robot.lookup("#claimOkButton").queryButton().isDisabled()).isTrue();

        // Enter with nothing typed is an attempt: every field says what it needs, nothing is sent
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shown("#claimKeyError") && shown("#claimControllerError"));
        assertThat(text("#claimKeyError")).isEqualTo(I18n.t("input.key.empty"));
        assertThat(text("#claimControllerError")).isEqualTo(I18n.t("input.nodeId.empty"));
        assertThat(service.calls).noneMatch(c -> c.startsWith("claim"));
    }

    @Test
    void leavingTheKeyFieldEmptyShowsItsProblemOnly() throws Exception {
        activateDialog("");
        TextField key = robot.lookup("#activateKeyField").queryAs(TextField.class);
        waitUntil(key::isFocused);
        assertThat(shown("#activateKeyError")).isFalse();
        robot.type(KeyCode.TAB);
        waitUntil(() -> shown("#activateKeyError"));
        assertThat(text("#activateKeyError")).isEqualTo(I18n.t("input.key.empty"));
        assertThat(shown("#activateDateError")).isFalse();
        assertThat(shown("#activateTimeError")).isFalse();
    }

    @Test
    void aWrongDateStaysInTheFieldWhenTheFocusLeavesAndIsExplained() throws Exception {
        activateDialog();
        DatePicker picker = robot.lookup("#activateDatePicker").queryAs(DatePicker.class);
        typeDate(picker, "2026-02-30");
        robot.clickOn("#activateTimeField"); // the picker commits its text when the focus leaves
        waitUntil(() -> shown("#activateDateError"));
        assertThat(picker.getEditor().getText()).isEqualTo("2026-02-30");
        assertThat(text("#activateDateError")).isEqualTo("2026-02-30 does not exist: that month has 28 days.");

        typeDate(picker, "1/12/2026");
        robot.clickOn("#activateTimeField");
        waitUntil(() -> text("#activateDateError").startsWith("Use the format 2026-12-01"));
        assertThat(picker.getEditor().getText()).isEqualTo("1/12/2026");

        // a date picked in the calendar replaces the text
        robot.interact(() -> picker.setValue(LocalDate.of(2026, 12, 24)));
        assertThat(picker.getEditor().getText()).isEqualTo("2026-12-24");
        waitUntil(() -> !shown("#activateDateError"));
        // and a wrong text after it stays too
        typeDate(picker, "");
        robot.clickOn("#activateTimeField");
        waitUntil(() -> text("#activateDateError").startsWith("Enter a date"));
        assertThat(picker.getEditor().getText()).isEmpty();
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    void aPastedKeyIsShownCleanedWithALineThatSaysSo() throws Exception {
        claimDialog(null);
        TextField key = robot.lookup("#claimKeyField").queryAs(TextField.class);
        assertThat(shown("#claimKeyFieldNote")).isFalse();
        robot.interact(() -> key.replaceSelection(" SG1-RES-\n7K3M Q9XA "));
        assertThat(key.getText()).isEqualTo("SG1-RES-7K3MQ9XA");
        waitUntil(() -> shown("#claimKeyFieldNote"));
        assertThat(text("#claimKeyFieldNote")).isEqualTo(I18n.t("input.key.cleaned"));
    }

    /** Replaces the date field's text as typing would (the robot's keys go to the picker, not to its field). */
    private void typeDate(DatePicker picker, String text) {
        robot.interact(() -> {
            picker.requestFocus();
            picker.getEditor().selectAll();
            picker.getEditor().replaceSelection(text);
        });
    }

    private boolean shown(String query) {
        Node node = robot.lookup(query).query();
        return node.isVisible() && !text(query).isEmpty();
    }

    @Test
    void theSignOutQuestionHasItsTwoButtonsWithKeepAsTheDefaultAndEscKeeps() throws Exception {
        FxDialogService dialogs = new FxDialogService(() -> owner, service, tasks, registry,
                new Directory(service, tasks), Environment.sandbox("http://x"));
        for (boolean yes : new boolean[] {false, true}) {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            Platform.runLater(() -> answer.complete(dialogs.confirm("Sign out while work is running?",
                    "Signing out stops what is still running.", "Sign out", "Stay signed in")));
            waitUntil(() -> robot.lookup("#confirmNoButton").tryQuery().isPresent());
            DialogPane pane = robot.lookup("#confirmDialog").queryAs(DialogPane.class);
            assertThat(pane.getStylesheets()).containsExactly(AppStyles.stylesheet());
            assertThat(pane.getHeaderText()).isEqualTo("Sign out while work is running?");
            assertThat(pane.getContentText()).isEqualTo("Signing out stops what is still running.");
            assertThat(pane.getButtonTypes()).extracting(ButtonType::getText).containsExactly("Sign out",
                    "Stay signed in");
            Button keep = robot.lookup("#confirmNoButton").queryButton();
            Button signOut = robot.lookup("#confirmYesButton").queryButton();
            assertThat(keep.isDefaultButton()).isTrue();
            assertThat(signOut.isDefaultButton()).isFalse();
            waitUntil(keep::isFocused);
            if (yes) {
                robot.interact(signOut::fire);
            } else {
                robot.type(KeyCode.ESCAPE);
            }
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(yes);
        }
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void escCloses(BaseDialog<?> dialog, String query) {
        Node field = robot.lookup(query).query();
        robot.interact(field::requestFocus);
        waitUntil(field::isFocused);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).as("open after Esc in " + query).isFalse();
        assertThat(dialog.getResult()).as(query).isNull();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }
}
