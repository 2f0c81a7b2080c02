package app.licensedesk.ui.login;

import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import app.licensedesk.model.Environment;
import app.licensedesk.service.Backend;
import app.licensedesk.service.SignIn;
import app.licensedesk.service.credentials.KeptSignIn;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.common.UserSettings;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in screen: environment choice, username and password, then the second factor when the account
 * has one. On success it hands the signed-in {@link Backend} to the app.
 */
public final class LoginViewModel {

    static final String PREF_USERNAME = "login.username";
    static final String PREF_ENVIRONMENT = "login.environment";
    static final String PREF_AUTH_URL = "login.authUrl";
    static final String PREF_API_URL = "login.apiUrl";

    /** Which part of the screen is shown. */
    public enum Step { CREDENTIALS, TWO_FACTOR }

    private final Connector connector;
    private final TaskRunner tasks;
    private final AppPreferences prefs;
    private final Consumer<Backend> onSignedIn;

    private final ObjectProperty<Environment.Kind> environment = new SimpleObjectProperty<>(this, "environment");
    private final StringProperty authUrl = new SimpleStringProperty(this, "authUrl", "");
    private final StringProperty apiUrl = new SimpleStringProperty(this, "apiUrl", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObjectProperty<TwoFactorMethod> method =
            new SimpleObjectProperty<>(this, "method", TwoFactorMethod.TOTP);
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final BooleanProperty attempted = new SimpleBooleanProperty(this, "attempted");

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CREDENTIALS);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper(this, "usernameError", "");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError", "");
    private final ReadOnlyStringWrapper authUrlError = new ReadOnlyStringWrapper(this, "authUrlError", "");
    private final ReadOnlyStringWrapper apiUrlError = new ReadOnlyStringWrapper(this, "apiUrlError", "");
    private final ReadOnlyStringWrapper codeError = new ReadOnlyStringWrapper(this, "codeError", "");

    private Backend backend;
    private String backendKey;
    /** Null where the choice is not offered (the "session ended" prompt). */
    private KeepSignedIn keep;

    /**
     * @param preselect  the environment from the command line, or null to use the remembered one
     * @param onSignedIn called on the FX thread with the signed-in backend
     */
    public LoginViewModel(Connector connector, TaskRunner tasks, AppPreferences prefs, Environment.Kind preselect,
                          String presetAuthUrl, String presetApiUrl, Consumer<Backend> onSignedIn) {
        this.connector = connector;
        this.tasks = tasks;
        this.prefs = prefs;
        this.onSignedIn = onSignedIn;
        // the command line first, then the default environment of the preferences, then the one used last
        Environment.Kind chosen = UserSettings.load(prefs).defaultEnvironment();
        environment.set(preselect != null ? preselect : chosen != null ? chosen
                : UserSettings.environmentKind(prefs, PREF_ENVIRONMENT, Environment.Kind.SANDBOX));
        authUrl.set(presetAuthUrl != null ? presetAuthUrl : prefs.get(PREF_AUTH_URL, ""));
        apiUrl.set(presetApiUrl != null ? presetApiUrl : prefs.get(PREF_API_URL, ""));
        username.set(prefs.get(PREF_USERNAME, ""));
        // field messages follow the input after an attempt; URLs as typed (no password to plain http off loopback)
        username.addListener((o, a, b) -> validateIfAttempted());
        password.addListener((o, a, b) -> validateIfAttempted());
        authUrl.addListener((o, a, b) -> validateUrls());
        apiUrl.addListener((o, a, b) -> validateUrls());
        environment.addListener((o, a, b) -> validateUrls());
        validateUrls();
        code.addListener((o, a, b) -> codeError.set(""));
        method.addListener((o, a, b) -> {
            codeError.set("");
            error.set("");
            info.set("");
        });
    }

    private void validateIfAttempted() {
        if (attempted.get()) {
            validateCredentials();
        }
    }

