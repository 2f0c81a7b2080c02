package app.licensedesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Supplier;
import javafx.application.Application;
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
        Application.setUserAgentStylesheet(theme == UserSettings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        applied.set(theme);
    }

    /** LIGHT or DARK: the theme on screen now (null before the first one is applied). */
    public ReadOnlyObjectProperty<UserSettings.Theme> appliedProperty() {
        return applied.getReadOnlyProperty();
    }
}
