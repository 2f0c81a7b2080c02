package app.licensedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The list of third-party libraries in About names exactly the app's runtime dependencies, at their versions, each
 * with a licence: a new or upgraded dependency fails here until its licence is written down.
 */
class ThirdPartyLicensesTest {

    /** A line of mvn dependency:list, e.g. "   org.openjfx:javafx-base:jar:linux:21.0.11:compile -- module ...". */
    private static final Pattern DEPENDENCY =
            Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):jar(?::[\\w.-]+)?:([\\w.-]+):(?:compile|runtime)\\b");

    @Test
    void everyRuntimeDependencyIsListedAtItsVersionAndNothingElse() throws IOException {
        Map<String, String> runtime = runtimeDependencies();
        assertThat(runtime).as("the runtime dependencies Maven listed").containsKey("org.openjfx:javafx-base")
                .containsKey("com.squareup.okhttp3:okhttp-jvm");
        // toMap refuses a library listed twice
        Map<String, String> listed = AboutInfo.readLibraries().stream()
                .collect(Collectors.toMap(AboutInfo.Library::coordinates, AboutInfo.Library::version));
        assertThat(listed).as("third-party.tsv against the runtime dependencies").isEqualTo(runtime);
        assertThat(AboutInfo.readLibraries()).allSatisfy(library -> {
            assertThat(library.name()).isNotBlank();
            assertThat(library.licence()).isNotBlank();
            assertThat(library.url()).startsWith("https://");
        });
    }

    @Test
    void theVersionAndBuildDateAreFilledInByMaven() {
        AboutInfo info = AboutInfo.load();
        assertThat(info.version()).isEqualTo(System.getProperty("licensedesk.expectedVersion")).doesNotContain("$");
        assertThat(info.buildDate()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    }

    private static Map<String, String> runtimeDependencies() throws IOException {
        Path file = Path.of(System.getProperty("licensedesk.runtimeDependencies", "target/runtime-dependencies.txt"));
        Map<String, String> dependencies = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.find()) {
                // JavaFX comes as an empty jar plus the OS's classifier jar, at one version
                dependencies.put(m.group(1) + ":" + m.group(2), m.group(3));
            }
        }
        return dependencies;
    }
}
