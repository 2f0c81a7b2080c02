package app.licensedesk.ui.login;

import app.licensedesk.service.Backend;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
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
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(I18n.t("app.name") + " \u2013 " + I18n.t("login.reauth.title"));
        LoginViewModel vm = new LoginViewModel((kind, auth, api) -> backend, tasks, prefs,
                backend.environment().kind(), backend.environment().authUrl(), backend.environment().apiUrl(),
                signedIn -> {
                    dialog.setResult(ButtonType.OK);
                    dialog.close();
                });
        vm.usernameProperty().set(backend.session().username());
        dialog.getDialogPane().setContent(new LoginView(vm, "", true).root());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(
                ReauthPrompt.class.getResource("/app/licensedesk/ui/app.css").toExternalForm());
        dialog.getDialogPane().setId("reauthDialog");
        dialog.setOnHidden(e -> {
            open = false;
            List<Runnable> toRun = List.copyOf(dialog.getResult() == ButtonType.OK ? retries : giveUps);
            retries.clear();
            giveUps.clear();
            toRun.forEach(Runnable::run);
        });
        dialog.show();
    }
}
