package app.licensedesk.ui.assign;

import app.licensedesk.model.InputRules;
import app.licensedesk.ui.assign.ActivationChoice.Mode;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.dialogs.ActivateDialog;
import app.licensedesk.ui.dialogs.ActivationMoment;
import atlantafx.base.controls.Spacer;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The bar beneath the Assign page's lists: the picked pair, what follows its claim, and "Add to queue". */
final class ActivationStep {

    private ActivationStep() {
    }

    /**
     * @param queued what follows a pair queued with "Add to queue" (the next license is picked on the left)
     */
    static VBox build(AssignViewModel vm, Runnable queued) {
        Label pair = new Label();
        pair.setId("assignPairLabel");
        pair.getStyleClass().add("assign-key");
        pair.textProperty().bind(vm.pairTextProperty());

        ActivationChoice when = vm.when();
        ToggleGroup group = new ToggleGroup();
        Map<Mode, RadioButton> radios = Map.of(
                Mode.CLAIM_ONLY, radio("assign.when.claimOnly", "assignClaimOnlyRadio", Mode.CLAIM_ONLY, group),
                Mode.NOW, radio("assign.when.now", "assignNowRadio", Mode.NOW, group),
                Mode.AT, radio("assign.when.at", "assignAtRadio", Mode.AT, group));
        group.selectToggle(radios.get(when.modeProperty().get()));
        group.selectedToggleProperty().addListener((o, old, selected) -> {
            if (selected == null) {
                group.selectToggle(old); // a radio group always has a choice
            } else {
                when.modeProperty().set((Mode) selected.getUserData());
            }
        });
        when.modeProperty().addListener((o, old, mode) -> group.selectToggle(radios.get(mode)));

        DatePicker date = new DatePicker();
        date.setId("assignDatePicker");
        date.setPromptText(I18n.t("activate.date.prompt"));
        date.setPrefWidth(140);
        date.getEditor().textProperty().bindBidirectional(when.dateTextProperty());
        date.setValue(Objects.requireNonNullElseGet(InputRules.activationDate(when.dateTextProperty().get()).value(),
                LocalDate::now));
        ActivateDialog.keepTypedText(date);
        date.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                when.dateTouched();
            }
        });
        TextField time = new TextField();
        time.setId("assignTimeField");
        time.setPromptText(I18n.t("activate.time.prompt"));
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(when.timeTextProperty());
        time.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                when.timeTouched();
            }
        });
        Label zone = new Label(I18n.t("activate.zone", ActivationMoment.zoneName(when.zone())));
        zone.getStyleClass().add("inline-info");
        zone.setMinWidth(Region.USE_PREF_SIZE);
        HBox dateTime = new HBox(6, date, time, zone);
        dateTime.setAlignment(Pos.CENTER_LEFT);
        dateTime.disableProperty().bind(when.modeProperty().isNotEqualTo(Mode.AT));

        Label whenLabel = new Label(I18n.t("assign.when"));
        whenLabel.getStyleClass().add("detail-key");
        HBox choice = new HBox(12, whenLabel, radios.get(Mode.CLAIM_ONLY), radios.get(Mode.NOW),
                radios.get(Mode.AT), dateTime);
        choice.setAlignment(Pos.CENTER_LEFT);
        choice.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));

        Button add = AssignView.button("assign.queue.add", Feather.PLUS, "assignAddButton", () -> {
            if (vm.queueSelected()) {
                queued.run();
            }
        });
        add.setTooltip(new Tooltip(I18n.t("assign.queue.add.tooltip")));
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(vm.selectedLicenseProperty().isNull().or(vm.selectedControllerProperty().isNull()));
        HBox line = new HBox(16, pair, new Spacer(), add);
        line.setAlignment(Pos.CENTER_LEFT);

        VBox step = new VBox(6, line, choice, fieldError(when.dateErrorProperty(), "assignDateError"),
                fieldError(when.timeErrorProperty(), "assignTimeError"),
                fieldError(when.momentErrorProperty(), "assignMomentError"));
        step.getStyleClass().add("assign-step");
        step.setPadding(new Insets(8, 12, 10, 12));
        return step;
    }

    private static RadioButton radio(String key, String id, Mode mode, ToggleGroup group) {
        RadioButton radio = new RadioButton(I18n.t(key));
        radio.setId(id);
        radio.setMnemonicParsing(true);
        radio.setToggleGroup(group);
        radio.setUserData(mode);
        // a mnemonic (Alt+letter) only sends an ActionEvent, which does not select a radio button by itself
        radio.setOnAction(e -> radio.setSelected(true));
        return radio;
    }

    private static Label fieldError(ObservableStringValue text, String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.textProperty().bind(text);
        PageParts.visibleWhen(label, label.textProperty().isNotEmpty());
        return label;
    }
}
