package app.licensedesk.service.activity;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where License Desk keeps its per-user data (the activity log): the folder each OS's conventions name for
 * application data that is not a setting and not a cache.
 */
public final class DataFolders {

    /** A system property that moves the folder, so that tests and demos do not write into a real user's data. */
    public static final String OVERRIDE_PROPERTY = "licensedesk.data";

    private DataFolders() {
    }

    /** The data folder of the user running the app (not created here). */
    public static Path forCurrentUser() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return of(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    /**
     * The data folder for an OS, its environment variables and the user's home: Windows
     * {@code %LOCALAPPDATA%\LicenseDesk}, macOS {@code ~/Library/Application Support/LicenseDesk}, Linux and other
     * Unix {@code $XDG_DATA_HOME/license-desk}, by default {@code ~/.local/share/license-desk}.
     */
    static Path of(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = isSet(local) ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("LicenseDesk");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "LicenseDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec: a relative path in the variable is invalid and must be ignored
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("license-desk");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
