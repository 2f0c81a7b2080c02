package app.licensedesk.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where License Desk writes its log files: each OS's per-user folder for them. Logback asks it for {@code LOG_DIR}
 * (see logback.xml); Help &gt; Open log folder opens it.
 */
public final class LogFolder extends PropertyDefinerBase {

    /** A system property that puts the logs elsewhere (tests, or a user who wants them on another disk). */
    public static final String OVERRIDE_PROPERTY = "licensedesk.logDir";

    /** The folder on this computer, for this user. */
    public static Path forThisComputer() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(of(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home")));
    }

    /**
     * The folder for an OS, written with that OS's separator: Windows {@code %LOCALAPPDATA%\LicenseDesk\logs},
     * macOS {@code ~/Library/Logs/LicenseDesk}, Linux and other Unixes {@code $XDG_STATE_HOME/license-desk/logs}
     * (by default {@code ~/.local/state/license-desk/logs}).
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
            return base + "\\LicenseDesk\\logs";
        }
        if (os.startsWith("mac")) {
            return trim(home, '/') + "/Library/Logs/LicenseDesk";
        }
        // the XDG base directory spec: a relative XDG_STATE_HOME is invalid and ignored
        String state = env.get("XDG_STATE_HOME");
        String base = state != null && state.startsWith("/") ? trim(state, '/') : trim(home, '/') + "/.local/state";
        return base + "/license-desk/logs";
    }

    private static String trim(String path, char separator) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.charAt(trimmed.length() - 1) == separator) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** For logback.xml's {@code <define>}. */
    @Override
    public String getPropertyValue() {
        return forThisComputer().toString();
    }
}
