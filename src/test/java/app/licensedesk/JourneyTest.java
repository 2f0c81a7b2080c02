package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.Totp;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.testing.TestClock;
import app.licensedesk.ui.export.TableExport;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * End-to-end journeys: the real windows, headless (Monocle), against the in-process local sandbox through the
 * real HTTP client. Every wait is on a condition, never a sleep.
 */
class JourneyTest extends Journey {

    private final TestClock sandboxClock = TestClock.followingRealTime();

    @BeforeEach
    void launch() throws Exception {
        startSandboxApp(SandboxOptions.defaults().withClock(sandboxClock));
    }

    // ---- the journeys

    @Test
    void signInAsAdminShowsTheSandboxBannerAndSignOutReturns() {
        signIn();
        assertThat(text("#environmentBanner")).startsWith("LOCAL SANDBOX");
        assertThat(text("#signedInUser")).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(stage.getTitle()).startsWith("License Desk");

        // with nothing running, one click signs out (while work runs it asks first)
        waitUntil(() -> text("#statusText").equals("Ready"));
        robot.clickOn("#signOutButton");
        waitUntil(() -> robot.lookup("#usernameField").tryQuery().isPresent());
        // the username is remembered, the password is not
        assertThat(robot.lookup("#usernameField").queryTextInputControl().getText())
                .isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(robot.lookup("#passwordField").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void focusGoesToThePagesSearchFieldSoSpaceNeverSignsOutAndEachTableExports() {
        signIn();
        // a fresh sign-in shows Customers; the caret waits in its search field, not on Sign out
        waitForFocus("customersSearchField");
        pressSpaceAndStaySignedIn();
        // the digits follow the pages' order; Assign starts at its customer picker, Expiring (no search field) at its
        // license table
        String[] fields = {"customersSearchField", "controllersSearchField", "licensesSearchField",
            "assignCustomerPicker", "expiringLicensesTable", "activitySearchField"};
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6};
        // the license table of each page (Assign has lists), which exports what it shows
        String[] tables = {"#customerLicensesTable", "#controllerLicensesTable", "#licensesTable", null,
            "#expiringLicensesTable", "#activityTable"};
        for (int i : new int[] {1, 2, 0, 5, 4, 3, 2}) {
            pressCtrl(digits[i]);
            waitForFocus(fields[i]);
            pressSpaceAndStaySignedIn();
            if (tables[i] != null) {
                // Ctrl/Cmd+E, or Export… in the table's context menu
                assertThat(robot.lookup(tables[i]).queryTableView().getContextMenu().getItems()).as(tables[i])
                        .anyMatch(item -> "exportMenuItem".equals(item.getId()));
            }
        }
    }

    @Test
    void aPageShownTheFirstTimeByItsShortcutTakesTheFocusToo() {
        // signed in on the page last used: Customers is then first built by Ctrl+1, its search inside a split pane
        prefs().put("shell.page", "LICENSES");
        signIn();
        waitForFocus("licensesSearchField");
        pressCtrl(KeyCode.DIGIT1);
        waitForFocus("customersSearchField");
        pressSpaceAndStaySignedIn();
    }

    @Test
    void wrongPasswordSaysSoAndKeepsTheInput() {
        fill("#usernameField", SandboxAccounts.ADMIN_USERNAME);
        fill("#passwordField", "wrong-password");
        robot.type(KeyCode.ENTER); // Enter signs in
        waitUntil(() -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).isEqualTo("Wrong username or password.");
        assertThat(robot.lookup("#usernameField").queryTextInputControl().getText())
                .isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(robot.lookup("#passwordField").queryTextInputControl().getText()).isEqualTo("wrong-password");
        assertThat(robot.lookup("#environmentBanner").tryQuery()).isEmpty();
    }

    @Test
    void twoFactorSignInWithAComputedTotp() {
        fill("#usernameField", SandboxAccounts.TWO_FACTOR_USERNAME);
        fill("#passwordField", SandboxAccounts.TWO_FACTOR_PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#codeField").query().isVisible());
        fill("#codeField", Totp.code(SandboxAccounts.TOTP_SECRET, Instant.now()));
        robot.type(KeyCode.ENTER); // Enter verifies on this step
        waitUntil(() -> robot.lookup("#environmentBanner").tryQuery().isPresent());
        assertThat(text("#signedInUser")).isEqualTo(SandboxAccounts.TWO_FACTOR_USERNAME);
    }

    @Test
    void findACustomerAndSeeItsLicenses() throws Exception {
        signIn();
        pressCtrl(KeyCode.DIGIT1);
        ListView<Customer> customers = robot.lookup("#customersList").queryListView();
        waitUntil(() -> customers.getItems().size() > 10);
        pressCtrl(KeyCode.F); // Ctrl+F: to the search
        waitUntil(() -> robot.lookup("#customersSearchField").query().isFocused());
        robot.write("bakker");
        waitUntil(() -> customers.getItems().size() == 2);
        assertThat(customers.getItems()).allSatisfy(c -> assertThat(c.name()).containsIgnoringCase("bakker"));
        Customer chosen = customers.getItems().get(0);
        robot.interact(() -> customers.getSelectionModel().select(0));

        TableView<LicenseRow> licenses = robot.lookup("#customerLicensesTable").queryTableView();
        waitUntil(() -> !licenses.getItems().isEmpty());
        assertThat(licenses.getItems()).allSatisfy(row -> assertThat(row.getCustomer()).isEqualTo(chosen));
        assertThat(licenses.getItems()).extracting(LicenseRow::getKey).allSatisfy(k -> assertThat(k).isNotBlank());

        // Ctrl+C on the table copies the selected key and says so
        String key = licenses.getItems().get(0).getKey();
        robot.interact(() -> {
            licenses.getSelectionModel().select(0);
            licenses.requestFocus();
        });
        pressCtrl(KeyCode.C);
        waitUntil(() -> noticeShown("Key " + key + " copied"));
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(key);
    }

    @Test
    void claimAnUnclaimedLicenseToAControllerAndSeeItThere() {
        signIn();
        LicenseRow unclaimed = firstRowOfFirstCustomer(row -> row.getLicense().datalinks().isEmpty()
                && row.getController().isEmpty());
        String key = unclaimed.getKey();

        pressCtrl(KeyCode.DIGIT2);
        TableView<Controller> controllers = robot.lookup("#controllersTable").queryTableView();
        waitUntil(() -> !controllers.getItems().isEmpty());
        Controller target = controllers.getItems().get(0);
        robot.interact(() -> controllers.getSelectionModel().select(0));
        TableView<LicenseRow> linked = robot.lookup("#controllerLicensesTable").queryTableView();
        waitUntil(() -> !text("#controllerHeader").isEmpty());
        assertThat(linked.getItems()).extracting(LicenseRow::getKey).doesNotContain(key);

        robot.clickOn("#controllerClaimButton");
        waitUntil(() -> robot.lookup("#claimKeyField").tryQuery().isPresent());
        // pasted with spaces and a line break: the field keeps only the key
        fill("#claimKeyField", "  " + key.substring(0, 4) + "\n" + key.substring(4) + " ");
        assertThat(robot.lookup("#claimKeyField").queryTextInputControl().getText()).isEqualTo(key);
        assertThat(text("#claimKeyFieldNote")).startsWith("Spaces and line breaks were removed");
        waitUntil(() -> text("#claimConfirmLabel").contains(target.nodeId()));
        assertThat(text("#claimConfirmLabel")).contains(key).contains("Local sandbox");
        robot.clickOn("#claimOkButton");
        waitUntil(() -> robot.lookup("#claimKeyField").tryQuery().isEmpty());
        // the notice says what changed, over the main window
        waitUntil(() -> noticeShown(key + " claimed to controller ") && noticeShown(target.nodeId()));

        waitUntil(() -> linked.getItems().stream().anyMatch(r -> r.getKey().equals(key)));
        LicenseRow row = linked.getItems().stream().filter(r -> r.getKey().equals(key)).findFirst().orElseThrow();
        assertThat(row).isSameAs(unclaimed); // one row object: the customer view shows the change too
        assertThat(row.getController()).isEqualTo(target.nodeId());

        // the claim made in the dialog is in the activity log: who, which key, to which controller, done
        pressCtrl(KeyCode.DIGIT6);
        TableView<?> activity = robot.lookup("#activityTable").queryTableView();
        waitUntil(() -> activity.getItems().size() == 1);
        List<String> header = onFx(() -> TableExport.header(activity));
        List<String> line = onFx(() -> TableExport.rows(activity, TableExport::cellText).get(0));
        assertThat(line.get(header.indexOf("Key"))).isEqualTo(key);
        assertThat(line.get(header.indexOf("Controller"))).isEqualTo(target.nodeId());
        assertThat(line.get(header.indexOf("User"))).isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        assertThat(line.get(header.indexOf("Outcome"))).isEqualTo("Done");
        assertThat(dataFolder.resolve(ActivityLog.FILE_NAME)).content().contains(key);
    }

    @Test
    void activateALicenseAtAChosenDate() {
        signIn();
        LicenseRow row = firstRowOfFirstCustomer(r -> r.getStatus() == LicenseStatus.NOT_ACTIVATED);
        TableView<LicenseRow> table = robot.lookup("#customerLicensesTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(row));
        robot.clickOn("#customerActivateButton");
        waitUntil(() -> robot.lookup("#activateKeyField").tryQuery().isPresent());
        assertThat(robot.lookup("#activateKeyField").queryTextInputControl().getText()).isEqualTo(row.getKey());

        LocalDate date = LocalDate.now().minusDays(10);
        Instant expected = date.atTime(LocalTime.of(9, 30)).atZone(ZoneId.systemDefault()).toInstant();
        robot.clickOn("#activateAtRadio");
        // picked in the calendar: the field shows it year-month-day
        robot.interact(() -> robot.lookup("#activateDatePicker").queryAs(DatePicker.class).setValue(date));
        assertThat(robot.lookup("#activateDatePicker").queryAs(DatePicker.class).getEditor().getText())
                .isEqualTo(date.toString());
        fill("#activateTimeField", "09:30");
        String sentAs = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(expected) + " UTC";
        waitUntil(() -> text("#activateUtcLabel").startsWith(sentAs));
        assertThat(text("#activateUtcLabel")).doesNotContain("activationIso");
        assertThat(text("#activateConfirmLabel")).contains(row.getKey()).contains("Local sandbox");
        robot.clickOn("#activateOkButton");
        waitUntil(() -> robot.lookup("#activateKeyField").tryQuery().isEmpty());
        waitUntil(() -> noticeShown(row.getKey() + " activated at "));

        waitUntil(() -> row.getLicense().activationDate() != null);
        assertThat(row.getLicense().activationDate()).isEqualTo(expected);
        assertThat(row.getStatus()).isIn(LicenseStatus.ACTIVE, LicenseStatus.EXPIRING, LicenseStatus.EXPIRED);
        assertThat(row.getStatus()).isNotEqualTo(LicenseStatus.NOT_ACTIVATED);
        // the Activate button knows it is activated now
        assertThat(robot.lookup("#customerActivateButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void salesUserIsDeniedActivationWithTheRightMessage() {
        signIn(SandboxAccounts.SALES_USERNAME, SandboxAccounts.SALES_PASSWORD);
        LicenseRow row = firstRowOfFirstCustomer(r -> r.getStatus() == LicenseStatus.NOT_ACTIVATED);
        TableView<LicenseRow> table = robot.lookup("#customerLicensesTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(row));
        robot.clickOn("#customerActivateButton");
        waitUntil(() -> robot.lookup("#activateOkButton").tryQuery().isPresent());
        robot.clickOn("#activateOkButton");
        waitUntil(() -> !text("#activateErrorLabel").isEmpty());
        assertThat(text("#activateErrorLabel")).isEqualTo("You do not have the right to activate this license.");
        // the dialog stays open with the input intact
        assertThat(robot.lookup("#activateKeyField").queryTextInputControl().getText()).isEqualTo(row.getKey());
        robot.clickOn("#dialogCancelButton");
        waitUntil(() -> robot.lookup("#activateKeyField").tryQuery().isEmpty());
        assertThat(row.getStatus()).isEqualTo(LicenseStatus.NOT_ACTIVATED);
    }

    @Test
    void anEndedSessionAsksForThePasswordInPlaceAndContinues() {
        signIn();
        pressCtrl(KeyCode.DIGIT1);
        ListView<Customer> customers = robot.lookup("#customersList").queryListView();
        waitUntil(() -> customers.getItems().size() > 1);
        robot.clickOn("#customersSearchField").write("bakker");
        waitUntil(() -> customers.getItems().size() == 2);

        // fifteen days later the refresh token (14 days) has ended: no renewal is possible
        sandboxClock.advance(Duration.ofDays(15));
        robot.interact(() -> customers.getSelectionModel().select(1));
        waitUntil(() -> robot.lookup("#reauthDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#reauthDialog #usernameField").queryTextInputControl().getText())
                .isEqualTo(SandboxAccounts.ADMIN_USERNAME);
        fill("#reauthDialog #passwordField", SandboxAccounts.ADMIN_PASSWORD);
        robot.clickOn("#reauthDialog #signInButton");
        waitUntil(() -> robot.lookup("#reauthDialog").tryQuery().isEmpty());

        // what the user was doing goes on: the customer's licenses load, the search is as typed
        TableView<LicenseRow> licenses = robot.lookup("#customerLicensesTable").queryTableView();
        waitUntil(() -> !licenses.getItems().isEmpty());
        assertThat(licenses.getItems().get(0).getCustomer()).isEqualTo(customers.getItems().get(1));
        assertThat(robot.lookup("#customersSearchField").queryTextInputControl().getText()).isEqualTo("bakker");
    }

    // ---- helpers

    /** Opens Customers, selects the first customer and returns its first license row that matches. */
    private LicenseRow firstRowOfFirstCustomer(java.util.function.Predicate<LicenseRow> wanted) {
        pressCtrl(KeyCode.DIGIT1);
        ListView<Customer> customers = robot.lookup("#customersList").queryListView();
        waitUntil(() -> !customers.getItems().isEmpty());
        robot.interact(() -> customers.getSelectionModel().select(0));
        TableView<LicenseRow> table = robot.lookup("#customerLicensesTable").queryTableView();
        waitUntil(() -> table.getItems().stream().anyMatch(wanted));
        return table.getItems().stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Whether a notice (a ControlsFX notification, in a window of its own) shows a text containing this. */
    private boolean noticeShown(String part) {
        return robot.lookup(".license-desk-notice").queryAll().stream()
                .flatMap(n -> robot.from(n).lookup(".label").queryAll().stream())
                .anyMatch(n -> n instanceof Label l && l.getText() != null && l.getText().contains(part));
    }

    private void waitForFocus(String id) {
        try {
            waitUntil(() -> id.equals(focusOwnerId()));
        } catch (AssertionError e) {
            throw new AssertionError("the focus is on " + onFx(this::focusOwnerId) + ", not on " + id, e);
        }
    }

    private void pressSpaceAndStaySignedIn() {
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signOutButton").queryButton().isDisabled()).as("signing out").isFalse();
        assertThat(robot.lookup("#environmentBanner").tryQuery()).isPresent();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
