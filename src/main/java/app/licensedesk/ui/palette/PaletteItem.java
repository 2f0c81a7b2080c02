package app.licensedesk.ui.palette;

import app.licensedesk.ui.common.I18n;

/**
 * One line of the command palette: a result (a customer, a controller, a license) or an action, with what running
 * it does; or the heading of a group (no action), which the selection skips.
 *
 * @param detail   the muted text after the title (a UUID, a nodeId and customer, a status), or ""
 * @param shortcut the key that does the same outside the palette, as this keyboard names it, or ""
 */
record PaletteItem(Kind kind, String title, String detail, String shortcut, Runnable action) {

    /** The groups, in the order they are listed when their best matches are equally good. */
    enum Kind {
        CUSTOMER, CONTROLLER, LICENSE, ACTION
    }

    static PaletteItem header(Kind kind) {
        return new PaletteItem(kind, I18n.t("palette.group." + kind.name()), "", "", null);
    }

    boolean isHeader() {
        return action == null;
    }
}
