package app.licensedesk.ui.palette;

import app.licensedesk.ui.shell.Page;

/** What the palette's results and actions make the main window do (besides opening the license dialogs). */
interface PaletteCommands {

    /** Shows the page; with an item (a customer, a controller, a license row), shows it selected there. */
    void show(Page page, Object item);

    /** Puts the key on the clipboard and says so. */
    void copyKey(String key);

    /** F5: the current page loads again. */
    void reload();

    void signOut();

    /** F1: the sheet of keyboard shortcuts. */
    void showShortcuts();
}
