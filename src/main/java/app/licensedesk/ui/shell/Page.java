package app.licensedesk.ui.shell;

import org.kordamp.ikonli.feather.Feather;

/** The main window's views, in navigation order (Ctrl/Cmd+1..5). */
public enum Page {
    CUSTOMERS(Feather.BRIEFCASE),
    CONTROLLERS(Feather.CPU),
    LICENSES(Feather.KEY),
    ASSIGN(Feather.SHUFFLE),
    BULK(Feather.UPLOAD);

    private final Feather icon;

    Page(Feather icon) {
        this.icon = icon;
    }

    Feather icon() {
        return icon;
    }
}
