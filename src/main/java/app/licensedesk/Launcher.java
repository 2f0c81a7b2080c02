package app.licensedesk;

import app.licensedesk.logging.LoggingGate;
import app.licensedesk.sandbox.SandboxMain;
import app.licensedesk.ui.common.AppPreferences;
import app.licensedesk.ui.common.Themes;
import app.licensedesk.ui.common.UserSettings;
import java.util.Arrays;
import java.util.OptionalInt;
import javafx.application.Application;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The plain main class (a main class extending Application is refused on the class path): starts the app, its
 * {@code --smoke-test}, the headless {@code bulk} command, or only the local sandbox server with
 * {@code --sandbox-server}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // a plain java -jar hands the app to a JVM on the jar's class-data archive, before anything else is loaded
        OptionalInt handedOver = ClassDataLaunch.handOver(args);
        if (handedOver.isPresent()) {
            System.exit(handedOver.getAsInt());
            return;
        }
        // OkHttp and JavaFX log through java.util.logging: send it to SLF4J/Logback like everything else. JUL's
        // console handler goes now, so nothing reaches stderr meanwhile.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        // SLF4J says on stderr that it replays the lines kept until Logback was ready (LoggingGate, below): that is
        // the design, not a problem, so only its errors reach the console (-Dslf4j.internal.verbosity overrides)
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        if (args.length > 0 && args[0].equals("bulk")) {
            // no window to hurry: Logback is ready before the command takes its console appender off stdout
            startLogging();
            BulkCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(AppOptions.USAGE);
            return;
        }
        // Logback reads its configuration and opens its files in about half a second of CPU: SLF4J starts at once
        // on a thread of its own, and LoggingGate holds the configuration back until the sign-in window is shown
        // (LicenseDeskApp), so the window does not share the cores with it. A logger asked for meanwhile is one of
        // SLF4J's stand-ins, which keeps what it is given and passes it on once Logback is ready; at exit the
        // configuration goes on, so those lines reach the log file even when the app ends first.
        Thread logging = new Thread(Launcher::startLogging, "license-desk-logging");
        logging.setDaemon(true);
        LoggingGate.holdFor(logging);
        logging.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> finishLogging(logging), "license-desk-logging-end"));
        if (args.length > 0 && args[0].equals("--sandbox-server")) {
            LoggingGate.open(); // no window to wait for
            SandboxMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("license-desk: " + e.getMessage());
            System.err.print(AppOptions.USAGE);
            System.exit(2);
            return;
        }
        // while JavaFX starts its toolkit, a second core reads what the sign-in window needs first: the preferences
        // (an XML file) and the theme's stylesheet
        Thread prepare = new Thread(Launcher::prepareWindow, "license-desk-prepare");
        prepare.setDaemon(true);
        prepare.start();
        Runnable app = () -> {
            try {
                Application.launch(LicenseDeskApp.class, args);
            } finally {
                // before the smoke test's last line: the kept lines are on the console by then
                finishLogging(logging);
            }
        };
        if (options.smokeTest()) {
            System.exit(SmokeTest.forThisJvm().run(app));
        }
        app.run();
    }

    /** Lets Logback's configuration go on and waits (at most 3 s) until it has written what was kept. */
    private static void finishLogging(Thread logging) {
        LoggingGate.open();
        try {
            logging.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void prepareWindow() {
        try {
            LoggingGate.awaitWaiting(1000); // the preferences' logger must be one of SLF4J's stand-ins
        } catch (InterruptedException e) {
            return;
        }
        Themes.prepare(UserSettings.load(AppPreferences.user()).theme());
    }

    private static void startLogging() {
        // JUL's records go to SLF4J from now on: meanwhile to its stand-ins, kept until Logback is ready
        SLF4JBridgeHandler.install();
        LoggerFactory.getILoggerFactory();
    }
}
