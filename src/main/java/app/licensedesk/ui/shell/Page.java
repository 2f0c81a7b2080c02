package app.licensedesk.ui.shell;

import org.kordamp.ikonli.feather.Feather;

/** The main window's views, in navigation order: the nth is Ctrl/Cmd+n (up to 9). */
public enum Page {
    CUSTOMERS(Feather.BRIEFCASE),
    CONTROLLERS(Feather.CPU),
    LICENSES(Feather.KEY),
    ASSIGN(Feather.SHUFFLE),
    EXPIRING(Feather.CLOCK),
    ACTIVITY(Feather.LIST);

    private final Feather icon;

    Page(Feather icon) {
        this.icon = icon;
    }

    Feather icon() {
        return icon;
    }
}
