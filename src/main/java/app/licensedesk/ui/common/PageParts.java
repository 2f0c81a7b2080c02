package app.licensedesk.ui.common;

import atlantafx.base.controls.CustomTextField;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionModel;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small view pieces the pages (and the dialogs) share, so they look and behave the same. */
public final class PageParts {

    private PageParts() {
    }

    /**
     * A search field with a magnifier; Escape clears it.
     *
     * @param onCommit what Enter and Down do (usually: move to the first match)
     */
    public static CustomTextField searchField(String id, String prompt, Runnable onCommit) {
        CustomTextField field = new CustomTextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setLeft(new FontIcon(Feather.SEARCH));
        field.setOnKeyPressed(e -> {
            if (Shortcut.SEARCH_CLEAR.matches(e) && !field.getText().isEmpty()) {
                field.clear();
                e.consume();
            } else if (Shortcut.SEARCH_TO_LIST.matches(e)) {
                onCommit.run();
                e.consume();
            }
        });
        return field;
    }

    /**
     * What Enter or Down in a search field does: highlights the first item of the list or table below it (unless
     * one is selected) and moves the focus there; nothing while it has no items.
     */
    public static void toFirstItem(Control view, List<?> items, SelectionModel<?> selection) {
        if (items.isEmpty()) {
            return;
        }
        if (selection.isEmpty()) {
            selection.selectFirst();
        }
        view.requestFocus();
    }

    /**
     * Gives the node the focus: now, or as soon as it is in the window. A page built a moment ago has its split
     * pane's parts in the window only after the next layout, and a node outside the window cannot take the focus.
     */
    public static void focus(Node node) {
        if (node.getScene() != null) {
            node.requestFocus();
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene before, Scene now) {
                if (now != null) {
                    node.sceneProperty().removeListener(this);
                    node.requestFocus();
                }
            }
        });
    }

    /**
     * An error line with a Retry button, shown only while {@code message} is not empty.
     *
     * @param id the id of the label holding the message; the button gets {@code id + "Retry"}
     */
    public static HBox inlineError(ObservableStringValue message, Runnable retry, String id) {
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add("inline-error-icon");
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("inline-error");
        label.textProperty().bind(message);
        label.setMinHeight(Label.USE_PREF_SIZE);
        Button button = new Button(I18n.t("page.retry"), new FontIcon(Feather.REFRESH_CW));
        button.setId(id + "Retry");
        button.setOnAction(e -> retry.run());
        HBox box = new HBox(8, icon, label, button);
        box.getStyleClass().add("inline-error-box");
        box.setAlignment(Pos.CENTER_LEFT);
        visibleWhen(box, Bindings.isNotEmpty(message));
        return box;
    }

    /** A two-column grid: names at their full width on the left, the values or fields taking the rest. */
    public static GridPane formGrid(double hgap, double vgap) {
        GridPane grid = new GridPane();
        grid.setHgap(hgap);
        grid.setVgap(vgap);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        return grid;
    }

    /** A small spinning indicator shown while {@code busy}. */
    public static ProgressIndicator busyIndicator(ObservableBooleanValue busy, double size) {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setPrefSize(size, size);
        indicator.setMaxSize(size, size);
        indicator.setFocusTraversable(false);
        visibleWhen(indicator, busy);
        return indicator;
    }

    /**
     * Puts a license key on the system clipboard and says so in a notice over the window of {@code source}; nothing
     * for a null or empty key.
     */
    public static void copyKey(Node source, String key) {
        if (key != null && !key.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(key);
            Clipboard.getSystemClipboard().setContent(content);
            Notices.success(source.getScene() == null ? null : source.getScene().getWindow(),
                    I18n.t("notice.copied", key));
        }
    }

    /** Shows the node, and gives it room in its layout, only while {@code condition} holds. */
    public static void visibleWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /**
     * Connects a list or table selection to a view model's selection. A pick by the user goes to the view model;
     * a selection the control loses because a search hides the item does not, so the licenses stay on screen.
     * The control highlights the view model's selection again whenever it is among the items.
     */
    public static <T> void followSelection(MultipleSelectionModel<T> model, ObservableList<T> items,
                                           ObjectProperty<T> selected) {
        model.selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                selected.set(now);
            }
        });
        Runnable highlight = () -> {
            T wanted = selected.get();
            if (wanted == null) {
                model.clearSelection();
            } else if (!Objects.equals(model.getSelectedItem(), wanted) && items.contains(wanted)) {
                model.select(wanted);
            }
        };
        selected.addListener((o, before, now) -> highlight.run());
        // later, because the control adjusts its own selection to the change after this listener
        items.addListener((ListChangeListener<T>) change -> Platform.runLater(highlight));
    }
}
