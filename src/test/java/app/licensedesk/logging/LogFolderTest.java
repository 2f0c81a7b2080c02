package app.licensedesk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFolderTest {

    @Test
    void windowsUsesLocalAppData() {
        assertThat(LogFolder.of("Windows 11", Map.of("LOCALAPPDATA", "C:\\Users\\ann\\AppData\\Local"),
                "C:\\Users\\ann")).isEqualTo("C:\\Users\\ann\\AppData\\Local\\LicenseDesk\\logs");
        assertThat(LogFolder.of("Windows Server 2022", Map.of("LOCALAPPDATA", "D:\\Profiles\\ann\\Local\\"),
                "C:\\Users\\ann")).isEqualTo("D:\\Profiles\\ann\\Local\\LicenseDesk\\logs");
    }

    @Test
    void windowsWithoutAUsableLocalAppDataFallsBackToTheProfile() {
        assertThat(LogFolder.of("Windows 10", Map.of(), "C:\\Users\\ann"))
                .isEqualTo("C:\\Users\\ann\\AppData\\Local\\LicenseDesk\\logs");
        assertThat(LogFolder.of("Windows 10", Map.of("LOCALAPPDATA", "AppData"), "C:\\Users\\ann"))
                .isEqualTo("C:\\Users\\ann\\AppData\\Local\\LicenseDesk\\logs");
    }

    @Test
    void macOsUsesLibraryLogs() {
        assertThat(LogFolder.of("Mac OS X", Map.of("XDG_STATE_HOME", "/tmp/state"), "/Users/ann"))
                .isEqualTo("/Users/ann/Library/Logs/LicenseDesk");
    }

    @Test
    void linuxUsesXdgStateHome() {
        assertThat(LogFolder.of("Linux", Map.of("XDG_STATE_HOME", "/home/ann/.state/"), "/home/ann"))
                .isEqualTo("/home/ann/.state/license-desk/logs");
    }

    @Test
    void linuxWithoutXdgStateHomeOrARelativeOneUsesTheDefault() {
        assertThat(LogFolder.of("Linux", Map.of(), "/home/ann"))
                .isEqualTo("/home/ann/.local/state/license-desk/logs");
        assertThat(LogFolder.of("Linux", Map.of("XDG_STATE_HOME", "state"), "/home/ann"))
                .isEqualTo("/home/ann/.local/state/license-desk/logs");
        assertThat(LogFolder.of("FreeBSD", Map.of(), "/home/ann"))
                .isEqualTo("/home/ann/.local/state/license-desk/logs");
    }

    @Test
    void theSystemPropertyOverridesTheOsFolder() {
        System.setProperty(LogFolder.OVERRIDE_PROPERTY, "/var/tmp/desk-logs");
        try {
            assertThat(LogFolder.forThisComputer()).isEqualTo(Path.of("/var/tmp/desk-logs"));
            assertThat(new LogFolder().getPropertyValue()).isEqualTo(Path.of("/var/tmp/desk-logs").toString());
        } finally {
            System.clearProperty(LogFolder.OVERRIDE_PROPERTY);
        }
        assertThat(LogFolder.forThisComputer().toString()).endsWith("logs");
    }
}