    /** Checks the credential fields; sets the field messages; true when all are fine. */
    boolean validateCredentials() {
        usernameError.set(username.get().isBlank() ? I18n.t("login.error.usernameEmpty")
                : username.get().trim().length() > 256 ? I18n.t("login.error.tooLong") : "");
        passwordError.set(password.get().isEmpty() ? I18n.t("login.error.passwordEmpty")
                : password.get().length() > 256 ? I18n.t("login.error.tooLong") : "");
        validateUrls();
        return usernameError.get().isEmpty() && passwordError.get().isEmpty()
                && authUrlError.get().isEmpty() && apiUrlError.get().isEmpty();
    }

    /** The custom URLs' field messages: as soon as something is typed, and for an empty field after an attempt. */
    private void validateUrls() {
        boolean custom = environment.get() == Environment.Kind.CUSTOM;
        authUrlError.set(custom ? urlProblem(authUrl.get()) : "");
        apiUrlError.set(custom ? urlProblem(apiUrl.get()) : "");
    }

    private String urlProblem(String url) {
        if (!attempted.get() && (url == null || url.isBlank())) {
            return "";
        }
        String problem = Environment.problemWith(url);
        return problem == null ? "" : I18n.t("login.error.url." + problem);
    }

    /** Signs in with the typed credentials. Keeps everything typed on failure. */
    public void signIn() {
        attempted.set(true);
        error.set("");
        info.set("");
        if (busy.get() || !validateCredentials()) {
            return;
        }
        String user = username.get().trim();
        char[] secret = password.get().toCharArray();
        boolean keepIt = keep != null && keep.wanted();
        connectAndRun(ErrorMessages.Action.SIGN_IN, built -> {
            SessionState state = built.session().signIn(user, secret);
            if (state == SessionState.SIGNED_IN && keep != null) {
                keep.settle(built, user, keepIt);
            }
            return state;
        }, state -> {
            remember(environment.get(), authUrl.get().trim(), apiUrl.get().trim(), user);
            attempted.set(false); // over: back on this step, the emptied field shows no error before a new try
            password.set(""); // accepted: not kept in memory while a 2FA code is typed, nor after
            if (state == SessionState.TWO_FACTOR_REQUIRED) {
                code.set("");
                step.set(Step.TWO_FACTOR);
            } else {
                finish();
            }
        });
    }

    /**
     * Runs a sign-in step on the client of the chosen environment, built first when needed; the client built for a
     * failed attempt is kept for the next one.
     */
    private void connectAndRun(ErrorMessages.Action action, Function<Backend, SessionState> work,
                               Consumer<SessionState> done) {
        Environment.Kind kind = environment.get();
        String auth = authUrl.get().trim();
        String api = apiUrl.get().trim();
        String key = kind + "|" + auth + "|" + api;
        AtomicReference<Backend> built = new AtomicReference<>(key.equals(backendKey) ? backend : null);
        busy.set(true);
        tasks.run(I18n.t("task.signIn"), () -> {
            if (built.get() == null) {
                built.set(connector.connect(kind, auth, api));
            }
            return work.apply(built.get());
        }, state -> {
            busy.set(false);
            info.set("");
            adopt(built.get(), key);
            done.accept(state);
        }, failure -> {
            busy.set(false);
            info.set("");
            if (built.get() != null) {
                adopt(built.get(), key);
            }
            error.set(ErrorMessages.describe(failure, action));
        });
    }

