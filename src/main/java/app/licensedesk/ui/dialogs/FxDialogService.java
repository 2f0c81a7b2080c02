package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.Claim;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.Notices;
import app.licensedesk.ui.common.TaskRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The real {@link DialogService}: opens the JavaFX dialogs, modal to the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final LicenseDeskService service;
    private final TaskRunner tasks;
    private final LicenseRegistry registry;
    private final Directory directory;
    private final Environment environment;

    /**
     * @param owner the window dialogs belong to, asked each time (the main window may not exist yet when this is
     *              built)
     */
    public FxDialogService(Supplier<Window> owner, LicenseDeskService service, TaskRunner tasks,
                           LicenseRegistry registry, Directory directory, Environment environment) {
        this.owner = owner;
        this.service = service;
        this.tasks = tasks;
        this.registry = registry;
        this.directory = directory;
        this.environment = environment;
    }

    @Override
    public void showError(String header, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        BaseDialog.decorate(alert, owner.get(), I18n.t("dialog.error.title"));
        alert.setHeaderText(header);
        alert.setContentText(ErrorMessages.describe(error, ErrorMessages.Action.GENERAL));
        // Exceptions of the api layer never carry tokens or passwords, so the trace is safe to show.
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setId("errorDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.getStyleClass().add("mono");
        details.setPrefRowCount(14);
        details.setPrefColumnCount(80);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setExpanded(false);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question, String action, String keep) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(keep, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        BaseDialog.decorate(alert, owner.get(), title);
        alert.getButtonTypes().setAll(yes, no);
        alert.setHeaderText(title);
        alert.setContentText(question);
        alert.getDialogPane().setId("confirmDialog");
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        yesButton.setId("confirmYesButton");
        yesButton.setDefaultButton(false);
        Button noButton = (Button) alert.getDialogPane().lookupButton(no);
        noButton.setId("confirmNoButton");
        noButton.setDefaultButton(true);
        // the focus too: a Space typed by habit presses the focused button, not the default one
        alert.setOnShown(e -> Platform.runLater(noButton::requestFocus));
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<License> activate(String key) {
        ActivateViewModel vm = new ActivateViewModel(service, tasks, registry, environment, key);
        Optional<License> activated = new ActivateDialog(owner.get(), vm).showAndWait();
        activated.ifPresent(license -> Notices.success(owner.get(), vm.doneText(license)));
        return activated;
    }

    @Override
    public Optional<Claim> claim(String key, Controller controller) {
        ClaimViewModel vm = new ClaimViewModel(service, tasks, registry, directory, environment, key, controller);
        Optional<Claim> claimed = new ClaimDialog(owner.get(), vm).showAndWait();
        claimed.ifPresent(result -> Notices.success(owner.get(), vm.doneText(result)));
        return claimed;
    }
}
