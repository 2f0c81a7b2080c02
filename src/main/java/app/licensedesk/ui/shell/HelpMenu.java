package app.licensedesk.ui.shell;

import app.licensedesk.model.Environment;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Help menu of the main window's header: open the log folder in the file manager, and About License Desk. */
public final class HelpMenu {

    /** Shows a folder in the desktop's file manager. Blocking (on macOS it must not run on the FX thread). */
    @FunctionalInterface
    public interface FolderOpener {
        void open(Path folder) throws IOException;
    }

    private final TaskRunner tasks;
    private final Environment environment;
    private final Path logFolder;
    private final FolderOpener opener;
    private final Supplier<Window> owner;
    private final MenuButton button = new MenuButton(I18n.t("help.menu"), new FontIcon(Feather.HELP_CIRCLE));

    /**
     * @param environment where the session talks to, for About
     * @param logFolder   the folder of the log files
     * @param opener      opens that folder (called off the FX thread)
     * @param owner       the main window
     */
    public HelpMenu(TaskRunner tasks, Environment environment, Path logFolder, FolderOpener opener,
                    Supplier<Window> owner) {
        this.tasks = tasks;
        this.environment = environment;
        this.logFolder = logFolder;
        this.opener = opener;
        this.owner = owner;
        button.setId("helpMenu");
        MenuItem openLogs = new MenuItem(I18n.t("help.openLogFolder"), new FontIcon(Feather.FOLDER));
        openLogs.setId("openLogFolderItem");
        openLogs.setOnAction(e -> openLogFolder());
        MenuItem about = new MenuItem(I18n.t("help.about"), new FontIcon(Feather.INFO));
        about.setId("aboutItem");
        about.setOnAction(e -> new AboutDialog(owner.get(), AboutInfo.load(), environment, logFolder).show());
        button.getItems().setAll(openLogs, about);
    }

    public Node node() {
        return button;
    }

    MenuButton button() {
        return button;
    }

    private void openLogFolder() {
        tasks.run(I18n.t("task.openLogFolder"), () -> {
            opener.open(logFolder);
            return logFolder;
        }, opened -> { }, error -> showUnopened());
    }

    /** Says where the folder is, in a field the user can copy from. */
    private void showUnopened() {
        TextField path = new TextField(logFolder.toString());
        path.setId("logFolderPath");
        path.setEditable(false);
        path.setPrefColumnCount(40);
        Alert alert = new Alert(Alert.AlertType.WARNING);
        BaseDialog.decorate(alert, owner.get(), I18n.t("help.openLogFolder"));
        alert.setHeaderText(I18n.t("help.logFolder.unopened"));
        alert.getDialogPane().setContent(new VBox(8, new Label(I18n.t("help.logFolder.where")), path));
        alert.show();
    }

    /** The desktop's file manager through AWT, creating the folder when no log was written yet. */
    public static void openWithDesktop(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new IOException("This desktop cannot open folders from Java");
        }
        Desktop.getDesktop().open(folder.toFile());
    }
}
