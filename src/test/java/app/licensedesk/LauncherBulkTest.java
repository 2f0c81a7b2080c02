package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code license-desk bulk} through the real main class, in a JVM of its own (the command ends with System.exit):
 * the command takes Logback's console appender off stdout, so Logback must be ready before it runs. When the app's
 * logging thread was still starting it, SLF4J handed out a stand-in logger and the command failed with a
 * ClassCastException, in two runs of three.
 */
class LauncherBulkTest {

    @TempDir
    Path dir;

    @Test
    void theBulkCommandStartsEveryTime() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 0; run < 4; run++) {
            Path template = dir.resolve("template-" + run + ".csv");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Launcher.class.getName(), "bulk", "--template", template.toString())
                    .redirectErrorStream(true).start();
            String output = read(process);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).doesNotContain("Exception").contains("Template written to " + template);
            assertThat(Files.readAllLines(template, StandardCharsets.UTF_8)).first().asString()
                    .endsWith("licenseKey,nodeId,activationIso");
        }
    }

    private static String read(Process process) throws IOException {
        try (var in = process.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
