package app.licensedesk.ui.shared;

import app.licensedesk.model.LicenseStatus;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.TableState;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.export.TableExport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The license half of the Customers and Controllers pages: a header, the actions on the selected license (buttons,
 * context menu, keys) and a {@link LicenseTable} whose empty area shows loading, the inline error or a hint; the
 * table exports what it shows (Ctrl/Cmd+E, Export… in its context menu).
 */
public final class LicensePane extends VBox {

    private static final KeyCombination COPY = Shortcut.COPY_KEY.key();

    /** One more action on the selected license, shown as a button and a context-menu item. */
    public record Action(String text, Ikon icon, String id, ObservableBooleanValue disabled, Runnable handler) {
    }

    private final LicenseListModel model;
    private final LicenseTable table = new LicenseTable();

    /**
     * @param idPrefix "customer" or "controller": the controls get ids such as {@code customerLicensesTable},
     *                 {@code customerActivateButton}, {@code customerCopyButton}, {@code customerError}
     * @param header   what goes above the actions (the view's own header)
     * @param tasks    where the export writes its file
     * @param extra    actions shown between "Activate…" and "Copy key"
     */
    public LicensePane(LicenseListModel model, String idPrefix, Node header, TaskRunner tasks, Action... extra) {
        this.model = model;
        table.setId(idPrefix + "LicensesTable");
        model.selectedLicenseProperty().bind(table.getSelectionModel().selectedItemProperty());
        // sorted through a SortedList: the table cannot sort the model's unmodifiable list in place
        SortedList<LicenseRow> sorted = new SortedList<>(model.rows());
        table.sortRows(sorted);
        table.setItems(sorted);
        TableState.remember(table, idPrefix + "Licenses");
        table.setPlaceholder(placeholder(idPrefix));

        List<Action> actions = new ArrayList<>();
        actions.add(new Action(I18n.t("license.action.activate"), Feather.ZAP, idPrefix + "ActivateButton",
                model.canActivateProperty().not(), model::activateSelected));
        actions.addAll(List.of(extra));
        actions.add(new Action(I18n.t("license.action.copyKey"), Feather.COPY, idPrefix + "CopyButton",
                model.hasSelectionProperty().not(), this::copyKey));

        HBox toolbar = new HBox(6);
        toolbar.getStyleClass().add("license-actions");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        ContextMenu menu = new ContextMenu();
        for (Action action : actions) {
            toolbar.getChildren().add(button(action));
            menu.getItems().add(menuItem(action));
        }
        Button copy = (Button) toolbar.getChildren().get(toolbar.getChildren().size() - 1);
        copy.setTooltip(new Tooltip(I18n.t("license.action.copyKey.tooltip", COPY.getDisplayText())));
        table.setContextMenu(menu);
        TableExport.install(table, () -> getScene() == null ? null : getScene().getWindow(), tasks,
                idPrefix + "-licenses");
        // only on the table, not as a scene accelerator: Ctrl+C must keep copying text in the search fields
        table.setOnKeyPressed(e -> {
            if (COPY.match(e) && model.hasSelectionProperty().get()) {
                copyKey();
                e.consume();
            }
        });

        setSpacing(8);
        getStyleClass().add("license-pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, toolbar, table);
    }

    public LicenseTable table() {
        return table;
    }

    /** Small status pills with counts ("12 active", "3 expiring"), rebuilt when a count changes. */
    public static HBox statusPills(LicenseListModel model) {
        HBox pills = new HBox(6);
        pills.setAlignment(Pos.CENTER_LEFT);
        pills.getStyleClass().add("status-pills");
        Runnable rebuild = () -> {
            pills.getChildren().clear();
            for (Map.Entry<LicenseStatus, Integer> entry : model.statusCountsProperty().get().entrySet()) {
                Label pill = LicenseTable.StatusCell.pill(entry.getKey());
                pill.setText(LicenseListModel.countText(entry.getKey(), entry.getValue()));
                pills.getChildren().add(pill);
            }
        };
        model.statusCountsProperty().addListener((o, before, now) -> rebuild.run());
        rebuild.run();
        return pills;
    }

    private void copyKey() {
        PageParts.copyKey(this, model.selectedKey());
    }

    private Node placeholder(String idPrefix) {
        Label hint = new Label();
        hint.getStyleClass().add("inline-info");
        hint.textProperty().bind(model.emptyTextProperty());
        PageParts.visibleWhen(hint, Bindings.isNotEmpty(model.emptyTextProperty()));
        VBox box = new VBox(10, PageParts.busyIndicator(model.loadingProperty(), 36),
                PageParts.inlineError(model.errorProperty(), model::reload, idPrefix + "Error"), hint);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        return box;
    }

    private static Button button(Action action) {
        Button button = new Button(action.text(), new FontIcon(action.icon()));
        button.setId(action.id());
        button.setMnemonicParsing(true);
        button.disableProperty().bind(action.disabled());
        button.setOnAction(e -> action.handler().run());
        return button;
    }

    private static MenuItem menuItem(Action action) {
        MenuItem item = new MenuItem(action.text(), new FontIcon(action.icon()));
        item.disableProperty().bind(action.disabled());
        item.setOnAction(e -> action.handler().run());
        return item;
    }
}
