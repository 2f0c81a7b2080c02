package app.licensedesk.ui.shell;

import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.ShellPage;
import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's frame: environment banner, user and sign-out, navigation, the current view, status bar,
 * and the keyboard shortcuts (Ctrl/Cmd+1..9 for the pages in {@link Page} order, Ctrl/Cmd+F, F5, Ctrl/Cmd+, for
 * the Preferences). Views are created the first time they are shown.
 */
public final class ShellView {

    /** How many pages have a Ctrl/Cmd+digit: those past the ninth have none. */
    private static final int NUMBERED_PAGES = 9;
    private static final KeyCombination PREFERENCES = new KeyCodeCombination(KeyCode.COMMA,
            KeyCombination.SHORTCUT_DOWN);

    private final ShellViewModel vm;
    private final Map<Page, Supplier<ShellPage>> factories;
    private final Map<Page, ShellPage> pages = new EnumMap<>(Page.class);
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private HBox header;
    private Runnable onPreferences = () -> { };

    public ShellView(ShellViewModel vm, Map<Page, Supplier<ShellPage>> factories) {
        this.vm = vm;
        this.factories = factories;
        root.setTop(new VBox(banner(), header()));
        root.setLeft(navigation());
        root.setCenter(content);
        root.setBottom(statusBar());
        vm.pageProperty().addListener((o, a, p) -> show(p));
        show(vm.pageProperty().get());
        // The first page is built before the window shows it; without this the focus would land on the first
        // control of the window, Sign out, where a Space or Enter typed by habit signs the user out.
        root.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                Platform.runLater(this::focusPage);
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Adds a control at the right end of the header (the Help menu). */
    public void addToHeader(Node node) {
        header.getChildren().add(node);
    }

    /** The page now shown (created on demand). */
    public ShellPage currentPage() {
        return pages.get(vm.pageProperty().get());
    }

    /** Registers the keyboard shortcuts on the window's scene. */
    public void installShortcuts(Scene scene) {
        Page[] all = Page.values();
        for (int i = 0; i < Math.min(all.length, NUMBERED_PAGES); i++) {
            Page target = all[i];
            scene.getAccelerators().put(new KeyCodeCombination(digit(i + 1), KeyCombination.SHORTCUT_DOWN), () -> {
                vm.pageProperty().set(target);
                // also when the page was already shown: the shortcut always lands in the page
                focusPage();
            });
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> currentPage().focusSearch());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> currentPage().refresh());
        scene.getAccelerators().put(PREFERENCES, () -> onPreferences.run());
    }

    /** What the Preferences button and Ctrl/Cmd+, open. */
    public void setOnPreferences(Runnable action) {
        onPreferences = action;
    }

    /** The key of a digit 1..9 on the main keyboard. */
    private static KeyCode digit(int n) {
        return KeyCode.valueOf("DIGIT" + n);
    }

    private void show(Page page) {
        ShellPage shown = pages.computeIfAbsent(page, p -> factories.get(p).get());
        content.getChildren().setAll(shown.root());
        nav.getToggles().stream().filter(t -> t.getUserData() == page).findFirst().ifPresent(nav::selectToggle);
        shown.shown();
        focusPage();
    }

    /**
     * Puts the caret at the end of the page's search field, its first useful control. Nothing is selected, so a key
     * typed by habit adds to the search instead of replacing it.
     */
    private void focusPage() {
        ShellPage page = currentPage();
        if (page == null || root.getScene() == null) {
            return;
        }
        // a split pane puts its items in the scene only when its skin is made, at the next layout pass: on a page's
        // first showing a field in one (Customers' search, Expiring's table) would refuse the focus, which then
        // falls to the window's first control, Sign out
        page.root().applyCss();
        page.focusSearch();
        if (root.getScene().getFocusOwner() instanceof TextInputControl field) {
            field.deselect();
            field.end();
        }
    }

    private HBox banner() {
        Label text = new Label(vm.bannerText());
        text.setId("environmentBanner");
        HBox banner = new HBox(text);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("env-banner", "env-" + vm.environment().kind().name().toLowerCase(Locale.ROOT));
        return banner;
    }

    private HBox header() {
        Label title = new Label(I18n.t("app.name"), new FontIcon(Feather.KEY));
        title.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label user = new Label(vm.username(), new FontIcon(Feather.USER));
        user.setId("signedInUser");
        Button signOut = new Button(I18n.t("shell.signOut"), new FontIcon(Feather.LOG_OUT));
        signOut.setId("signOutButton");
        signOut.disableProperty().bind(vm.signingOutProperty());
        signOut.setOnAction(e -> vm.signOut());
        Button preferences = new Button(I18n.t("shell.preferences"), new FontIcon(Feather.SETTINGS));
        preferences.setId("preferencesButton");
        preferences.setTooltip(new Tooltip(I18n.t("shell.preferences.tooltip", PREFERENCES.getDisplayText())));
        preferences.setOnAction(e -> onPreferences.run());
        header = new HBox(12, title, spacer, preferences, user, signOut);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("app-header");
        return header;
    }

    private VBox navigation() {
        VBox bar = new VBox();
        bar.getStyleClass().add("nav-bar");
        Page[] all = Page.values();
        for (int i = 0; i < all.length; i++) {
            Page page = all[i];
            ToggleButton button = new ToggleButton(I18n.t("shell.nav." + page.name()), new FontIcon(page.icon()));
            button.setId("nav" + page.name());
            button.setUserData(page);
            button.setToggleGroup(nav);
            button.setMaxWidth(Double.MAX_VALUE);
            if (i < NUMBERED_PAGES) {
                button.setTooltip(new Tooltip(I18n.t("shell.nav.tooltip", i + 1)));
            }
            button.setOnAction(e -> {
                // a toggle group lets the user un-select; the page stays what it was
                vm.pageProperty().set(page);
                button.setSelected(true);
            });
            bar.getChildren().add(button);
        }
        return bar;
    }

    private HBox statusBar() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("statusText");
        status.textProperty().bind(vm.statusText());
        HBox bar = new HBox(8, spinner, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
