package app.licensedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a plain {@code java -jar} hands the app to a JVM on the jar's class-data archive, with which command line,
 * under which name the archive is kept, and what becomes of the file a first start made. The hand-over itself is
 * run on the built jar by {@code .ci/run} (two starts with an empty cache folder: the first makes the archive, the
 * second maps it).
 */
class ClassDataLaunchTest {

    private static final String[] APP = {"--sandbox"};
    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";

    @Test
    void aPlainStartOfTheWindowIsHandedOver() {
        assertThat(byJava(List.of())).isTrue();
        assertThat(byJava(List.of("-Xmx512m", "-Dlicensedesk.prefs=x"), "--sandbox")).isTrue();
        assertThat(byJava(List.of(), "--smoke-test")).isTrue();
        assertThat(ClassDataLaunch.wanted(null, null, "C:\\jdk17\\bin\\javaw.exe", List.of(), APP)).isTrue();
    }

    @Test
    void aStartThatChoseItsClassDataOrADebuggerOrIsNotTheWindowStaysHere() {
        assertThat(ClassDataLaunch.wanted("off", null, JAVA, List.of(), APP)).as("classData=off").isFalse();
        assertThat(ClassDataLaunch.wanted(null, "1764680000000", JAVA, List.of(), APP)).as("the child").isFalse();
        for (String option : List.of("-XX:SharedArchiveFile=a.jsa", "-XX:ArchiveClassesAtExit=a.jsa", "-Xshare:off",
                "-Xshare:auto", "-agentlib:jdwp=transport=dt_socket", "-javaagent:x.jar", "-agentpath:/x.so")) {
            assertThat(byJava(List.of("-Xmx256m", option), "--sandbox")).as(option).isFalse();
        }
        assertThat(byJava(List.of(), "bulk", "claim", "x.csv")).isFalse();
        assertThat(byJava(List.of(), "--sandbox-server")).isFalse();
        assertThat(byJava(List.of(), "--sandbox", "--help")).isFalse();
        assertThat(byJava(List.of(), "-h")).isFalse();
        assertThat(ClassDataLaunch.wanted(null, null, "/opt/license-desk/bin/license-desk", List.of(), APP))
                .as("an installed app's launcher takes no JVM options").isFalse();
        assertThat(ClassDataLaunch.wanted(null, null, "C:\\Program Files\\License Desk\\License Desk.exe",
                List.of(), APP)).isFalse();
    }

    private static boolean byJava(List<String> jvmOptions, String... args) {
        return ClassDataLaunch.wanted(null, null, JAVA, jvmOptions, args);
    }

    @Test
    void theChildRunsTheSameJarWithTheUsersOptionsOnTheArchiveOrMakingIt() {
        Path jar = Path.of("/opt/desk/license-desk.jar");
        List<String> options = List.of("-Xmx512m", "-Dlicensedesk.prefs=demo");
        assertThat(ClassDataLaunch.command("/usr/bin/java", jar, Path.of("/c/a.jsa"), null, options, 42, APP))
                .containsExactly("/usr/bin/java", "-XX:SharedArchiveFile=/c/a.jsa", "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off", "-Xmx512m", "-Dlicensedesk.prefs=demo",
                        "-Dlicensedesk.launchedAt=42", "-jar", "/opt/desk/license-desk.jar", "--sandbox");
        assertThat(ClassDataLaunch.command("java", jar, null, Path.of("/c/a.jsa.7.tmp"), List.of(), 42, APP))
                .startsWith("java", "-XX:ArchiveClassesAtExit=/c/a.jsa.7.tmp").endsWith("--sandbox");
    }

