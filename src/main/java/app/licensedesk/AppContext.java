package app.licensedesk;

import app.licensedesk.model.LicenseTerms;
import app.licensedesk.service.Backend;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.service.activity.RecordingLicenseDeskService;
import app.licensedesk.service.bulk.BulkEngine;
import app.licensedesk.ui.activity.ActivityView;
import app.licensedesk.ui.activity.ActivityViewModel;
import app.licensedesk.ui.assign.AssignView;
import app.licensedesk.ui.assign.AssignViewModel;
import app.licensedesk.ui.bulk.BulkView;
import app.licensedesk.ui.bulk.BulkViewModel;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.UserSettings;
import app.licensedesk.ui.controllers.ControllersView;
import app.licensedesk.ui.controllers.ControllersViewModel;
import app.licensedesk.ui.customers.CustomersView;
import app.licensedesk.ui.customers.CustomersViewModel;
import app.licensedesk.ui.dialogs.FxDialogService;
import app.licensedesk.ui.expiring.ExpiringView;
import app.licensedesk.ui.expiring.ExpiringViewModel;
import app.licensedesk.ui.licenses.LicensesView;
import app.licensedesk.ui.licenses.LicensesViewModel;
import app.licensedesk.ui.login.ReauthPrompt;
import app.licensedesk.ui.palette.CommandPalette;
import app.licensedesk.ui.shared.LicenseTable;
import app.licensedesk.ui.shell.HelpMenu;
import app.licensedesk.ui.shell.Page;
import app.licensedesk.ui.shell.ShellView;
import app.licensedesk.ui.shell.ShellViewModel;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The composition root of one signed-in session: the only place that builds the shared state, the dialogs and
 * the views. A new context per sign-in, so nothing of one account shows in the next.
 */
final class AppContext {

    private final ShellView shell;

    AppContext(Backend backend, TaskRunner tasks, AppPreferences prefs, Clock clock, Supplier<Window> owner,
               Runnable onSignedOut) {
        ActivityLog activity = new ActivityLog(UserFolders.data());
        // every page, dialog and the assignment workspace get the recording service: each claim and activation is
        // in the activity log
        LicenseDeskService service = new RecordingLicenseDeskService(backend.service(), activity,
                backend.environment(), backend.session()::username, clock);
        UserSettings settings = UserSettings.load(prefs);
        LicenseTerms terms = settings.licenseTerms();
        LicenseTable.useDurationUnit(terms.durationUnit());
        LicenseRegistry registry = new LicenseRegistry(terms, clock);
        Directory directory = new Directory(service, tasks);
        DialogService dialogs = new FxDialogService(owner, service, tasks, registry, directory,
                backend.environment());
        tasks.setReauthenticator(new ReauthPrompt(backend, tasks, prefs, owner));
        Map<Page, Supplier<ShellPage>> pages = new EnumMap<>(Page.class);
        // the settings the backend was connected with: the engine keeps to the same concurrency bound and retries
        BulkEngine bulk = new BulkEngine(service, LicenseDeskApp.clientSettings(settings), ErrorMessages.forBulk());
        ShellViewModel shellModel = new ShellViewModel(backend, tasks, prefs, dialogs, () -> {
            tasks.setReauthenticator(null);
            bulk.close();
            onSignedOut.run();
        });
        // built now, shown when first wanted: "Assign…" on the Customers page opens it for a customer
        AssignViewModel assign = new AssignViewModel(service, tasks, registry, directory);
        pages.put(Page.CUSTOMERS, () -> new CustomersView(
                new CustomersViewModel(service, tasks, registry, directory, dialogs, customer -> {
                    assign.open(customer);
                    shellModel.pageProperty().set(Page.ASSIGN);
                }), tasks));
        pages.put(Page.CONTROLLERS, () -> new ControllersView(
                new ControllersViewModel(service, tasks, registry, directory, dialogs), tasks));
        pages.put(Page.LICENSES, () -> new LicensesView(
                new LicensesViewModel(service, tasks, registry, directory, dialogs), tasks));
        pages.put(Page.ASSIGN, () -> new AssignView(assign));
        pages.put(Page.EXPIRING, () -> new ExpiringView(new ExpiringViewModel(service, tasks, registry, directory,
                clock, settings.lookAheadDays()), tasks));
        pages.put(Page.ACTIVITY, () -> new ActivityView(new ActivityViewModel(activity, tasks), tasks));
        pages.put(Page.BULK, () -> new BulkView(new BulkViewModel(bulk, tasks, clock.getZone(), clock)));
        shell = new ShellView(shellModel, pages);
        CommandPalette.install(shell, shellModel, directory, registry, dialogs, owner);
        shell.addToHeader(new HelpMenu(tasks, backend.environment(), UserFolders.logs(),
                HelpMenu::openWithDesktop, owner).node());
    }

    ShellView shell() {
        return shell;
    }
}
