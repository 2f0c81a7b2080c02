package app.licensedesk.ui.common;

import java.io.InputStream;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every License Desk dialog: owner, title, icon, stylesheet, Esc/Enter, and an OK button that can
 * start asynchronous work and keep the dialog open until the work succeeds.
 *
 * <p>Use: build the content, call {@link #addButtons}, then {@link #onOkAsync} with a runnable that asks the view
 * model to do the work; when the view model reports success, call {@link #finish}. Cancel and Esc (wherever the
 * focus is) close the dialog with an empty result.
 *
 * @param <R> what the dialog returns after success
 */
public class BaseDialog<R> extends Dialog<R> {

    private static final Logger LOG = LoggerFactory.getLogger(BaseDialog.class);
    private static final String[] ICONS = {"/app/licensedesk/icons/license-desk-64.png"};

    /**
     * @param owner the window the dialog belongs to (centred on it, modal to it), or null
     * @param what  the end of the title: "License Desk – what"
     */
    public BaseDialog(Window owner, String what) {
        decorate(this, owner, what);
        setResizable(true);
        // Only finish(...) produces a result; every button that closes the dialog by itself means "cancel".
        setResultConverter(button -> null);
    }

    /**
     * Gives any dialog (also an Alert) the common owner, title, icon, stylesheet and Esc. Call it before setting the
     * content, header or buttons, as the constructor here does: the stylesheet goes on first, so what is added
     * afterwards meets it when it joins the pane (the order of {@link AppStyles#scene}). An Alert's own header,
     * graphic and buttons exist before anyone can decorate it; they get the stylesheet at its first CSS pass, before
     * it is shown.
     */
    public static void decorate(Dialog<?> dialog, Window owner, String what) {
        String css = AppStyles.stylesheet();
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css);
        }
        closeOnEscape(dialog);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(I18n.t("dialog.title", what));
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            if (owner instanceof Stage ownerStage && !ownerStage.getIcons().isEmpty()) {
                stage.getIcons().setAll(ownerStage.getIcons());
            } else {
                Image icon = appIcon();
                if (icon != null) {
                    stage.getIcons().setAll(icon);
                }
            }
        }
    }

    /**
     * Esc closes the dialog as Cancel does, wherever the focus is. Without this a field swallows the key: a text
     * field with a formatter (the license key) consumes Esc to undo its edit, so the dialog never sees it. An open
     * calendar or drop-down list gets the key first and closes itself.
     */
    private static void closeOnEscape(Dialog<?> dialog) {
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Node focused = dialog.getDialogPane().getScene().getFocusOwner();
            if (!Shortcut.DIALOG_CANCEL.matches(event) || popupOpen(focused)) {
                return;
            }
            event.consume();
            Button cancel = dialog.getDialogPane().getButtonTypes().stream()
                    .filter(type -> type.getButtonData().isCancelButton())
                    .map(type -> dialog.getDialogPane().lookupButton(type))
                    .filter(Button.class::isInstance).map(Button.class::cast).findFirst().orElse(null);
            if (cancel != null) {
                cancel.fire();
            } else {
                dialog.close(); // a dialog with only one button (an Alert's OK) may close without a cancel button
            }
        });
    }

    /** Whether the focused control, or one it is part of, shows its pop-up (a calendar, a list). */
    private static boolean popupOpen(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase<?> box && box.isShowing()) {
                return true;
            }
        }
        return false;
    }

    private static Image appIcon() {
        for (String path : ICONS) {
            try (InputStream in = BaseDialog.class.getResourceAsStream(path)) {
                if (in != null) {
                    return new Image(in);
                }
            } catch (Exception e) {
                LOG.debug("App icon {} not readable", path, e);
            }
        }
        return null;
    }

    /**
     * Sets the buttons to a default button (Enter) with this text and Cancel (Esc).
     *
     * @param okText the default button's text
     * @param okId   the id of the default button, for UI tests
     * @return the default button
     */
    public final Button addButtons(String okText, String okId) {
        ButtonType ok = new ButtonType(okText, ButtonData.OK_DONE);
        ButtonType cancelType = cancel();
        getDialogPane().getButtonTypes().setAll(ok, cancelType);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId(okId);
        Button cancel = (Button) getDialogPane().lookupButton(cancelType);
        cancel.setId("dialogCancelButton");
        cancel.setGraphic(new FontIcon(Feather.X));
        return okButton;
    }

    /**
     * A Cancel button in the app's language. JavaFX's own {@link ButtonType#CANCEL} takes its text from JavaFX,
     * which has no Dutch, and from the locale of the moment its class was loaded.
     */
    public static ButtonType cancel() {
        return new ButtonType(I18n.t("dialog.cancel"), ButtonData.CANCEL_CLOSE);
    }

    /**
     * Makes the OK button start work instead of closing the dialog. OK is disabled while the input is invalid
     * or the work runs; the dialog closes only through {@link #finish}. Enter while the input is invalid is an
     * attempt too: {@code start} runs, so the view model can show every field's problem (and sends nothing).
     *
     * @param ok      the button from {@link #addButtons}
     * @param invalid true while the input cannot be submitted
     * @param busy    true while the work runs
     * @param start   asks the view model to do the work
     */
    public final void onOkAsync(Button ok, ObservableBooleanValue invalid, ObservableBooleanValue busy,
                                Runnable start) {
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> invalid.get() || busy.get(), invalid, busy));
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            // consumed here, so the dialog pane does not close the dialog
            event.consume();
            if (!invalid.get() && !busy.get()) {
                start.run();
            }
        });
        // a disabled default button ignores Enter, so the attempt is caught here, after the fields had their turn
        getDialogPane().addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (Shortcut.DIALOG_OK.matches(event) && invalid.get() && !busy.get()) {
                event.consume();
                start.run();
            }
        });
    }

    /**
     * Runs {@code left} each time the focus moves from {@code field} (or a part of it) to another control of this
     * dialog; not when the window loses the focus, since coming back from copying a key elsewhere is not leaving.
     */
    public final void whenLeft(Node field, Runnable left) {
        getDialogPane().getScene().focusOwnerProperty().addListener((o, before, now) -> {
            if (now != null && isWithin(before, field) && !isWithin(now, field)) {
                left.run();
            }
        });
    }

    private static boolean isWithin(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    /**
     * Grows (or shrinks) the window to its content whenever one of these changes, e.g. an error line that appears:
     * a dialog window does not resize by itself, and wrapped text would be cut off.
     */
    public final void refitOn(Observable... sources) {
        InvalidationListener refit = o -> Platform.runLater(() -> {
            Window window = getDialogPane().getScene().getWindow();
            if (window != null && window.isShowing()) {
                window.sizeToScene();
            }
        });
        for (Observable source : sources) {
            source.addListener(refit);
        }
    }

    /** Closes the dialog with this result; the work succeeded. */
    public final void finish(R result) {
        setResult(result);
        close();
    }
}
