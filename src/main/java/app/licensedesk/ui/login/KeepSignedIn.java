package app.licensedesk.ui.login;

import app.licensedesk.model.Environment;
import app.licensedesk.service.Backend;
import app.licensedesk.service.credentials.KeptSignIn;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The "Keep me signed in" choice of the sign-in screen: whether it can be offered (a credential store exists and the
 * environment is not the local sandbox) and why not, the choice itself (remembered), and what it means after a
 * sign-in: the session is kept, or what was kept for that user is removed.
 */
public final class KeepSignedIn {

    static final String PREF_KEEP = "login.keep";

    private final KeptSignIn keeper;
    private final AppPreferences prefs;
    private final ObjectProperty<Environment.Kind> environment;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");
    private final ReadOnlyBooleanWrapper storeAvailable = new ReadOnlyBooleanWrapper(this, "storeAvailable");
    private final ReadOnlyBooleanWrapper probed = new ReadOnlyBooleanWrapper(this, "probed");
    private final TaskRunner tasks;
    private final BooleanBinding usable;
    private final StringBinding reason;

    KeepSignedIn(KeptSignIn keeper, TaskRunner tasks, AppPreferences prefs,
                 ObjectProperty<Environment.Kind> environment) {
        this.keeper = keeper;
        this.prefs = prefs;
        this.environment = environment;
        chosen.set(Boolean.parseBoolean(prefs.get(PREF_KEEP, "false")));
        usable = Bindings.createBooleanBinding(() -> storeAvailable.get()
                && KeptSignIn.worthKeeping(environment.get()), storeAvailable, environment);
        reason = Bindings.createStringBinding(() -> {
            if (!KeptSignIn.worthKeeping(environment.get())) {
                return I18n.t("login.keep.sandbox");
            }
            return probed.get() && !storeAvailable.get() ? I18n.t("login.keep.unavailable") : "";
        }, storeAvailable, probed, environment);
        this.tasks = tasks;
    }

    /**
     * Asks whether the operating system's credential store can be used, in the background (D-Bus on Linux, which
     * loads JNA and connects: a moment of CPU). Until it answers, the option is off. At start-up the app asks once
     * the sign-in window is shown, so that the question shares no core with the window's first frame.
     */
    public void probe() {
        tasks.run(I18n.t("task.checkStore"), keeper::available, available -> {
            storeAvailable.set(available);
            probed.set(true);
        }, failure -> probed.set(true));
    }

    /** The checkbox. */
    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** False while the option cannot be used: no credential store, or the local sandbox chosen. */
    public BooleanBinding usableProperty() {
        return usable;
    }

    /** Why the option cannot be used, or empty. */
    public StringBinding reasonProperty() {
        return reason;
    }

    /** Whether the app should try a kept sign-in when it starts: the choice was made for this environment. */
    boolean resumeAtStart() {
        return chosen.get() && KeptSignIn.worthKeeping(environment.get());
    }

    /** Whether the sign-in being started is to be kept; read on the FX thread, before the work starts. */
    boolean wanted() {
        return chosen.get() && usable.get();
    }

    /** Blocking: signs in with the kept token; false when none was kept. */
    boolean resume(Backend backend, String username) {
        return keeper.resume(backend, username);
    }

    /** Blocking, after a successful sign-in: keeps the session, or removes what was kept for this user. */
    void settle(Backend backend, String username, boolean keep) {
        if (keep) {
            keeper.keep(backend);
        } else {
            keeper.forget(backend, username);
        }
    }

    /** Remembers the choice once a sign-in succeeded with it. */
    void remember() {
        if (usable.get()) {
            prefs.put(PREF_KEEP, Boolean.toString(chosen.get()));
        }
    }
}
