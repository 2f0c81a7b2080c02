package app.licensedesk;

import app.licensedesk.sandbox.SandboxMain;
import java.util.Arrays;
import javafx.application.Application;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The plain main class (a main class extending Application is refused on the class path): starts the app, its
 * {@code --smoke-test}, or only the local sandbox server with {@code --sandbox-server}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // OkHttp and JavaFX log through java.util.logging: send it to SLF4J/Logback like everything else. JUL's
        // console handler goes now, so nothing reaches stderr meanwhile.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        // Logback reads its configuration and opens its files in about half a second: that runs on its own thread
        // while JavaFX starts, so the sign-in window does not wait for it. A logger asked for meanwhile is one of
        // SLF4J's substitutes, which passes on what it was given once Logback is ready.
        Thread logging = new Thread(Launcher::startLogging, "license-desk-logging");
        logging.setDaemon(true);
        logging.start();
        if (args.length > 0 && args[0].equals("--sandbox-server")) {
            SandboxMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(AppOptions.USAGE);
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
        if (options.smokeTest()) {
            System.exit(SmokeTest.forThisJvm().run(() -> Application.launch(LicenseDeskApp.class, args)));
        }
        Application.launch(LicenseDeskApp.class, args);
    }

    private static void startLogging() {
        LoggerFactory.getILoggerFactory();
        SLF4JBridgeHandler.install();
    }
}
