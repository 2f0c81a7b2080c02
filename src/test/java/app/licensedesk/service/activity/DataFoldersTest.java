package app.licensedesk.service.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same conventions as LogFolderTest, for the data folder. */
class DataFoldersTest {

    @Test
    void windowsUsesLocalAppData() {
        assertThat(DataFolders.of("Windows 11", Map.of("LOCALAPPDATA", "C:\\Users\\ann\\AppData\\Local"),
                "C:\\Users\\ann")).isEqualTo("C:\\Users\\ann\\AppData\\Local\\LicenseDesk");
        assertThat(DataFolders.of("Windows Server 2022", Map.of("LOCALAPPDATA", "D:\\Profiles\\ann\\Local\\"),
                "C:\\Users\\ann")).isEqualTo("D:\\Profiles\\ann\\Local\\LicenseDesk");
    }

    @Test
    void windowsWithoutAUsableLocalAppDataFallsBackToTheProfile() {
        assertThat(DataFolders.of("Windows 10", Map.of(), "C:\\Users\\ann"))
                .isEqualTo("C:\\Users\\ann\\AppData\\Local\\LicenseDesk");
        assertThat(DataFolders.of("Windows 10", Map.of("LOCALAPPDATA", "AppData"), "C:\\Users\\ann"))
                .isEqualTo("C:\\Users\\ann\\AppData\\Local\\LicenseDesk");
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataFolders.of("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), "/Users/ann"))
                .isEqualTo("/Users/ann/Library/Application Support/LicenseDesk");
    }

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataFolders.of("Linux", Map.of("XDG_DATA_HOME", "/data/ann/"), "/home/ann"))
                .isEqualTo("/data/ann/license-desk");
    }

    @Test
    void linuxWithoutXdgDataHomeOrARelativeOneUsesLocalShare() {
        assertThat(DataFolders.of("Linux", Map.of(), "/home/ann"))
                .isEqualTo("/home/ann/.local/share/license-desk");
        assertThat(DataFolders.of("Linux", Map.of("XDG_DATA_HOME", " "), "/home/ann"))
                .isEqualTo("/home/ann/.local/share/license-desk");
        assertThat(DataFolders.of("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), "/home/ann"))
                .isEqualTo("/home/ann/.local/share/license-desk");
        assertThat(DataFolders.of("FreeBSD", Map.of(), "/home/ann"))
                .isEqualTo("/home/ann/.local/share/license-desk");
    }

    @Test
    void theSystemPropertyMovesTheFolder() {
        String before = System.getProperty(DataFolders.OVERRIDE_PROPERTY);
        try {
            System.setProperty(DataFolders.OVERRIDE_PROPERTY, "/tmp/license-desk-test-data");
            assertThat(DataFolders.forCurrentUser()).isEqualTo(Path.of("/tmp/license-desk-test-data"));
        } finally {
            if (before == null) {
                System.clearProperty(DataFolders.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(DataFolders.OVERRIDE_PROPERTY, before);
            }
        }
    }
}
