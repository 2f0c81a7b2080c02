package app.licensedesk.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor of target 1: a bare JavaFX window of the sign-in window's size, started like the app (a plain main
 * class on the class path) on the same JVM. Prints {@code ready in N ms} since the JVM started, as the app's
 * {@code --smoke-test} does, once the window is shown, and exits.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("bare"), 560, 680));
            stage.show();
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("ready in " + (System.currentTimeMillis() - start) + " ms");
            Platform.exit();
        }
    }
}
