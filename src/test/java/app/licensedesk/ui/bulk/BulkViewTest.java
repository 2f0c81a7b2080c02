package app.licensedesk.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.service.bulk.BulkEngine;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The bulk page builds, and its table and buttons follow the view model (no clicks: the logic is tested there). */
class BulkViewTest {

    @TempDir
    Path dir;

    @Test
    void theTableAndButtonsFollowThePreviewAndTheRun() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        Stage stage = FxToolkit.registerPrimaryStage();
        FakeBulkService service = new FakeBulkService("K1", "K2");
        Path csv = Files.writeString(dir.resolve("rows.csv"), "licenseKey,nodeId\nK1,SGC-NORTH\nK2,SGC-SOUTH\n");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (BulkEngine engine = new BulkEngine(service, ClientSettings.defaults(), ErrorMessages.forBulk())) {
            // as in the app: the work in the background, its results on the FX thread
            TaskRunner tasks = new TaskRunner(background, Platform::runLater);
            BulkViewModel vm = new BulkViewModel(engine, tasks, ZoneOffset.UTC, Clock.systemUTC());
            BulkView[] view = new BulkView[1];
            WaitForAsyncUtils.asyncFx(() -> {
                view[0] = new BulkView(vm);
                stage.setScene(new Scene(view[0].root(), 1200, 600));
                stage.show();
            }).get();
            Scene scene = stage.getScene();
            TableView<?> table = (TableView<?>) scene.lookup("#bulkTable");
            Button run = (Button) scene.lookup("#bulkRun");
            Button export = (Button) scene.lookup("#bulkExport");
            assertThat(table.getItems()).isEmpty();
            assertThat(run.isDisabled()).isTrue();

            WaitForAsyncUtils.asyncFx(() -> vm.open(csv)).get();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(run.isDisabled()).isFalse();
            assertThat(export.isDisabled()).isTrue();

            WaitForAsyncUtils.asyncFx(vm::run).get();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> vm.phaseProperty().get() == BulkViewModel.Phase.ENDED);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(run.isDisabled()).isTrue();
            assertThat(export.isDisabled()).isFalse();
            assertThat(service.claimCount()).isEqualTo(2);
        } finally {
            background.shutdownNow();
            // the primary stage is shared with the other UI tests
            WaitForAsyncUtils.asyncFx(stage::hide).get();
        }
    }
}
