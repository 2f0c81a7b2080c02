package app.licensedesk;

import ch.qos.logback.core.PropertyDefinerBase;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where License Desk keeps its files for the user running it, by each OS's conventions: the data folder (the
 * activity log) and the log folder (logback.xml asks {@link LogDir}; Help &gt; Open log folder opens it). The one
 * place for that decision. It lives with the start-up classes, which are the only ones to choose a folder, and
 * which the layer rules let use the service and the logging packages alike (neither may use the other).
 */
public final class UserFolders {

    /** A system property that moves the data folder, so that tests and demos do not write into a real user's data. */
    public static final String DATA_PROPERTY = "licensedesk.data";
    /** A system property that puts the logs elsewhere (tests, or a user who wants them on another disk). */
    public static final String LOGS_PROPERTY = "licensedesk.logDir";
    /** A system property that moves the cache folder (the jar's class-data archive: {@link ClassDataLaunch}). */
    public static final String CACHE_PROPERTY = "licensedesk.cache";

    /** The two folders: each one's overriding property and its place on Windows, macOS and by the XDG spec. */
    enum Kind {
        DATA(DATA_PROPERTY, "\\LicenseDesk", "/Library/Application Support/LicenseDesk", "XDG_DATA_HOME",
            "/.local/share", "/license-desk"),
        LOGS(LOGS_PROPERTY, "\\LicenseDesk\\logs", "/Library/Logs/LicenseDesk", "XDG_STATE_HOME",
            "/.local/state", "/license-desk/logs"),
        CACHE(CACHE_PROPERTY, "\\LicenseDesk\\cache", "/Library/Caches/LicenseDesk", "XDG_CACHE_HOME", "/.cache",
            "/license-desk");

        private final String property;
        private final String windows;
        private final String mac;
        private final String xdgVariable;
        private final String xdgDefault;
        private final String xdg;

        Kind(String property, String windows, String mac, String xdgVariable, String xdgDefault, String xdg) {
            this.property = property;
            this.windows = windows;
            this.mac = mac;
            this.xdgVariable = xdgVariable;
            this.xdgDefault = xdgDefault;
            this.xdg = xdg;
        }
    }

    private UserFolders() {
    }

    /** The data folder of the user running the app (not created here). */
    public static Path data() {
        return forThisUser(Kind.DATA);
    }

    /** The log folder of the user running the app (logback creates it). */
    public static Path logs() {
        return forThisUser(Kind.LOGS);
    }

    /** The cache folder of the user running the app: what can be made again (not created here). */
    public static Path cache() {
        return forThisUser(Kind.CACHE);
    }

    private static Path forThisUser(Kind kind) {
        String override = System.getProperty(kind.property);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(of(kind, System.getProperty("os.name"), System.getenv(), System.getProperty("user.home", ".")));
    }

    /**
     * The folder for an OS, written with that OS's separator. Windows: {@code %LOCALAPPDATA%\LicenseDesk}, the logs
     * in {@code logs} inside it. macOS: {@code ~/Library/Application Support/LicenseDesk} and
     * {@code ~/Library/Logs/LicenseDesk}. Linux and other Unixes: {@code $XDG_DATA_HOME/license-desk} (by default
     * {@code ~/.local/share/license-desk}) and {@code $XDG_STATE_HOME/license-desk/logs} (by default
     * {@code ~/.local/state/license-desk/logs}). The cache: {@code %LOCALAPPDATA%\\LicenseDesk\\cache},
     * {@code ~/Library/Caches/LicenseDesk}, {@code $XDG_CACHE_HOME/license-desk} (by default
     * {@code ~/.cache/license-desk}).
     *
     * @param osName the {@code os.name} system property
     * @param env    the environment variables
     * @param home   the {@code user.home} system property
     */
    static String of(Kind kind, String osName, Map<String, String> env, String home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            // an unset or relative value is no base for a per-user folder
            String base = local != null && local.matches("([A-Za-z]:|\\\\\\\\).*") ? trim(local, '\\')
                    : trim(home, '\\') + "\\AppData\\Local";
            return base + kind.windows;
        }
        if (os.startsWith("mac")) {
            return trim(home, '/') + kind.mac;
        }
        // the XDG base directory spec: a relative value is invalid and ignored
        String set = env.get(kind.xdgVariable);
        String base = set != null && set.startsWith("/") ? trim(set, '/') : trim(home, '/') + kind.xdgDefault;
        return base + kind.xdg;
    }

    private static String trim(String path, char separator) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.charAt(trimmed.length() - 1) == separator) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** The log folder for logback.xml's {@code <define name="LOG_DIR">}. */
    public static final class LogDir extends PropertyDefinerBase {

        @Override
        public String getPropertyValue() {
            return logs().toString();
        }
    }
}
