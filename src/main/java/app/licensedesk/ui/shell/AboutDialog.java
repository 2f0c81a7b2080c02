package app.licensedesk.ui.shell;

import app.licensedesk.model.Environment;
import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help &gt; About: the version and build date, where this session talks to, the log folder, the Java runtime, and
 * every third-party library with its licence.
 */
final class AboutDialog extends BaseDialog<Void> {

    AboutDialog(Window owner, AboutInfo info, Environment environment, Path logFolder) {
        super(owner, I18n.t("about.title"));
        Label name = new Label(I18n.t("app.name"));
        name.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label(I18n.t("about.summary"));
        summary.setWrapText(true);

        GridPane facts = PageParts.formGrid(12, 6);
        row(facts, "about.version", info.version(), "aboutVersion");
        row(facts, "about.built", info.buildDate(), "aboutBuilt");
        row(facts, "about.environment", I18n.t("environment." + environment.kind().name()), "aboutEnvironment");
        row(facts, "about.authUrl", environment.authUrl(), "aboutAuthUrl");
        row(facts, "about.apiUrl", environment.apiUrl(), "aboutApiUrl");
        row(facts, "about.logFolder", logFolder.toString(), "aboutLogFolder");
        row(facts, "about.java", I18n.t("about.java.value", System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), I18n.t("about.java.licence")), "aboutJava");

        Label librariesTitle = new Label(I18n.t("about.libraries"));
        librariesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<AboutInfo.Library> libraries = new TableView<>(FXCollections.observableList(info.libraries()));
        libraries.setId("aboutLibraries");
        libraries.getColumns().add(column("about.col.library", AboutInfo.Library::name, 185));
        libraries.getColumns().add(column("about.col.version", AboutInfo.Library::version, 75));
        libraries.getColumns().add(column("about.col.licence", AboutInfo.Library::licence, 290));
        libraries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        libraries.setPrefHeight(260);
        libraries.getStyleClass().add(Styles.DENSE);
        VBox.setVgrow(libraries, Priority.ALWAYS);

        VBox content = new VBox(10, name, summary, facts, librariesTitle, libraries);
        // the same margins as the other dialogs (DialogParts)
        content.setPadding(new Insets(12, 16, 4, 16));
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(600);
        getDialogPane().getButtonTypes().setAll(new ButtonType(I18n.t("about.close"), ButtonData.CANCEL_CLOSE));
    }

    private static void row(GridPane grid, String nameKey, String value, String id) {
        Label valueLabel = new Label(value);
        valueLabel.setId(id);
        valueLabel.setWrapText(true);
        Label nameLabel = new Label(I18n.t(nameKey));
        nameLabel.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(grid.getRowCount(), nameLabel, valueLabel);
    }

    private static TableColumn<AboutInfo.Library, String> column(String key,
                                                                Function<AboutInfo.Library, String> cell,
                                                                double width) {
        TableColumn<AboutInfo.Library, String> column = new TableColumn<>(I18n.t(key));
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(cell.apply(row.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width);
        return column;
    }
}
