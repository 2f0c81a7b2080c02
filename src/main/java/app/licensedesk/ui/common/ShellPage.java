package app.licensedesk.ui.common;

import javafx.scene.Parent;

/** A main-window view (Customers, Controllers, Licenses) as the shell hosts it. */
public interface ShellPage {

    /** The node the shell shows; created once. */
    Parent root();

    /** Called each time the page becomes visible; loads data the first time. */
    void shown();

    /** F5: loads everything again from the server. */
    void refresh();

    /** Ctrl/Cmd+F: puts the caret in the page's search field. */
    void focusSearch();

    /**
     * Shows this item (a customer, a controller, a license row: what the command palette found) selected, with the
     * focus on it; a page ignores items it does not list.
     */
    default void select(Object item) {
    }
}
