package app.licensedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.ui.common.UserSettings.Theme;
import org.junit.jupiter.api.Test;

/** How each desktop's answer is read; the commands themselves are the desktops' own. */
class OsThemeTest {

    @Test
    void gnomeColorScheme() {
        assertThat(OsTheme.gnomeColorScheme("'prefer-dark'\n")).contains(Theme.DARK);
        assertThat(OsTheme.gnomeColorScheme("'default'\n")).contains(Theme.LIGHT);
        assertThat(OsTheme.gnomeColorScheme("'prefer-light'")).contains(Theme.LIGHT);
        // an older GNOME without the key answers with an error text: not readable, so the GTK theme is asked
        assertThat(OsTheme.gnomeColorScheme("No such key \u201ccolor-scheme\u201d")).isEmpty();
    }

    @Test
    void gtkTheme() {
        assertThat(OsTheme.gtkTheme("'Adwaita-dark'\n")).contains(Theme.DARK);
        assertThat(OsTheme.gtkTheme("'Adwaita'\n")).contains(Theme.LIGHT);
        assertThat(OsTheme.gtkTheme("''")).isEmpty();
    }

    @Test
    void windowsRegistry() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertThat(OsTheme.windows(dark)).contains(Theme.DARK);
        assertThat(OsTheme.windows(dark.replace("0x0", "0x1"))).contains(Theme.LIGHT);
        assertThat(OsTheme.windows("ERROR: The system was unable to find the specified registry key")).isEmpty();
    }

    @Test
    void macDefaults() {
        assertThat(OsTheme.mac(0, "Dark\n")).isEqualTo(Theme.DARK);
        assertThat(OsTheme.mac(1, "The domain/default pair of (kCFPreferencesAnyApplication, AppleInterfaceStyle)"
                + " does not exist")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void detectAlwaysAnswersLightOrDark() {
        assertThat(OsTheme.detect()).isIn(Theme.LIGHT, Theme.DARK);
    }
}
