package app.licensedesk.ui.common;

import app.licensedesk.model.Controller;
import app.licensedesk.model.License;
import app.licensedesk.model.Claim;
import java.util.Optional;

/**
 * The only way view models open dialogs, so their tests can stub it. Called on the FX thread; the dialogs do
 * their own network work and return only after success or cancel.
 */
public interface DialogService {

    /** An unexpected failure: a short text with the details folded away. */
    void showError(String header, Throwable error);

    /**
     * Asks before doing something that cannot be undone. The other button keeps things as they are and is the
     * default, so Enter or Space typed by habit changes nothing.
     *
     * @param question what will happen, in a sentence or two
     * @param action   the text of the button that does it, e.g. "Sign out"
     * @param keep     the text of the button that keeps things as they are, e.g. "Stay signed in"
     * @return true when the user chose the action
     */
    boolean confirm(String title, String question, String action, String keep);

    /**
     * Opens the activation-date dialog.
     *
     * @param key the key to prefill (editable), or null
     * @return the license as the server describes it after a successful activation; empty when cancelled
     */
    Optional<License> activate(String key);

    /**
     * Opens the license-key (claim) dialog.
     *
     * @param key        the key to prefill, or null
     * @param controller the controller to preselect, or null
     * @return the result of a successful claim; empty when cancelled
     */
    Optional<Claim> claim(String key, Controller controller);
}
