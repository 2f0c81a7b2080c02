package app.licensedesk.showcase;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.service.activity.RecordingLicenseDeskService;
import app.licensedesk.ui.activity.ActivityView;
import app.licensedesk.ui.activity.ActivityViewModel;
import app.licensedesk.ui.common.Directory;
import app.licensedesk.ui.common.LicenseRegistry;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.expiring.ExpiringView;
import app.licensedesk.ui.expiring.ExpiringViewModel;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Throwaway: shows one page on sandbox data, for a look under Xvfb. Not a test. */
public final class PageShowcase {

    public static void main(String[] args) throws Exception {
        String page = args[0];
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults());
        Backend admin = Backends.connect(Environment.sandbox(sandbox.baseUrl()), ClientSettings.defaults());
        admin.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        ActivityLog log = new ActivityLog(Path.of(args[1]));
        RecordingLicenseDeskService service = new RecordingLicenseDeskService(admin.service(), log,
                admin.environment(), admin.session()::username, Clock.systemDefaultZone());
        if (page.equals("activity")) {
            makeHistory(service, sandbox, log);
        }
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            TaskRunner tasks = new TaskRunner(Executors.newCachedThreadPool(), Platform::runLater);
            LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.systemDefaultZone());
            Directory directory = new Directory(service, tasks);
            ExpiringViewModel expiring = new ExpiringViewModel(service, tasks, registry, directory,
                    Clock.systemDefaultZone(), ExpiringViewModel.DEFAULT_DAYS);
            ShellPage shown = page.equals("activity")
                    ? new ActivityView(new ActivityViewModel(log, tasks), tasks)
                    : new ExpiringView(expiring, tasks);
            if (args.length > 2) {
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(8));
                later.setOnFinished(e -> {
                    expiring.toggleMonth(java.time.YearMonth.now().plusMonths(2));
                    expiring.toggleType("commercial");
                });
                later.play();
            }
            Stage stage = new Stage();
            Scene scene = new Scene(shown.root(), 1360, 860);
            scene.getStylesheets().add(PageShowcase.class.getResource("/app/licensedesk/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.setTitle("showcase " + page);
            stage.show();
            shown.shown();
        });
    }

    private static void makeHistory(RecordingLicenseDeskService service, SandboxServer sandbox, ActivityLog log)
            throws Exception {
        List<Customer> customers = service.customers();
        List<Controller> controllers = service.controllers(customers.subList(0, 3));
        int claimed = 0;
        for (License license : service.licensesOfCustomer(customers.get(0))) {
            if (claimed < 3 && license.datalinks().isEmpty()) {
                service.claim(license.key(), controllers.get(claimed).nodeId());
                claimed++;
            }
            if (license.activationDate() == null && claimed == 3) {
                service.activate(license.key(), null);
                try {
                    service.activate(license.key(), null);
                } catch (RuntimeException again) {
                    // already activated: a refusal in the log
                }
                break;
            }
        }
        SandboxServer dropping = SandboxServer.start(SandboxOptions.defaults().withApplyThenDropRate(1.0));
        Backend sales = Backends.connect(Environment.sandbox(dropping.baseUrl()), ClientSettings.defaults());
        sales.session().signIn(SandboxAccounts.SALES_USERNAME, SandboxAccounts.SALES_PASSWORD.toCharArray());
        RecordingLicenseDeskService lossy = new RecordingLicenseDeskService(sales.service(), log, sales.environment(),
                sales.session()::username, Clock.systemDefaultZone());
        Customer first = lossy.customers().get(0);
        License one = lossy.licensesOfCustomer(first).get(0);
        try {
            lossy.claim(one.key(), lossy.controllers(List.of(first)).get(0).nodeId());
        } catch (RuntimeException lost) {
            // the answer was dropped: outcome unknown
        }
        try {
            lossy.activate(one.key(), null);
        } catch (RuntimeException denied) {
            // the sales user may not activate
        }
    }
}
