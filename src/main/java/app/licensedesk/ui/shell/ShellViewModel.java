package app.licensedesk.ui.shell;

import app.licensedesk.model.Environment;
import app.licensedesk.service.Backend;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window around the views: which view is shown (remembered), who is signed in where, what is
 * loading, and sign-out.
 */
public final class ShellViewModel {

    static final String PREF_PAGE = "shell.page";

    private final Backend backend;
    private final TaskRunner tasks;
    private final AppPreferences prefs;
    private final DialogService dialogs;
    private final Runnable onSignedOut;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page");
    private final ReadOnlyBooleanWrapper signingOut = new ReadOnlyBooleanWrapper(this, "signingOut");

    /**
     * @param dialogs     asks before signing out while work is running
     * @param onSignedOut called on the FX thread once the session is signed out and the backend closed
     */
    public ShellViewModel(Backend backend, TaskRunner tasks, AppPreferences prefs, DialogService dialogs,
                          Runnable onSignedOut) {
        this.backend = backend;
        this.tasks = tasks;
        this.prefs = prefs;
        this.dialogs = dialogs;
        this.onSignedOut = onSignedOut;
        Page remembered;
        try {
            remembered = Page.valueOf(prefs.get(PREF_PAGE, Page.CUSTOMERS.name()));
        } catch (IllegalArgumentException e) {
            remembered = Page.CUSTOMERS;
        }
        page.set(remembered);
        page.addListener((o, a, p) -> prefs.put(PREF_PAGE, p.name()));
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public Environment environment() {
        return backend.environment();
    }

    /** The text of the environment banner, e.g. "LOCAL SANDBOX · demo data · http://127.0.0.1:40123". */
    public String bannerText() {
        Environment env = backend.environment();
        return switch (env.kind()) {
            case PRODUCTION -> I18n.t("shell.banner.PRODUCTION", env.apiUrl());
            case SANDBOX -> I18n.t("shell.banner.SANDBOX", env.apiUrl());
            case CUSTOM -> I18n.t("shell.banner.CUSTOM", env.authUrl(), env.apiUrl());
        };
    }

    public String username() {
        String name = backend.session().username();
        return name == null ? "" : name;
    }

    /** What the status bar says: the running tasks, or "Ready". */
    public StringBinding statusText() {
        return Bindings.createStringBinding(() -> {
            var running = tasks.running();
            if (running.isEmpty()) {
                return I18n.t("shell.status.ready");
            }
            return running.size() == 1 ? running.get(0)
                    : I18n.t("shell.status.many", running.get(0), running.size() - 1);
        }, tasks.running());
    }

    public javafx.beans.binding.BooleanBinding busyProperty() {
        return tasks.busyProperty();
    }

    public ReadOnlyBooleanProperty signingOutProperty() {
        return signingOut.getReadOnlyProperty();
    }

    /**
     * Signs out on the server (best effort), forgets the tokens and returns to the sign-in screen. While work is
     * running (whatever the status bar names) it asks first, since signing out abandons that work; otherwise one
     * click is enough. The dialogs are modal, so an open dialog's work is running work too.
     */
    public void signOut() {
        if (signingOut.get()) {
            return;
        }
        List<String> running = List.copyOf(tasks.running());
        if (!running.isEmpty() && !dialogs.confirm(I18n.t("shell.signOut.confirm.title"),
                I18n.t("shell.signOut.confirm", String.join(I18n.t("shell.signOut.confirm.separator"), running)),
                I18n.t("shell.signOut.confirm.action"), I18n.t("shell.signOut.confirm.stay"))) {
            return;
        }
        signingOut.set(true);
        tasks.run(I18n.t("task.signOut"), () -> {
            backend.session().signOut();
            return Boolean.TRUE;
        }, ok -> done(), error -> done());
    }

    private void done() {
        backend.close();
        signingOut.set(false);
        onSignedOut.run();
    }
}
