package app.licensedesk.service.activity;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where License Desk keeps its per-user data (the activity log): the folder each OS's conventions name for
 * application data that is not a setting and not a cache.
 *
 * <p>{@code logging/LogFolder} answers the same question for the log files. The two stay apart on purpose: the layer
 * rules let logging (which logback loads before the app) use nothing of ours and be used only by the root package,
 * so neither can call the other, and all they would share is the OS test: every folder and variable differs. A
 * common helper would have to go into model, which holds license rules. Both follow the same conventions instead,
 * tested alike: the OS's own separator, and an unset or relative variable falls back to the home folder.
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
        return Path.of(of(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home", ".")));
    }

    /**
     * The data folder for an OS, written with that OS's separator: Windows {@code %LOCALAPPDATA%\LicenseDesk},
     * macOS {@code ~/Library/Application Support/LicenseDesk}, Linux and other Unixes
     * {@code $XDG_DATA_HOME/license-desk} (by default {@code ~/.local/share/license-desk}).
     *
     * @param osName the {@code os.name} system property
     * @param env    the environment variables
     * @param home   the {@code user.home} system property
     */
    static String of(String osName, Map<String, String> env, String home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            // an unset or relative value is no base for a per-user folder
            String base = local != null && local.matches("([A-Za-z]:|\\\\\\\\).*") ? trim(local, '\\')
                    : trim(home, '\\') + "\\AppData\\Local";
            return base + "\\LicenseDesk";
        }
        if (os.startsWith("mac")) {
            return trim(home, '/') + "/Library/Application Support/LicenseDesk";
        }
        // the XDG base directory spec: a relative XDG_DATA_HOME is invalid and ignored
        String data = env.get("XDG_DATA_HOME");
        String base = data != null && data.startsWith("/") ? trim(data, '/') : trim(home, '/') + "/.local/share";
        return base + "/license-desk";
    }

    private static String trim(String path, char separator) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.charAt(trimmed.length() - 1) == separator) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
