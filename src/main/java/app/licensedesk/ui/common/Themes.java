package app.licensedesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.net.URL;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.css.Stylesheet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Applies the theme preference to every window at once, live: AtlantaFX Primer Light or Primer Dark as the
 * user-agent stylesheet, or the one matching the operating system (asked off the FX thread). Our app.css takes its
 * colours from the theme's looked-up colours, so it follows without a stylesheet of its own per theme.
 */
public final class Themes {

    private final TaskRunner tasks;
    private final Supplier<UserSettings.Theme> osTheme;
    private final ReadOnlyObjectWrapper<UserSettings.Theme> applied = new ReadOnlyObjectWrapper<>(this, "applied");
    /** Counts the requests, so a slow look-up of the OS theme never overrides a later choice. */
    private int generation;

    /** @param osTheme LIGHT or DARK as the operating system is set (blocking; see {@link OsTheme#detect}) */
    public Themes(TaskRunner tasks, Supplier<UserSettings.Theme> osTheme) {
        this.tasks = tasks;
        this.osTheme = osTheme;
    }

    /** Applies the preference: LIGHT and DARK at once, SYSTEM once the operating system has answered. */
    public void apply(UserSettings.Theme preference) {
        int request = ++generation;
        if (preference != UserSettings.Theme.SYSTEM) {
            use(preference);
            return;
        }
        if (applied.get() == null) {
            use(UserSettings.Theme.LIGHT); // never the unthemed look while the operating system is asked
        }
        tasks.run(I18n.t("task.detectTheme"), osTheme::get, found -> {
            if (request == generation) {
                use(found == UserSettings.Theme.DARK ? found : UserSettings.Theme.LIGHT);
            }
        }, failure -> {
            if (request == generation) {
                use(UserSettings.Theme.LIGHT);
            }
        });
    }

    private void use(UserSettings.Theme theme) {
        // the .css name: JavaFX loads the compiled .bss that AtlantaFX ships beside it
        Application.setUserAgentStylesheet(atlantaFx(theme).getUserAgentStylesheet());
        applied.set(theme);
    }

    /**
     * A head start, off the FX thread while JavaFX starts: reads the compiled stylesheet of the theme the app will
     * start with, and drops it, so that its classes are loaded when {@link #apply} reads it again on the FX thread.
     */
    public static void prepare(UserSettings.Theme preference) {
        URL bss = Themes.class.getResource(atlantaFx(preference).getUserAgentStylesheetBSS());
        try {
            if (bss != null) {
                Stylesheet.loadBinary(bss);
            }
        } catch (IOException | RuntimeException e) {
            // only a head start: apply() reads it anyway
        }
    }

    /** Primer Dark for DARK; Primer Light otherwise (SYSTEM starts light until the operating system answers). */
    private static Theme atlantaFx(UserSettings.Theme theme) {
        return theme == UserSettings.Theme.DARK ? new PrimerDark() : new PrimerLight();
    }

    /** LIGHT or DARK: the theme on screen now (null before the first one is applied). */
    public ReadOnlyObjectProperty<UserSettings.Theme> appliedProperty() {
        return applied.getReadOnlyProperty();
    }
}
