package app.licensedesk.ui.palette;

import app.licensedesk.ui.common.BaseDialog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.shell.Page;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * F1: every keyboard shortcut of the app, grouped (Navigation, Search, Licenses, Dialogs), read from the one
 * {@link Shortcut} table the shell and the pages take their keys from. Esc or Enter closes it.
 */
final class ShortcutSheet extends BaseDialog<Void> {

    /** One line of the sheet: the keys and what they do. */
    record Line(List<KeyCombination> keys, String description) {
    }

    private static final double DESCRIPTION_WIDTH = 330;

    ShortcutSheet(Window owner) {
        super(owner, I18n.t("shortcuts.title"));
        getDialogPane().setId("shortcutSheet");
        HBox columns = new HBox(28, column(Shortcut.Group.NAVIGATION, Shortcut.Group.SEARCH),
                column(Shortcut.Group.LICENSES, Shortcut.Group.DIALOGS));
        columns.setPadding(new Insets(12, 16, 4, 16));
        getDialogPane().setContent(columns);
        ButtonType close = new ButtonType(I18n.t("shortcuts.close"), ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(close);
        Button closeButton = (Button) getDialogPane().lookupButton(close);
        closeButton.setId("shortcutSheetClose");
        closeButton.setDefaultButton(true); // Enter closes it too
    }

    /** The lines of one group, in the table's order; {@link Shortcut#PAGE} gives one line per page. */
    static List<Line> lines(Shortcut.Group group) {
        List<Line> lines = new ArrayList<>();
        for (Shortcut shortcut : Shortcut.values()) {
            if (shortcut.group() != group) {
                continue;
            }
            if (shortcut == Shortcut.PAGE) {
                for (Page page : Page.values()) {
                    lines.add(new Line(List.of(shortcut.keys().get(page.ordinal())),
                            shortcut.description(I18n.t("shell.nav." + page.name()))));
                }
            } else {
                lines.add(new Line(shortcut.keys(), shortcut.description()));
            }
        }
        return lines;
    }

    /** One grid for the groups of a column, so their keys and descriptions line up. */
    private static GridPane column(Shortcut.Group... groups) {
        GridPane grid = PageParts.formGrid(14, 6);
        grid.setAlignment(Pos.TOP_LEFT);
        for (Shortcut.Group group : groups) {
            Label heading = new Label(I18n.t("shortcuts.group." + group.name()));
            heading.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-heading");
            grid.add(heading, 0, grid.getRowCount(), 2, 1);
            for (Line line : lines(group)) {
                Label description = new Label(line.description());
                description.setWrapText(true);
                description.setPrefWidth(DESCRIPTION_WIDTH);
                description.setMinWidth(DESCRIPTION_WIDTH);
                grid.addRow(grid.getRowCount(), keys(line.keys()), description);
            }
        }
        return grid;
    }

    /** The keys as key caps, several joined by "or". */
    private static Node keys(List<KeyCombination> keys) {
        HBox box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        for (KeyCombination key : keys) {
            if (!box.getChildren().isEmpty()) {
                Label or = new Label(I18n.t("shortcut.or").trim());
                or.getStyleClass().add(Styles.TEXT_MUTED);
                box.getChildren().add(or);
            }
            Label cap = new Label(Shortcut.text(key));
            cap.getStyleClass().add("keycap");
            box.getChildren().add(cap);
        }
        return box;
    }
}
