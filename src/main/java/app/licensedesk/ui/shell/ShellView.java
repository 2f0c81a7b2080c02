package app.licensedesk.ui.shell;

import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.common.Shortcut;
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
 * and the keyboard shortcuts (Ctrl/Cmd+1, 2, …, Ctrl/Cmd+F, F5, Ctrl/Cmd+, for the Preferences, and those added
 * with {@link #onShortcut}), all from the {@link Shortcut} table. Views are created the first time they are shown.
 */
public final class ShellView {

    private final ShellViewModel vm;
    private final Map<Page, Supplier<ShellPage>> factories;
    private final Map<Page, ShellPage> pages = new EnumMap<>(Page.class);
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private HBox header;
    private final Map<Shortcut, Runnable> moreShortcuts = new EnumMap<>(Shortcut.class);
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

    /** One more window-wide shortcut (the command palette, the shortcut sheet); before {@link #installShortcuts}. */
    public void onShortcut(Shortcut shortcut, Runnable action) {
        moreShortcuts.put(shortcut, action);
    }

    /** Registers the keyboard shortcuts on the window's scene, all from the {@link Shortcut} table. */
    public void installShortcuts(Scene scene) {
        Page[] all = Page.values();
        // a page past the ninth has no digit
        for (int i = 0; i < Math.min(all.length, Shortcut.PAGE.keys().size()); i++) {
            Page target = all[i];
            // also when the page was already shown: the shortcut always lands in the page
            scene.getAccelerators().put(Shortcut.PAGE.keys().get(i), () -> reveal(target, null));
        }
        scene.getAccelerators().put(Shortcut.SEARCH.key(), () -> currentPage().focusSearch());
        scene.getAccelerators().put(Shortcut.RELOAD.key(), () -> currentPage().refresh());
        scene.getAccelerators().put(Shortcut.PREFERENCES.key(), () -> onPreferences.run());
        moreShortcuts.forEach((shortcut, action) -> scene.getAccelerators().put(shortcut.key(), action));
    }

    /** Shows the page with the caret in its search field; with an item, shows that item selected in the page. */
    public void reveal(Page page, Object item) {
        vm.pageProperty().set(page);
        focusPage();
        if (item != null) {
            currentPage().select(item);
        }
    }

    /** What the Preferences button and Ctrl/Cmd+, open. */
    public void setOnPreferences(Runnable action) {
        onPreferences = action;
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
        preferences.setTooltip(new Tooltip(I18n.t("shell.preferences.tooltip",
            Shortcut.PREFERENCES.key().getDisplayText())));
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
            if (i < Shortcut.PAGE.keys().size()) {
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
