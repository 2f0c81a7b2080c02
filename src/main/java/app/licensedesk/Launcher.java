package app.licensedesk;

import app.licensedesk.sandbox.SandboxMain;
import java.util.Arrays;
import javafx.application.Application;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The plain main class (a main class extending Application is refused on the class path): starts the app, its
 * {@code --smoke-test}, or only the local sandbox server with {@code --sandbox-server}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // OkHttp and JavaFX log through java.util.logging: send it to SLF4J/Logback like everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
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
}
