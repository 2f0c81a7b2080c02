package app.licensedesk.ui.dialogs;

import app.licensedesk.model.InputRules;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/** The license-key text field of both dialogs: monospace, and whitespace is dropped as it is typed or pasted. */
final class KeyFields {

    private KeyFields() {
    }

    static TextField keyField(StringProperty key) {
        TextField field = new TextField();
        field.getStyleClass().add("mono");
        field.setPrefColumnCount(28);
        field.setTextFormatter(new TextFormatter<String>(change -> {
            String inserted = change.getText();
            String cleaned = InputRules.normalizeKey(inserted);
            if (!cleaned.equals(inserted)) {
                change.setText(cleaned);
                // put the caret after what was really inserted
                int caret = change.getRangeStart() + cleaned.length();
                change.selectRange(caret, caret);
            }
            return change;
        }));
        key.set(InputRules.normalizeKey(key.get()));
        field.textProperty().bindBidirectional(key);
        return field;
    }
}
