package app.licensedesk.ui.common;

import java.net.URL;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** The app's stylesheet (app.css; the build compiles it to app.bss, which JavaFX loads) and its windows' scenes. */
public final class AppStyles {

    /** The stylesheet on top of the AtlantaFX theme, for every window and dialog. */
    public static final String CSS = "/app/licensedesk/ui/app.css";

    private AppStyles() {
    }

    /** The stylesheet's address, or null when the build left it out. */
    public static String stylesheet() {
        URL css = AppStyles.class.getResource(CSS);
        return css == null ? null : css.toExternalForm();
    }

    /**
     * A window's scene with the app's stylesheet. The stylesheet comes before the root: a root given first is matched
     * against every stylesheet at once and again when one is added, so this order styles each node once (a quarter
     * of the sign-in window's styling before its first frame, and of the main window's after sign-in).
     */
    public static Scene scene(Parent root, double width, double height) {
        Scene scene = new Scene(new Group(), width, height);
        String css = stylesheet();
        if (css != null) {
            scene.getStylesheets().add(css);
        }
        scene.setRoot(root);
        return scene;
    }
}