    /** Asks the server to e-mail a one-time code. */
    public void sendEmailCode() {
        if (busy.get() || backend == null) {
            return;
        }
        error.set("");
        busy.set(true);
        SignIn session = backend.session();
        tasks.run(I18n.t("task.sendCode"), () -> {
            session.requestEmailCode();
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            info.set(I18n.t("login.twoFactor.codeSent"));
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure, ErrorMessages.Action.TWO_FACTOR));
        });
    }

    /** Completes sign-in with the second factor. */
    public void verifyCode() {
        error.set("");
        String value = code.get().replaceAll("\\s", "");
        TwoFactorMethod chosen = method.get();
        if (chosen == TwoFactorMethod.RECOVERY_CODE ? value.isEmpty() : !value.matches("\\d{6}")) {
            codeError.set(I18n.t(chosen == TwoFactorMethod.RECOVERY_CODE
                    ? "login.error.recoveryEmpty" : "login.error.codeFormat"));
            return;
        }
        if (busy.get() || backend == null) {
            return;
        }
        busy.set(true);
        Backend signing = backend;
        boolean keepIt = keep != null && keep.wanted();
        tasks.run(I18n.t("task.verifyCode"), () -> {
            signing.session().completeTwoFactor(chosen, value);
            if (keep != null) {
                keep.settle(signing, signing.session().username(), keepIt);
            }
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            finish();
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure, ErrorMessages.Action.TWO_FACTOR));
        });
    }

    /** Offers "Keep me signed in" on this screen (not on the "session ended" prompt); the view shows it. */
    public void offerKeep(KeptSignIn keeper) {
        keep = new KeepSignedIn(keeper, tasks, prefs, environment);
    }

    /** The "Keep me signed in" choice, or null when not offered. */
    public KeepSignedIn keep() {
        return keep;
    }

    /**
     * At start-up: signs in with the kept sign-in of the remembered user, without the password. When nothing was
     * kept nothing happens; when the server refuses it, the screen says so and waits for the password.
     */
    public void resumeKept() {
        String user = username.get().trim();
        if (keep == null || !keep.resumeAtStart() || user.isEmpty() || busy.get()) {
            return;
        }
        info.set(I18n.t("login.keep.resuming", user));
        connectAndRun(ErrorMessages.Action.RESUME,
                built -> keep.resume(built, user) ? SessionState.SIGNED_IN : SessionState.SIGNED_OUT, state -> {
                    if (state == SessionState.SIGNED_IN) {
                        finish();
                    }
                });
    }

    /** Leaves the 2FA step (e.g. to use another account). */
    public void backToCredentials() {
        step.set(Step.CREDENTIALS);
        error.set("");
        info.set("");
        code.set("");
    }

    private void finish() {
        if (keep != null) {
            keep.remember();
        }
        password.set("");
        code.set("");
        step.set(Step.CREDENTIALS);
        Backend signedIn = backend;
        backend = null; // the app owns it from now on
        backendKey = null;
        onSignedIn.accept(signedIn);
    }

    private void adopt(Backend target, String key) {
        if (backend != null && backend != target) {
            backend.close();
        }
        backend = target;
        backendKey = key;
    }

    private void remember(Environment.Kind kind, String auth, String api, String user) {
        prefs.put(PREF_USERNAME, user);
        prefs.put(PREF_ENVIRONMENT, kind.name());
        if (kind == Environment.Kind.CUSTOM) {
            prefs.put(PREF_AUTH_URL, auth);
            prefs.put(PREF_API_URL, api);
        }
    }

    /** Closes a backend that was built but never handed over (window closed before signing in). */
    public void dispose() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    public ObjectProperty<Environment.Kind> environmentProperty() {
        return environment;
    }

    public StringProperty authUrlProperty() {
        return authUrl;
    }

    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<TwoFactorMethod> methodProperty() {
        return method;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty authUrlErrorProperty() {
        return authUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiUrlErrorProperty() {
        return apiUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codeErrorProperty() {
        return codeError.getReadOnlyProperty();
    }

    /** True when the sandbox is chosen: the view shows the demo accounts. */
    public BooleanBinding sandboxChosenProperty() {
        return Bindings.equal(environment, Environment.Kind.SANDBOX);
    }

    public BooleanBinding customChosenProperty() {
        return Bindings.equal(environment, Environment.Kind.CUSTOM);
    }
}
