package app.licensedesk.ui.common;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the app, in one table: the shell, the pages and the dialogs take their keys from it and
 * the shortcut sheet (F1) lists it, so the sheet cannot drift from the real keys. A new shortcut gets a row here
 * (and a {@code shortcut.NAME} text), in the order the sheet shows it.
 */
public enum Shortcut {

    /** Ctrl/Cmd+1, 2, …: the pages in the order of the navigation bar (one key per page). */
    PAGE(Group.NAVIGATION, IntStream.rangeClosed(1, 9)
            .mapToObj(d -> shortcut(KeyCode.valueOf("DIGIT" + d))).toArray(KeyCombination[]::new)),
    PALETTE(Group.NAVIGATION, shortcut(KeyCode.K)),
    RELOAD(Group.NAVIGATION, plain(KeyCode.F5)),
    SHORTCUT_SHEET(Group.NAVIGATION, plain(KeyCode.F1)),
    PREFERENCES(Group.NAVIGATION, shortcut(KeyCode.COMMA)),

    SEARCH(Group.SEARCH, shortcut(KeyCode.F)),
    SEARCH_TO_LIST(Group.SEARCH, plain(KeyCode.ENTER), plain(KeyCode.DOWN)),
    SEARCH_CLEAR(Group.SEARCH, plain(KeyCode.ESCAPE)),
    PALETTE_MOVE(Group.SEARCH, plain(KeyCode.UP), plain(KeyCode.DOWN)),
    PALETTE_RUN(Group.SEARCH, plain(KeyCode.ENTER)),
    PALETTE_CLOSE(Group.SEARCH, plain(KeyCode.ESCAPE)),

    COPY_KEY(Group.LICENSES, shortcut(KeyCode.C)),
    EXPORT(Group.LICENSES, shortcut(KeyCode.E)),
    ACTIVATE(Group.LICENSES, new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN)),
    CLAIM(Group.LICENSES, new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    CLAIM_TO_CONTROLLER(Group.LICENSES, shortcut(KeyCode.L)),
    RELOAD_FAILED(Group.LICENSES, new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN)),

    DIALOG_OK(Group.DIALOGS, plain(KeyCode.ENTER)),
    DIALOG_CANCEL(Group.DIALOGS, plain(KeyCode.ESCAPE));

    /** The headings of the shortcut sheet. */
    public enum Group {
        NAVIGATION, SEARCH, LICENSES, DIALOGS
    }

    private final Group group;
    private final List<KeyCombination> keys;

    Shortcut(Group group, KeyCombination... keys) {
        this.group = group;
        this.keys = List.of(keys);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    public Group group() {
        return group;
    }

    /** The keys that do it: usually one; Enter or Down for two; for {@link #PAGE} one per page. */
    public List<KeyCombination> keys() {
        return keys;
    }

    /** The (first) key. */
    public KeyCombination key() {
        return keys.get(0);
    }

    public boolean matches(KeyEvent event) {
        return keys.stream().anyMatch(k -> k.match(event));
    }

    /**
     * A key as this computer's keyboard names it: "Ctrl+K" (or "⌘K"), and a key alone by its name ("Enter", "Esc",
     * "Down"), where JavaFX would draw a symbol that is hard to read.
     */
    public static String text(KeyCombination key) {
        boolean alone = Stream.of(key.getShift(), key.getControl(), key.getAlt(), key.getMeta(), key.getShortcut())
                .allMatch(modifier -> modifier == KeyCombination.ModifierValue.UP);
        if (alone && key instanceof KeyCodeCombination code) {
            return code.getCode().getName();
        }
        return key.getDisplayText();
    }

    /** What it does, for the sheet ({@link #PAGE}: with the page's name as {0}). */
    public String description(Object... args) {
        return I18n.t("shortcut." + name(), args);
    }
}
