package app.licensedesk.ui.login;

import app.licensedesk.service.Backend;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * When the session can no longer be renewed, asks for the password in place (and a 2FA code if the account
 * has one) and then runs again every task that failed because of it; cancelling lets them fail as usual.
 */
public final class ReauthPrompt implements TaskRunner.Reauthenticator {

    private final Backend backend;
    private final TaskRunner tasks;
    private final AppPreferences prefs;
    private final Supplier<Window> owner;
    private final List<Runnable> retries = new ArrayList<>();
    private final List<Runnable> giveUps = new ArrayList<>();
    private boolean open;

    public ReauthPrompt(Backend backend, TaskRunner tasks, AppPreferences prefs, Supplier<Window> owner) {
        this.backend = backend;
        this.tasks = tasks;
        this.prefs = prefs;
        this.owner = owner;
    }

    @Override
    public void reauthenticate(Runnable retry, Runnable giveUp) {
        retries.add(retry);
        giveUps.add(giveUp);
        if (open) {
            return; // one prompt serves every task that failed meanwhile
        }
        open = true;
        BaseDialog<Boolean> dialog = new BaseDialog<>(owner.get(), I18n.t("login.reauth.title"));
        LoginViewModel vm = new LoginViewModel((kind, auth, api) -> backend, tasks, prefs,
                backend.environment().kind(), backend.environment().authUrl(), backend.environment().apiUrl(),
                signedIn -> dialog.finish(Boolean.TRUE));
        vm.usernameProperty().set(backend.session().username());
        dialog.getDialogPane().setContent(new LoginView(vm, "", true).root());
        dialog.getDialogPane().getButtonTypes().add(BaseDialog.cancel());
        dialog.getDialogPane().setId("reauthDialog");
        // the 2FA step and error lines make the content taller: the window follows
        dialog.refitOn(vm.stepProperty(), vm.errorProperty(), vm.infoProperty());
        dialog.setOnHidden(e -> {
            open = false;
            List<Runnable> toRun = List.copyOf(Boolean.TRUE.equals(dialog.getResult()) ? retries : giveUps);
            retries.clear();
            giveUps.clear();
            toRun.forEach(Runnable::run);
        });
        dialog.show();
    }
}