    @Test
    void anArchiveIsNamedAfterTheJarAndTheJava() {
        Path jar = Path.of("/opt/desk/license-desk.jar");
        String name = ClassDataLaunch.archiveName(jar, 100, 5, "/jdk", "17.0.15");
        assertThat(name).matches("license-desk-[0-9a-f]{16}\\.jsa")
                .isEqualTo(ClassDataLaunch.archiveName(jar, 100, 5, "/jdk", "17.0.15"));
        assertThat(List.of(ClassDataLaunch.archiveName(jar, 101, 5, "/jdk", "17.0.15"),
                ClassDataLaunch.archiveName(jar, 100, 6, "/jdk", "17.0.15"),
                ClassDataLaunch.archiveName(Path.of("/other/license-desk.jar"), 100, 5, "/jdk", "17.0.15"),
                ClassDataLaunch.archiveName(jar, 100, 5, "/jdk2", "17.0.15"),
                ClassDataLaunch.archiveName(jar, 100, 5, "/jdk", "17.0.16")))
                .doesNotContain(name).doesNotHaveDuplicates();
    }

    @Test
    void aMadeArchiveIsKeptWhenTheAppEndedWellAndReplacesTheOthers(@TempDir Path cache) throws IOException {
        Path old = Files.writeString(cache.resolve("license-desk-0000000000000000.jsa"), "old jar's");
        Path otherStart = Files.writeString(cache.resolve("license-desk-1111111111111111.jsa.9.tmp"), "in progress");
        Path archive = cache.resolve("license-desk-2222222222222222.jsa");
        Path making = Files.writeString(cache.resolve(archive.getFileName() + ".8.tmp"), "classes");

        ClassDataLaunch.keep(making, archive, true);
        assertThat(archive).hasContent("classes");
        assertThat(making).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(otherStart).as("another start's file in progress").exists();
    }

    @Test
    void aMadeArchiveIsDroppedWhenTheAppFailedOrNothingWasWritten(@TempDir Path cache) throws IOException {
        Path archive = cache.resolve("license-desk-2222222222222222.jsa");
        Path making = Files.writeString(cache.resolve("a.tmp"), "half");
        ClassDataLaunch.keep(making, archive, false);
        assertThat(making).doesNotExist();
        assertThat(archive).doesNotExist();

        Path empty = Files.createFile(cache.resolve("b.tmp"));
        ClassDataLaunch.keep(empty, archive, true);
        assertThat(empty).doesNotExist();
        assertThat(archive).doesNotExist();
        ClassDataLaunch.keep(cache.resolve("never-written.tmp"), archive, true);
        assertThat(archive).doesNotExist();
    }

    @Test
    void anInstalledLinuxAppWithoutItsOwnArchiveIsHandedToItsRuntimesJava(@TempDir Path image) throws IOException {
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Path jar = Files.writeString(app.resolve("license-desk.jar"), "x");
        Path home = image.resolve("lib/runtime");
        Path java = Files.createFile(Files.createDirectories(home.resolve("bin")).resolve("java"));
        assertThat(ClassDataLaunch.installedJava(jar, "Linux", home.toString())).as("not executable").isEmpty();
        assertThat(java.toFile().setExecutable(true)).isTrue();

        assertThat(ClassDataLaunch.installedJava(jar, "Linux", home.toString())).contains(java.toString());
        assertThat(ClassDataLaunch.installedJava(jar, "Windows 11", home.toString())).as("its own taskbar").isEmpty();
        assertThat(ClassDataLaunch.installedJava(jar, "Mac OS X", home.toString())).as("its own Dock").isEmpty();
        Files.writeString(jar.resolveSibling("license-desk.jsa"), "the app image's archive");
        assertThat(ClassDataLaunch.installedJava(jar, "Linux", home.toString())).isEmpty();

        assertThat(ClassDataLaunch.withoutClassData(List.of("-Djpackage.app-version=1.0.0", "-Xmx256m",
                "-XX:SharedArchiveFile=/opt/x/classes.jsa:/opt/x/license-desk.jsa", "-Xshare:auto")))
                .containsExactly("-Djpackage.app-version=1.0.0", "-Xmx256m");
        List<String> making = List.of("-Xmx256m", "-XX:ArchiveClassesAtExit=/tmp/image/lib/app/license-desk.jsa");
        assertThat(ClassDataLaunch.withoutClassData(making)).as("cds-archive.sh making the image's archive")
                .isEqualTo(making);
        assertThat(ClassDataLaunch.wanted(null, null, java.toString(), ClassDataLaunch.withoutClassData(making), APP))
                .isFalse();
    }
}
