package app.licensedesk.ui.assign;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Assign page's customer picker (ControlsFX's SearchableComboBox) under the app's theme: the search field it types
 * into has the theme's opaque input background, not the transparent one its own Modena-based stylesheet left, which
 * laid the typed text over the combo's prompt.
 */
class SearchFieldLookTest {

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theSearchFieldHasTheThemesInputBackground() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        SearchableComboBox<String> picker = new SearchableComboBox<>(
                FXCollections.observableArrayList("Autohaus Aachen GmbH", "Kühlhaus Aachen Süd", "Brauerei Gent"));
        picker.setPromptText("Pick a customer");
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(picker), 500, 300);
            scene.getStylesheets().add(SearchFieldLookTest.class.getResource("/app/licensedesk/ui/app.css")
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
            picker.requestFocus();
        });
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".searchable-combo-box .custom-text-field")
                .match(n -> n.isVisible() && ((TextField) n).getText().equals("a")).tryQuery().isPresent());
        TextField search = robot.lookup(".searchable-combo-box .custom-text-field").query();
        robot.interact(() -> {
            assertThat(search.getBackground()).as("the search field's background").isNotNull();
            var fills = search.getBackground().getFills();
            // border and face, as the theme's text inputs: the face is Primer Light's -color-bg-default
            assertThat(fills).hasSize(2);
            assertThat(fills.get(1)).extracting(BackgroundFill::getFill).isEqualTo(Color.WHITE);
        });
    }
}
