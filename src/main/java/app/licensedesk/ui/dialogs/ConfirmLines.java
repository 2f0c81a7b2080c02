package app.licensedesk.ui.dialogs;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The confirmation line and the inline error line shared by the dialogs. */
final class ConfirmLines {

    private ConfirmLines() {
    }

    /** The question that names the license and the environment; emphasised when it is production. */
    static Label confirmation(ObservableStringValue text, boolean production) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("dialog-confirm");
        if (production) {
            label.getStyleClass().add("dialog-confirm-production");
        }
        label.textProperty().bind(text);
        return label;
    }

    /** Why the last attempt failed; hidden while there is nothing to say. */
    static Label error(ObservableStringValue text) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("inline-error");
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
