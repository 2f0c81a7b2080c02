package app.licensedesk;

import static app.licensedesk.UserFolders.Kind.CACHE;
import static app.licensedesk.UserFolders.Kind.DATA;
import static app.licensedesk.UserFolders.Kind.LOGS;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.UserFolders.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The data, log and cache folders of each OS, and the properties that move them. */
class UserFoldersTest {

    /** Each row: the folder, os.name, one environment variable (or none), user.home, and the folder expected. */
    static Stream<Arguments> folders() {
        String local = "LOCALAPPDATA";
        return Stream.of(
            // Windows: %LOCALAPPDATA%, or the profile's AppData\Local where it is unset or relative
            row(DATA, "Windows 11", local, "C:\\Users\\ann\\AppData\\Local", "C:\\Users\\ann",
                "C:\\Users\\ann\\AppData\\Local\\LicenseDesk"),
            row(DATA, "Windows Server 2022", local, "D:\\Profiles\\ann\\Local\\", "C:\\Users\\ann",
                "D:\\Profiles\\ann\\Local\\LicenseDesk"),
            row(DATA, "Windows 10", null, null, "C:\\Users\\ann", "C:\\Users\\ann\\AppData\\Local\\LicenseDesk"),
            row(DATA, "Windows 10", local, "AppData", "C:\\Users\\ann", "C:\\Users\\ann\\AppData\\Local\\LicenseDesk"),
            row(LOGS, "Windows 11", local, "C:\\Users\\ann\\AppData\\Local", "C:\\Users\\ann",
                "C:\\Users\\ann\\AppData\\Local\\LicenseDesk\\logs"),
            row(LOGS, "Windows Server 2022", local, "D:\\Profiles\\ann\\Local\\", "C:\\Users\\ann",
                "D:\\Profiles\\ann\\Local\\LicenseDesk\\logs"),
            row(LOGS, "Windows 10", null, null, "C:\\Users\\ann", "C:\\Users\\ann\\AppData\\Local\\LicenseDesk\\logs"),
            row(LOGS, "Windows 10", local, "AppData", "C:\\Users\\ann",
                "C:\\Users\\ann\\AppData\\Local\\LicenseDesk\\logs"),
            // macOS: ~/Library, whatever the XDG variables say
            row(DATA, "Mac OS X", "XDG_DATA_HOME", "/ignored", "/Users/ann",
                "/Users/ann/Library/Application Support/LicenseDesk"),
            row(LOGS, "Mac OS X", "XDG_STATE_HOME", "/tmp/state", "/Users/ann", "/Users/ann/Library/Logs/LicenseDesk"),
            // Linux and other Unixes: the XDG variable when it is absolute, else its default under the home folder
            row(DATA, "Linux", "XDG_DATA_HOME", "/data/ann/", "/home/ann", "/data/ann/license-desk"),
            row(DATA, "Linux", null, null, "/home/ann", "/home/ann/.local/share/license-desk"),
            row(DATA, "Linux", "XDG_DATA_HOME", " ", "/home/ann", "/home/ann/.local/share/license-desk"),
            row(DATA, "Linux", "XDG_DATA_HOME", "relative/dir", "/home/ann", "/home/ann/.local/share/license-desk"),
            row(DATA, "FreeBSD", null, null, "/home/ann", "/home/ann/.local/share/license-desk"),
            row(LOGS, "Linux", "XDG_STATE_HOME", "/home/ann/.state/", "/home/ann",
                "/home/ann/.state/license-desk/logs"),
            row(LOGS, "Linux", null, null, "/home/ann", "/home/ann/.local/state/license-desk/logs"),
            row(LOGS, "Linux", "XDG_STATE_HOME", "state", "/home/ann", "/home/ann/.local/state/license-desk/logs"),
            row(LOGS, "FreeBSD", null, null, "/home/ann", "/home/ann/.local/state/license-desk/logs"),
            row(CACHE, "Windows 11", "LOCALAPPDATA", "C:\\Users\\ann\\AppData\\Local", "C:\\Users\\ann",
                "C:\\Users\\ann\\AppData\\Local\\LicenseDesk\\cache"),
            row(CACHE, "Mac OS X", "XDG_CACHE_HOME", "/ignored", "/Users/ann", "/Users/ann/Library/Caches/LicenseDesk"),
            row(CACHE, "Linux", "XDG_CACHE_HOME", "/var/cache/ann/", "/home/ann", "/var/cache/ann/license-desk"),
            row(CACHE, "Linux", null, null, "/home/ann", "/home/ann/.cache/license-desk"),
            row(CACHE, "Linux", "XDG_CACHE_HOME", "cache", "/home/ann", "/home/ann/.cache/license-desk"));
    }

    private static Arguments row(Kind kind, String os, String variable, String value, String home, String expected) {
        return Arguments.of(kind, os, variable == null ? Map.of() : Map.of(variable, value), home, expected);
    }

    @ParameterizedTest(name = "{0} on {1} with {2}")
    @MethodSource("folders")
    void eachOsHasItsFolder(Kind kind, String os, Map<String, String> env, String home, String expected) {
        assertThat(UserFolders.of(kind, os, env, home)).isEqualTo(expected);
    }

    @Test
    void theDataPropertyMovesTheDataFolder() {
        String before = System.getProperty(UserFolders.DATA_PROPERTY);
        try {
            System.setProperty(UserFolders.DATA_PROPERTY, "/tmp/license-desk-test-data");
            assertThat(UserFolders.data()).isEqualTo(Path.of("/tmp/license-desk-test-data"));
        } finally {
            if (before == null) {
                System.clearProperty(UserFolders.DATA_PROPERTY);
            } else {
                System.setProperty(UserFolders.DATA_PROPERTY, before);
            }
        }
    }

    @Test
    void theLogsPropertyMovesTheLogFolderAlsoForLogback() {
        System.setProperty(UserFolders.LOGS_PROPERTY, "/var/tmp/desk-logs");
        try {
            assertThat(UserFolders.logs()).isEqualTo(Path.of("/var/tmp/desk-logs"));
            assertThat(new UserFolders.LogDir().getPropertyValue()).isEqualTo(Path.of("/var/tmp/desk-logs").toString());
        } finally {
            System.clearProperty(UserFolders.LOGS_PROPERTY);
        }
        assertThat(UserFolders.logs().toString()).endsWith("logs");
    }
}
