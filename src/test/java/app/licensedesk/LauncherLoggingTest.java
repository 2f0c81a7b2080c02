package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app through the real main class with {@code --smoke-test}, in a JVM of its own on Monocle and with the app's
 * own logback.xml: Logback is configured only once the sign-in window is up (LoggingGate), so what was logged
 * before it (the language chosen at start) must still reach the log file, and the smoke test's line must still be
 * the last one on stdout.
 */
class LauncherLoggingTest {

    @TempDir
    Path dir;

    @Test
    void linesLoggedBeforeTheWindowReachTheLogFileAndReadyIsTheLastLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logs = dir.resolve("logs");
        String prefsNode = "license-desk-test/" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + Path.of(Launcher.class.getResource("/logback.xml").toURI()),
                "-Dlicensedesk.logDir=" + logs,
                "-Dlicensedesk.prefs=" + prefsNode,
                "-Duser.language=en", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true"));
        command.addAll(List.of(Launcher.class.getName(), "--sandbox", "--smoke-test"));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String output;
        try {
            output = read(process);
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            Preferences.userRoot().node(prefsNode).removeNode();
        }
        assertThat(process.exitValue()).as(output).isZero();
        String[] lines = output.strip().split("\\R");
        assertThat(lines[lines.length - 1]).as(output).matches("ready in \\d+ ms");
        assertThat(Files.readString(logs.resolve("license-desk.log"), StandardCharsets.UTF_8))
                .contains("Language en");
    }

    private static String read(Process process) throws IOException {
        try (var in = process.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
