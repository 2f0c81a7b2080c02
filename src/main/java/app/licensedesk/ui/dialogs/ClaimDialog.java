package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Claim;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The license-key dialog: claims a license for a controller picked by name or nodeId. */
public final class ClaimDialog extends BaseDialog<Claim> {

    public ClaimDialog(Window owner, ClaimViewModel vm) {
        super(owner, I18n.t("claim.title"));

        DialogParts.KeyInput key = DialogParts.keyInput(vm.keyProperty(), "claimKeyField");
        TextField keyField = key.field();
        whenLeft(keyField, vm::keyTouched);
        Label keyLabel = DialogParts.fieldLabel(I18n.t("claim.key"), keyField);

        TextField searchField = new TextField();
        searchField.setId("claimControllerSearch");
        searchField.setPromptText(I18n.t("claim.search.prompt"));
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        Label controllerLabel = DialogParts.fieldLabel(I18n.t("claim.controller"), searchField);

        ListView<Controller> list = new ListView<>(vm.matches());
        list.setId("claimControllerList");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Controller item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ClaimViewModel.listText(item));
            }
        });
        list.setPlaceholder(placeholder(vm));
        whenLeft(list, vm::controllerTouched);
        // Picking is explicit: filtering the list (which clears its selection) keeps the chosen controller.
        list.getSelectionModel().selectedItemProperty().addListener((o, old, picked) -> {
            if (picked != null) {
                vm.controllerProperty().set(picked);
            }
        });
        vm.matches().addListener((ListChangeListener<Controller>) change ->
                Platform.runLater(() -> reselect(list, vm)));
        reselect(list, vm);

        // Enter or Down in the search field goes to the list instead of pressing Claim.
        Runnable toList = () -> PageParts.toFirstItem(list, list.getItems(), list.getSelectionModel());
        searchField.setOnAction(event -> {
            event.consume();
            toList.run();
        });
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN) {
                event.consume();
                toList.run();
            }
        });

        Label chosen = new Label();
        chosen.textProperty().bind(Bindings.createStringBinding(() -> vm.controllerProperty().get() == null
                ? "" : I18n.t("claim.selected", ClaimViewModel.listText(vm.controllerProperty().get())),
                vm.controllerProperty()));
        PageParts.visibleWhen(chosen, chosen.textProperty().isNotEmpty());

        ProgressIndicator loading = PageParts.busyIndicator(vm.controllersLoadingProperty(), 18);
        Label loadingText = new Label(I18n.t("claim.loading"));
        PageParts.visibleWhen(loadingText, vm.controllersLoadingProperty());
        HBox loadingRow = new HBox(6, loading, loadingText, DialogParts.error(vm.controllersErrorProperty()));
        loadingRow.setAlignment(Pos.CENTER_LEFT);

        GridPane form = PageParts.formGrid(10, 4);
        form.add(keyLabel, 0, 0);
        form.add(keyField, 1, 0);
        form.add(new VBox(2, key.note(), DialogParts.fieldError(vm.keyErrorProperty(), "claimKeyError")), 1, 1);
        form.add(controllerLabel, 0, 2);
        form.add(new VBox(6, searchField, list, loadingRow, chosen,
                DialogParts.fieldError(vm.controllerErrorProperty(), "claimControllerError")), 1, 2);
        GridPane.setHgrow(keyField, Priority.ALWAYS);
        GridPane.setValignment(controllerLabel, VPos.TOP);

        Label confirm = DialogParts.confirmation(vm.confirmationProperty(), vm.isProduction());
        confirm.setId("claimConfirmLabel");
        Label errorLabel = DialogParts.error(vm.errorProperty());
        errorLabel.setId("claimErrorLabel");
        getDialogPane().setContent(DialogParts.content(form, confirm, errorLabel, vm.busyProperty(), 760));

        refitOn(vm.keyErrorProperty(), key.note().textProperty(), vm.controllerErrorProperty(),
                vm.controllerProperty(), vm.controllersErrorProperty(), vm.confirmationProperty(), vm.errorProperty());
        Button ok = addButtons(I18n.t("claim.ok"), "claimOkButton");
        ok.setGraphic(new FontIcon(Feather.LINK));
        onOkAsync(ok, vm.invalidProperty(), vm.busyProperty(), () -> vm.claim(this::finish));

        vm.loadControllers();
        // With a key already there the user's next step is the controller, else the key.
        Platform.runLater(() -> (vm.normalizedKeyProperty().get().isEmpty() ? keyField : searchField).requestFocus());
    }

    private static Label placeholder(ClaimViewModel vm) {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(
                () -> vm.controllersLoadingProperty().get() ? I18n.t("claim.loading") : I18n.t("claim.noMatch"),
                vm.controllersLoadingProperty()));
        return label;
    }

    /** Shows the chosen controller selected in the list when the list holds it (e.g. once it has loaded). */
    private static void reselect(ListView<Controller> list, ClaimViewModel vm) {
        Controller chosen = vm.controllerProperty().get();
        if (chosen != null && list.getSelectionModel().getSelectedItem() == null) {
            int index = list.getItems().indexOf(chosen);
            if (index >= 0) {
                list.getSelectionModel().select(index);
                list.scrollTo(index);
            }
        }
    }
}
