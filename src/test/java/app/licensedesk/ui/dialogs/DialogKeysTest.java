package app.licensedesk.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.Directory;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
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

/** The dialogs' keyboard, headless: Esc closes a dialog wherever the focus is in it. */
class DialogKeysTest {

    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static final Controller ALPHA = new Controller(11, "node-a1", "Alpha site", "smartgridControllerSite",
            ACME, null);

    private final FxRobot robot = new FxRobot();
    private final FakeDialogService service = new FakeDialogService();
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
        ActivateViewModel vm = new ActivateViewModel(service, tasks, registry, Environment.sandbox("http://x"),
                "SG1-RES-7K3M", ZoneId.of("Europe/Brussels"), clock);
        vm.activateNowProperty().set(false); // the date and time fields take the focus only then
        return show(() -> new ActivateDialog(owner, vm));
    }

    private ClaimDialog claimDialog() throws Exception {
        service.customers = List.of(ACME);
        service.controllers = List.of(ALPHA);
        ClaimViewModel vm = new ClaimViewModel(service, tasks, registry, new Directory(service, tasks),
                Environment.sandbox("http://x"), "SG1-RES-7K3M", null);
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
