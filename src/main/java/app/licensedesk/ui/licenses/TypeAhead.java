package app.licensedesk.ui.licenses;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyEvent;

/**
 * Type-to-select for a closed combo box: typing "be" picks the first entry whose text starts with "be" (else
 * contains it). A pause of a second starts a new word. Lighter than a searchable combo box and styled by the theme.
 */
final class TypeAhead {

    private static final long RESET_NANOS = 1_000_000_000L;

    private final StringBuilder typed = new StringBuilder();
    private long last;

    private TypeAhead() {
    }

    static void install(ComboBox<?> box) {
        TypeAhead state = new TypeAhead();
        box.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            long now = System.nanoTime();
            if (now - state.last > RESET_NANOS) {
                state.typed.setLength(0);
            }
            state.last = now;
            state.typed.append(ch.toLowerCase(Locale.ROOT));
            state.select(box);
            e.consume();
        });
    }

    private void select(ComboBox<?> box) {
        String prefix = typed.toString();
        int contains = -1;
        for (int i = 0; i < box.getItems().size(); i++) {
            String text = String.valueOf(box.getItems().get(i)).toLowerCase(Locale.ROOT);
            if (text.startsWith(prefix)) {
                box.getSelectionModel().select(i);
                return;
            }
            if (contains < 0 && text.contains(prefix)) {
                contains = i;
            }
        }
        if (contains >= 0) {
            box.getSelectionModel().select(contains);
        }
    }
}
