package app.licensedesk.ui.dialogs;

import app.licensedesk.model.InputRules;
import app.licensedesk.model.License;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import java.time.LocalDate;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The activation-date dialog: activates a license now or at a chosen local date and time. */
public final class ActivateDialog extends BaseDialog<License> {

    public ActivateDialog(Window owner, ActivateViewModel vm) {
        super(owner, I18n.t("activate.title"));

        DialogParts.KeyInput key = DialogParts.keyInput(vm.keyProperty(), "activateKeyField");
        TextField keyField = key.field();
        whenLeft(keyField, vm::keyTouched);
        Label keyLabel = DialogParts.fieldLabel(I18n.t("activate.key"), keyField);

        RadioButton nowRadio = new RadioButton(I18n.t("activate.now"));
        nowRadio.setId("activateNowRadio");
        RadioButton atRadio = new RadioButton(I18n.t("activate.at"));
        atRadio.setId("activateAtRadio");
        ToggleGroup when = new ToggleGroup();
        nowRadio.setToggleGroup(when);
        atRadio.setToggleGroup(when);
        when.selectToggle(vm.activateNowProperty().get() ? nowRadio : atRadio);
        when.selectedToggleProperty().addListener((o, old, selected) -> {
            if (selected == null) {
                // a radio group always has a choice: clicking the selected one again must not clear it
                when.selectToggle(old);
            } else {
                vm.activateNowProperty().set(selected == nowRadio);
            }
        });
        vm.activateNowProperty().addListener((o, old, now) -> when.selectToggle(now ? nowRadio : atRadio));

        DatePicker datePicker = new DatePicker();
        datePicker.setId("activateDatePicker");
        datePicker.setPromptText(I18n.t("activate.date.prompt"));
        datePicker.setPrefWidth(150);
        // the view model reads the text as typed, so a wrong date stays in the field and is explained there
        datePicker.getEditor().textProperty().bindBidirectional(vm.dateTextProperty());
        datePicker.setValue(Objects.requireNonNullElseGet(vm.dateProperty().get(), LocalDate::now));
        keepTypedText(datePicker);
        whenLeft(datePicker, vm::dateTouched);
        TextField timeField = new TextField();
        timeField.setId("activateTimeField");
        timeField.setPromptText(I18n.t("activate.time.prompt"));
        timeField.setPrefColumnCount(5);
        timeField.textProperty().bindBidirectional(vm.timeProperty());
        whenLeft(timeField, vm::timeTouched);
        Label zoneLabel = new Label(I18n.t("activate.zone", ActivationMoment.zoneName(vm.zone())));
        zoneLabel.getStyleClass().add("inline-info");
        HBox dateTime = new HBox(6, datePicker, timeField, zoneLabel);
        dateTime.setAlignment(Pos.CENTER_LEFT);
        dateTime.setPadding(new Insets(0, 0, 0, 24));
        dateTime.disableProperty().bind(vm.activateNowProperty());
        atRadio.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                Platform.runLater(datePicker::requestFocus);
            }
        });

        Label utcLabel = new Label();
        utcLabel.setId("activateUtcLabel");
        utcLabel.getStyleClass().add("mono");
        utcLabel.setWrapText(true);
        utcLabel.textProperty().bind(vm.utcTextProperty());

        GridPane form = PageParts.formGrid(10, 4);
        form.add(keyLabel, 0, 0);
        form.add(keyField, 1, 0);
        form.add(new VBox(2, key.note(), DialogParts.fieldError(vm.keyErrorProperty(), "activateKeyError")), 1, 1);
        Label whenLabel = new Label(I18n.t("activate.when"));
        form.add(whenLabel, 0, 2);
        form.add(new VBox(6, nowRadio, atRadio, dateTime,
                DialogParts.fieldError(vm.dateErrorProperty(), "activateDateError"),
                DialogParts.fieldError(vm.timeErrorProperty(), "activateTimeError"),
                DialogParts.fieldError(vm.momentErrorProperty(), "activateMomentError")), 1, 2);
        form.add(new Label(I18n.t("activate.sentAs")), 0, 3);
        form.add(utcLabel, 1, 3);
        GridPane.setHgrow(keyField, Priority.ALWAYS);
        GridPane.setValignment(whenLabel, VPos.TOP);

        Label confirm = DialogParts.confirmation(vm.confirmationProperty(), vm.isProduction());
        confirm.setId("activateConfirmLabel");
        Label errorLabel = DialogParts.error(vm.errorProperty());
        errorLabel.setId("activateErrorLabel");
        getDialogPane().setContent(DialogParts.content(form, confirm, errorLabel, vm.busyProperty(), 580));

        refitOn(vm.keyErrorProperty(), key.note().textProperty(), vm.dateErrorProperty(), vm.timeErrorProperty(),
                vm.momentErrorProperty(), vm.utcTextProperty(), vm.confirmationProperty(), vm.errorProperty());
        Button ok = addButtons(I18n.t("activate.ok"), "activateOkButton");
        ok.setGraphic(new FontIcon(Feather.ZAP));
        onOkAsync(ok, vm.invalidProperty(), vm.busyProperty(), () -> vm.activate(this::finish));
        Platform.runLater(() -> {
            keyField.requestFocus();
            keyField.end();
        });
    }

    /**
     * Keeps the date field's text exactly as typed. When the focus leaves, a picker writes its value's text back
     * into the field: "" for no value, the last good date when the text does not parse. So here the text is what
     * counts (the view model reads it), the value is only where the calendar opens and never becomes null, and a
     * date picked in the calendar is written into the field, year-month-day. Also used by the assignment workspace.
     */
    public static void keepTypedText(DatePicker picker) {
        picker.valueProperty().addListener((o, before, picked) -> {
            if (picked != null && !picked.equals(InputRules.activationDate(picker.getEditor().getText()).value())) {
                picker.getEditor().setText(ActivateViewModel.DATE_FORMAT.format(picked));
            }
        });
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate value) {
                return picker.getEditor().getText();
            }

            @Override
            public LocalDate fromString(String text) {
                LocalDate typed = InputRules.activationDate(text).value();
                return typed == null ? picker.getValue() : typed;
            }
        });
        // the calendar offers only the years the service takes
        picker.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(LocalDate day, boolean empty) {
                super.updateItem(day, empty);
                setDisable(empty || day == null || day.getYear() < InputRules.FIRST_ACTIVATION_YEAR
                        || day.getYear() > InputRules.LAST_ACTIVATION_YEAR);
            }
        });
    }
}
