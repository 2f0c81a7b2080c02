package app.licensedesk;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.logging.LoggingGate;
import app.licensedesk.model.Environment;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.service.credentials.CredentialStore;
import app.licensedesk.service.credentials.KeptSignIn;
import app.licensedesk.service.credentials.KeyringCredentialStore;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.AppStyles;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.OsTheme;
import app.licensedesk.ui.common.TableState;
import app.licensedesk.ui.common.Themes;
import app.licensedesk.ui.common.UserSettings;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.login.LoginView;
import app.licensedesk.ui.login.LoginViewModel;
import app.licensedesk.ui.prefs.PreferencesDialog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the sign-in window, then the main window of the signed-in session; sign-out returns
 * to sign-in. Started by {@link Launcher} (or by tests, through the package-private constructors).
 */
public final class LicenseDeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(LicenseDeskApp.class);
    static final String PREF_WIDTH = "window.width";
    static final String PREF_HEIGHT = "window.height";
    static final String PREF_MAXIMIZED = "window.maximized";

    private AppOptions options;
    private final LocalSandbox sandbox;
    /** Where "keep me signed in" keeps the token: the OS credential store; tests put one in memory. */
    private final Supplier<CredentialStore> credentialStore;
    /** How the operating system's light or dark look is read; tests fix it. */
    private final Supplier<UserSettings.Theme> osTheme;
    private ExecutorService background;
    private TaskRunner tasks;
    private AppPreferences prefs;
    private KeptSignIn keeper;
    private Themes themes;
    private Stage stage;
    /** The signed-in session, or null on the sign-in screen. */
    private Backend signedIn;

    /** As {@link Application#launch} builds it: the options come from the command line, in {@link #init()}. */
    public LicenseDeskApp() {
        this(null, SandboxOptions.defaults());
    }

    /** For tests: the given options, and the in-process sandbox with its options (a test clock, say). */
    LicenseDeskApp(AppOptions options, SandboxOptions sandboxOptions) {
        this(options, sandboxOptions, KeyringCredentialStore::new, OsTheme::detect);
    }

    /** For tests that also choose the credential store and the operating system's look. */
    LicenseDeskApp(AppOptions options, SandboxOptions sandboxOptions, Supplier<CredentialStore> credentialStore,
                   Supplier<UserSettings.Theme> osTheme) {
        this.options = options;
        this.sandbox = new LocalSandbox(sandboxOptions);
        this.credentialStore = credentialStore;
        this.osTheme = osTheme;
    }

    @Override
    public void init() {
        if (options == null) {
            // Launcher has checked them already
            options = AppOptions.parse(getParameters().getRaw().toArray(String[]::new));
        }
    }

    @Override
    public void start(Stage primary) {
        AtomicInteger counter = new AtomicInteger();
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "license-desk-task-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        tasks = new TaskRunner(background, Platform::runLater);
        prefs = AppPreferences.user();
        // the language first: every view takes its texts when it is built
        I18n.applyAtStart(prefs);
        UserSettings settings = UserSettings.load(prefs);
        TableState.install(prefs);
        themes = new Themes(tasks, osTheme);
        themes.apply(settings.theme());
        keeper = new KeptSignIn(credentialStore.get());
        stage = primary;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            // the last net: log it and tell the user, never die silently
            LOG.error("Uncaught exception on {}", thread.getName(), error);
            if (Platform.isFxApplicationThread()) {
                Alert alert = new Alert(Alert.AlertType.ERROR);
                BaseDialog.decorate(alert, stage, I18n.t("error.title"));
                alert.setHeaderText(I18n.t("error.title")); // JavaFX's own header has no Dutch
                alert.setContentText(I18n.t("error.unexpected", error.getClass().getSimpleName()));
                alert.show();
            }
        });
        showLogin(true);
        primary.show();
        // the window is up: what it can do without comes now, after this frame's work: its icons, and Logback
        // reading its configuration (Launcher)
        Platform.runLater(() -> {
            primary.getIcons().setAll(icons());
            LoggingGate.open();
        });
        SmokeTest.windowShown(primary);
    }

    /** The window icons in the sizes the desktops ask for, decoded in the background: the window need not wait. */
    static List<Image> icons() {
        return Stream.of(16, 32, 48, 64, 128, 256)
                .map(size -> LicenseDeskApp.class.getResource("/app/licensedesk/icons/license-desk-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm(), true))
                .toList();
    }

    /** @param atStart true when the app starts: a kept sign-in is resumed then, not after a sign-out */
    private void showLogin(boolean atStart) {
        AppOptions opts = options;
        LoginViewModel vm = new LoginViewModel(this::connect, tasks, prefs, opts.preselect(), opts.authUrl(),
                opts.apiUrl(), this::showMain);
        vm.offerKeep(keeper);
        Scene scene = AppStyles.scene(new LoginView(vm, LocalSandbox.accountsHint(), false).root(), 560, 680);
        stage.setOnCloseRequest(e -> vm.dispose());
        stage.setTitle(I18n.t("app.name") + " \u2013 " + I18n.t("login.signIn"));
        stage.setMaximized(false);
        stage.setScene(scene);
        stage.centerOnScreen();
        if (atStart) {
            vm.resumeKept();
            // the credential store is asked once the window is up (see KeepSignedIn.probe)
            Platform.runLater(vm.keep()::probe);
        } else {
            vm.keep().probe();
        }
    }

    private Backend connect(Environment.Kind kind, String authUrl, String apiUrl) {
        Environment env = switch (kind) {
            case PRODUCTION -> Environment.production();
            case SANDBOX -> Environment.sandbox(sandbox.baseUrl());
            case CUSTOM -> new Environment(Environment.Kind.CUSTOM, authUrl, apiUrl);
        };
        return Backends.connect(env, clientSettings(UserSettings.load(prefs)));
    }

    /** The client's settings with the preferences that apply at sign-in: requests at once, controller node types. */
    static ClientSettings clientSettings(UserSettings settings) {
        return ClientSettings.defaults().withMaxConcurrentRequests(settings.concurrency())
                .withControllerNodeTypes(settings.nodeTypes());
    }

    private void showMain(Backend backend) {
        signedIn = backend;
        AppContext context = new AppContext(backend, tasks, prefs, Clock.systemDefaultZone(), () -> stage,
                () -> {
                    signedIn = null;
                    saveWindow();
                    showLogin(false);
                });
        // never larger than the screen, whatever was remembered on another monitor
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = AppStyles.scene(context.shell().root(),
                Math.min(prefs.getDouble(PREF_WIDTH, 1360), screen.getWidth()),
                Math.min(prefs.getDouble(PREF_HEIGHT, 820), screen.getHeight()));
        context.shell().installShortcuts(scene);
        context.shell().setOnPreferences(() -> PreferencesDialog.open(stage, prefs, themes));
        stage.setOnCloseRequest(e -> saveWindow());
        stage.setTitle(I18n.t("app.name") + " \u2013 " + backend.session().username() + " @ "
                + I18n.t("environment." + backend.environment().kind().name()));
        stage.setScene(scene);
        stage.centerOnScreen();
        stage.setMaximized(Boolean.parseBoolean(prefs.get(PREF_MAXIMIZED, "false")));
    }

    /**
     * Closing the app while signed in ends the session on the server too, so no 14-day refresh token stays valid
     * behind the user's back; unless the user chose to stay signed in, whose kept token must stay valid. Best
     * effort, and never more than two seconds.
     */
    private void signOutOnExit() {
        Backend backend = signedIn;
        signedIn = null;
        if (backend == null) {
            return;
        }
        if (keeper.keeps(backend.session())) {
            backend.close();
            return;
        }
        Thread signOut = new Thread(() -> {
            try {
                backend.session().signOut();
            } finally {
                backend.close();
            }
        }, "license-desk-sign-out");
        signOut.setDaemon(true);
        signOut.start();
        try {
            signOut.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void saveWindow() {
        prefs.put(PREF_MAXIMIZED, Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized() && stage.getScene() != null) {
            prefs.putDouble(PREF_WIDTH, stage.getScene().getWidth());
            prefs.putDouble(PREF_HEIGHT, stage.getScene().getHeight());
        }
    }

    @Override
    public void stop() {
        signOutOnExit();
        sandbox.close();
        if (background != null) {
            background.shutdownNow();
        }
    }
}
