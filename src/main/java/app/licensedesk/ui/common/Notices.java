package app.licensedesk.ui.common;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Short success messages in the corner of a window that go away by themselves: what just changed. */
public final class Notices {

    private static final Duration SHOWN_FOR = Duration.seconds(5);

    private Notices() {
    }

    /**
     * Shows "SG1-… activated at …" and the like in the lower right corner of {@code owner}. Always with an owner:
     * without one the notification looks for a window itself, which fails when none is focused (headless tests).
     */
    public static void success(Window owner, String text) {
        if (owner == null || !owner.isShowing()) {
            return; // the window is gone (signed out meanwhile): nobody to tell
        }
        FontIcon icon = new FontIcon(Feather.CHECK_CIRCLE);
        icon.getStyleClass().add("notice-icon");
        Notifications.create()
                .owner(owner)
                .text(text)
                .graphic(icon)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .styleClass("license-desk-notice")
                .show();
    }
}
