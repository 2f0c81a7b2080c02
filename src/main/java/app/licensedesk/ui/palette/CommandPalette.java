package app.licensedesk.ui.palette;

import app.licensedesk.ui.common.AppStyles;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.palette.PaletteItem.Kind;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shell.ShellView;
import app.licensedesk.ui.shell.ShellViewModel;
import atlantafx.base.controls.CustomTextField;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The command palette's window (Ctrl/Cmd+K): an undecorated window centred over the main window, a search field
 * with the focus, the results grouped under headings, a line of hints. It closes on Esc, on Enter (then runs the
 * selected line), on a click on a line, and when it loses the focus.
 */
public final class CommandPalette {

    private static final double WIDTH = 640;
    private static final double HEIGHT = 470;

    private final CommandPaletteViewModel vm;
    private final Supplier<Window> owner;
    private final CustomTextField field = new CustomTextField();
    private final ListView<PaletteItem> list = new ListView<>();
    private final VBox root;
    private Stage stage;

    CommandPalette(CommandPaletteViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
        field.setId("paletteField");
        field.setPromptText(I18n.t("palette.prompt"));
        field.setLeft(new FontIcon(Feather.SEARCH));
        field.getStyleClass().add("palette-field");
        field.textProperty().bindBidirectional(vm.queryProperty());

        list.setId("paletteList");
        list.setItems(vm.items());
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ItemCell());
        Label placeholder = new Label();
        placeholder.setId("palettePlaceholder");
        placeholder.getStyleClass().add("inline-info");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.placeholderProperty());
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        vm.selectedProperty().addListener((o, before, item) -> showSelected(item));

        Label status = new Label();
        status.setId("paletteStatus");
        status.getStyleClass().add("inline-info");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        PageParts.visibleWhen(status, vm.statusProperty().isNotEmpty());
        Label hint = new Label(I18n.t("palette.hint"));
        hint.getStyleClass().add("palette-hint");

        root = new VBox(8, field, status, list, hint);
        root.setId("commandPalette");
        root.getStyleClass().add("command-palette");
        root.setPrefSize(WIDTH, HEIGHT);
        // a filter, so the keys are the palette's before the field moves its caret with them
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.showingProperty().addListener((o, was, now) -> {
            if (now) {
                show();
            } else if (stage != null) {
                stage.hide();
            }
        });
    }

    /**
     * Builds the palette and the shortcut sheet of one signed-in session and gives the shell their keys
     * (Ctrl/Cmd+K, F1); before the shell installs its shortcuts.
     */
    public static void install(ShellView shell, ShellViewModel shellViewModel, Directory directory,
                               LicenseRegistry registry, DialogService dialogs, Supplier<Window> owner) {
        Runnable sheet = () -> new ShortcutSheet(owner.get()).show();
        CommandPaletteViewModel vm = new CommandPaletteViewModel(directory, registry, dialogs,
                new ShellCommands(shell, shellViewModel, sheet),
                (shortcut, index) -> Shortcut.text(shortcut.keys().get(index)));
        new CommandPalette(vm, owner);
        shell.onShortcut(Shortcut.PALETTE, vm::open);
        shell.onShortcut(Shortcut.SHORTCUT_SHEET, sheet);
    }

    private void onKey(KeyEvent event) {
        if (Shortcut.PALETTE_MOVE.keys().get(0).match(event)) {
            vm.moveUp();
        } else if (Shortcut.PALETTE_MOVE.keys().get(1).match(event)) {
            vm.moveDown();
        } else if (Shortcut.PALETTE_RUN.matches(event)) {
            vm.runSelected();
        } else if (Shortcut.PALETTE_CLOSE.matches(event) || Shortcut.PALETTE.matches(event)) {
            vm.close();
        } else {
            return;
        }
        event.consume();
    }

    private void show() {
        if (stage == null) {
            stage = build(owner.get());
        }
        // centred over the main window, wherever it is
        Window main = stage.getOwner();
        stage.setX(main.getX() + (main.getWidth() - WIDTH) / 2);
        stage.setY(main.getY() + (main.getHeight() - HEIGHT) / 2);
        stage.show();
        stage.toFront();
        field.requestFocus();
        field.selectAll(); // the last search, ready to be typed over or run again
        showSelected(vm.selectedProperty().get());
    }

    private Stage build(Window main) {
        Stage palette = new Stage(StageStyle.UNDECORATED);
        palette.initOwner(main);
        palette.initModality(Modality.NONE);
        palette.setTitle(I18n.t("dialog.title", I18n.t("palette.title")));
        Scene scene = AppStyles.scene(root, WIDTH, HEIGHT);
        palette.setScene(scene);
        // like a menu: a click elsewhere closes it
        palette.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                vm.close();
            }
        });
        palette.setOnHidden(e -> vm.close());
        return palette;
    }

    /** Highlights the line and scrolls only as far as needed to show it (and its heading, when it is the first). */
    private void showSelected(PaletteItem item) {
        if (item == null) {
            list.getSelectionModel().clearSelection();
            return;
        }
        list.getSelectionModel().select(item);
        int index = list.getItems().indexOf(item);
        if (index >= 0 && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
            if (index > 0 && list.getItems().get(index - 1).isHeader()) {
                flow.scrollTo(index - 1);
            }
        }
    }

    /** A heading, or a line: an icon, the title, the detail muted, and the shortcut at the right end. */
    private final class ItemCell extends ListCell<PaletteItem> {
        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Label shortcut = new Label();
        private final Region spacer = new Region();
        private final HBox line = new HBox(8, icon, title, detail, spacer, shortcut);
        private final Label heading = new Label();

        ItemCell() {
            title.getStyleClass().add("palette-title");
            detail.getStyleClass().add("palette-detail");
            detail.setMinWidth(0);
            title.setMinWidth(Region.USE_PREF_SIZE);
            shortcut.getStyleClass().add("keycap");
            shortcut.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(spacer, Priority.ALWAYS);
            line.setAlignment(Pos.CENTER_LEFT);
            heading.getStyleClass().add("palette-heading");
            // a heading is not a choice; a click on a line runs it
            addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                e.consume();
                if (getItem() != null && !getItem().isHeader()) {
                    vm.pick(getItem());
                    vm.runSelected();
                }
            });
        }

        @Override
        protected void updateItem(PaletteItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            getStyleClass().remove("palette-heading-cell");
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item.isHeader()) {
                heading.setText(item.title());
                getStyleClass().add("palette-heading-cell");
                setGraphic(heading);
                return;
            }
            icon.setIconCode(iconOf(item.kind()));
            title.setText(item.title());
            detail.setText(item.detail());
            shortcut.setText(item.shortcut());
            shortcut.setVisible(!item.shortcut().isEmpty());
            setGraphic(line);
        }
    }

    private static Feather iconOf(Kind kind) {
        return switch (kind) {
            case CUSTOMER -> Feather.BRIEFCASE;
            case CONTROLLER -> Feather.CPU;
            case LICENSE -> Feather.KEY;
            case ACTION -> Feather.CHEVRON_RIGHT;
        };
    }
}
