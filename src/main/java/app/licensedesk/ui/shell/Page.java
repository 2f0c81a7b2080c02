package app.licensedesk.ui.shell;

import org.kordamp.ikonli.feather.Feather;

/** The main window's views, in navigation order (Ctrl/Cmd+1, 2, ...). */
public enum Page {
    CUSTOMERS(Feather.BRIEFCASE),
    CONTROLLERS(Feather.CPU),
    LICENSES(Feather.KEY),
    BULK(Feather.UPLOAD);

    private final Feather icon;

    Page(Feather icon) {
        this.icon = icon;
    }

    Feather icon() {
        return icon;
    }
}
