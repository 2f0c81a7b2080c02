package app.licensedesk.ui.dialogs;

import app.licensedesk.model.InputRules;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The pieces the activation and claim dialogs are built from, so both look and behave the same. */
final class DialogParts {

    private DialogParts() {
    }

    /**
     * The license-key field and the line beneath it that says when spaces were removed.
     *
     * @param field the key as it will be sent
     * @param note  "Spaces and line breaks were removed…" once some were typed or pasted, until the field is
     *              emptied; hidden otherwise
     */
    record KeyInput(TextField field, Label note) {
    }

    /**
     * The license-key text field: monospace, and whitespace is dropped as it is typed or pasted, so the field always
     * shows exactly the key that will be sent; the note says so when something was dropped.
     */
    static KeyInput keyInput(StringProperty key, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("mono");
        field.setPrefColumnCount(28);
        StringProperty noteText = new SimpleStringProperty("");
        field.setTextFormatter(new TextFormatter<String>(change -> {
            String inserted = change.getText();
            String cleaned = InputRules.normalizeKey(inserted);
            if (!cleaned.equals(inserted)) {
                change.setText(cleaned);
                // put the caret after what was really inserted
                int caret = change.getRangeStart() + cleaned.length();
                change.selectRange(caret, caret);
                noteText.set(I18n.t("input.key.cleaned"));
            } else if (change.getControlNewText().isEmpty()) {
                noteText.set(""); // stays while there is a key it speaks about
            }
            return change;
        }));
        String given = key.get() == null ? "" : key.get();
        key.set(InputRules.normalizeKey(given));
        if (!given.equals(key.get())) {
            noteText.set(I18n.t("input.key.cleaned"));
        }
        field.textProperty().bindBidirectional(key);
        Label note = hiddenWhenEmpty(noteText, "inline-info");
        note.setId(id + "Note");
        return new KeyInput(field, note);
    }

    /** The label of a form field; its mnemonic (the letter after "_") focuses the field. */
    static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMnemonicParsing(true);
        return label;
    }

    /** Why a field's input cannot be sent; hidden while there is nothing to say. */
    static Label fieldError(ObservableStringValue text, String id) {
        Label label = hiddenWhenEmpty(text, "field-error");
        label.setId(id);
        return label;
    }

    /** The question that names the license and the environment; emphasised when it is production. */
    static Label confirmation(ObservableStringValue text, boolean production) {
        Label label = wrapping(text);
        label.getStyleClass().add("dialog-confirm");
        if (production) {
            label.getStyleClass().add("dialog-confirm-production");
        }
        return label;
    }

    /** Why the last attempt failed; hidden while there is nothing to say. */
    static Label error(ObservableStringValue text) {
        return hiddenWhenEmpty(text, "inline-error");
    }

    /**
     * The whole content: the form, the confirmation line, and the spinner with the error of the last attempt. The
     * form is disabled while the call runs.
     */
    static VBox content(GridPane form, Label confirm, Label error, ObservableBooleanValue busy, double width) {
        form.disableProperty().bind(busy);
        HBox status = new HBox(8, PageParts.busyIndicator(busy, 18), error);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(12, form, new Separator(), confirm, status);
        content.setPadding(new Insets(12, 16, 4, 16));
        content.setPrefWidth(width);
        return content;
    }

    private static Label hiddenWhenEmpty(ObservableStringValue text, String styleClass) {
        Label label = wrapping(text);
        label.getStyleClass().add(styleClass);
        PageParts.visibleWhen(label, label.textProperty().isNotEmpty());
        return label;
    }

    private static Label wrapping(ObservableStringValue text) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }
}
