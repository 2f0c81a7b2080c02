package app.licensedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Environment;
import app.licensedesk.ui.common.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Help menu, headless: Open log folder runs off the FX thread and, when it fails, says where the folder is;
 * About shows the build, the environment and every library.
 */
class HelpMenuTest {

    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final TaskRunner tasks = new TaskRunner(background, Platform::runLater);
    private final Path folder = Path.of("/home/ann/.local/state/license-desk/logs");
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }

    @Test
    void openLogFolderOpensTheLogFolderOffTheFxThread() throws Exception {
        CompletableFuture<String> opened = new CompletableFuture<>();
        HelpMenu help = show((Path path) -> opened.complete(path + " on the FX thread: "
                + Platform.isFxApplicationThread()));
        robot.interact(() -> item(help, "openLogFolderItem").fire());
        assertThat(opened.get(30, TimeUnit.SECONDS)).isEqualTo(folder + " on the FX thread: false");
    }

    @Test
    void aFolderThatCannotBeOpenedIsShownToCopy() throws Exception {
        HelpMenu help = show(path -> {
            throw new IOException("This desktop cannot open folders from Java");
        });
        robot.interact(() -> item(help, "openLogFolderItem").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#logFolderPath").tryQuery().isPresent());
        TextField path = robot.lookup("#logFolderPath").query();
        assertThat(path.getText()).isEqualTo(folder.toString());
        assertThat(path.isEditable()).isFalse();
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText())
                .isEqualTo("The log folder could not be opened here.");
    }

    @Test
    void aboutShowsTheBuildTheEnvironmentTheLogFolderAndEveryLibrary() throws Exception {
        HelpMenu help = show(path -> { });
        robot.interact(() -> item(help, "aboutItem").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#aboutVersion").tryQuery().isPresent());
        assertThat(text("#aboutVersion")).isEqualTo(System.getProperty("licensedesk.expectedVersion")).isNotBlank();
        assertThat(text("#aboutBuilt")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(text("#aboutEnvironment")).isEqualTo("Local sandbox");
        assertThat(text("#aboutAuthUrl")).isEqualTo("http://127.0.0.1:18088");
        assertThat(text("#aboutApiUrl")).isEqualTo("http://127.0.0.1:18088");
        assertThat(text("#aboutLogFolder")).isEqualTo(folder.toString());
        assertThat(text("#aboutJava")).startsWith(System.getProperty("java.runtime.version"));
        TableView<AboutInfo.Library> libraries = robot.lookup("#aboutLibraries").queryTableView();
        assertThat(libraries.getItems()).isNotEmpty().containsExactlyElementsOf(AboutInfo.readLibraries());
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private HelpMenu show(HelpMenu.FolderOpener opener) throws Exception {
        HelpMenu help = new HelpMenu(tasks, Environment.sandbox("http://127.0.0.1:18088"), folder, opener,
                () -> stage);
        stage = FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(help.node()), 300, 200));
            stage.show();
        });
        return help;
    }

    private static MenuItem item(HelpMenu help, String id) {
        Optional<MenuItem> item = help.button().getItems().stream().filter(i -> id.equals(i.getId())).findFirst();
        return item.orElseThrow();
    }
}
