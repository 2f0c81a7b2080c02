package app.licensedesk;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A plain {@code java -jar license-desk.jar} on its class-data archive (AppCDS). JDK 17 neither makes nor finds an
 * archive by itself, and a jar cannot name JVM options, so the JVM the user started hands the app to one that maps
 * the archive: it runs the same Java with {@code -XX:SharedArchiveFile} and the same options and arguments, passes
 * on its input and output, and ends with the child's exit code; a stopped parent stops the child. The first start
 * (and the first after the jar or the Java changed) makes the archive instead, with {@code -XX:ArchiveClassesAtExit}
 * into a file of its own that becomes the archive when the app ended well. The archive lives in the user's cache
 * folder ({@link UserFolders#cache()}), named after the jar (path, size, time) and the Java, and replaces the ones
 * of other jars. The hand-over costs a JVM's start, about 50 ms here; the archive saves several times that.
 *
 * <p>Not handed over: a start that names class data or a debugger or an agent itself (as {@code license-desk.sh} and
 * the installed launchers do), a start by another program than {@code java} or {@code javaw} (an installed app's
 * launcher: only where an installed Linux app has no archive of its own, its runtime's java takes the app, see
 * {@link #installedJava}), the headless {@code bulk} command, {@code --sandbox-server}, {@code --help}, a start
 * from classes rather than a jar, and any start with {@code -Dlicensedesk.classData=off}. The child runs the same
 * program, so a {@code javaw} start opens no console.
 */
final class ClassDataLaunch {

    /** {@code -Dlicensedesk.classData=off} runs the app in the JVM the user started. */
    static final String PROPERTY = "licensedesk.classData";
    /** Set on the child: when the JVM the user started began (ms since the epoch), for {@link SmokeTest}. */
    static final String LAUNCHED_AT = "licensedesk.launchedAt";

    private ClassDataLaunch() {
    }

    /**
     * Runs the app in a JVM on the archive when this start should hand it over.
     *
     * @return the child's exit code, or empty when this JVM runs the app itself
     */
    static OptionalInt handOver(String[] args) {
        Optional<Path> jar = ownJar();
        // the child itself: known before the OS and the management beans are asked, which would cost its start
        if (jar.isEmpty() || System.getProperty(LAUNCHED_AT) != null) {
            return OptionalInt.empty();
        }
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        Optional<String> java = ProcessHandle.current().info().command();
        List<String> jvm = runtime.getInputArguments();
        if (System.getProperty("jpackage.app-path") != null) {
            // an installed app: its launcher takes no JVM options, so the child is the runtime's own java
            java = installedJava(jar.get(), System.getProperty("os.name"), System.getProperty("java.home"));
            jvm = withoutClassData(jvm);
        }
        if (java.isEmpty() || !wanted(System.getProperty(PROPERTY), null /* not the child: above */, java.get(), jvm,
                args)) {
            return OptionalInt.empty();
        }
        Path archive;
        Path making;
        Process child;
        try {
            Path folder = Files.createDirectories(UserFolders.cache());
            archive = folder.resolve(archiveName(jar.get(), Files.size(jar.get()),
                    Files.getLastModifiedTime(jar.get()).toMillis(), System.getProperty("java.home"),
                    System.getProperty("java.vm.version")));
            making = Files.isRegularFile(archive) ? null : folder.resolve(archive.getFileName().toString()
                    .concat(".").concat(Long.toString(ProcessHandle.current().pid())).concat(".tmp"));
            child = new ProcessBuilder(command(java.get(), jar.get(), making == null ? archive : null, making, jvm,
                    runtime.getStartTime(), args)).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            // no cache folder, no child: the app runs here, as without an archive
            return OptionalInt.empty();
        }
        // from here on the app runs in the child, whatever happens: never run it here too
        Runtime.getRuntime().addShutdownHook(new StopChild(child));
        int code = waitFor(child);
        if (making != null) {
            try {
                keep(making, archive, code == 0);
            } catch (IOException | RuntimeException e) {
                // an archive that could not be kept (another start maps it, say): the next start makes one
            }
        }
        return OptionalInt.of(code);
    }

    /**
     * The java of an installed app's runtime to hand the app to, where the app has no class-data archive of its own
     * beside its jar: the Linux DEB, which is built before the app image's archive is made (and an archive made
     * elsewhere would not do: JDK 17 maps it only for the jar's path at dumping). Only on Linux: on Windows and macOS
     * a window of the runtime's java would not be the installed app's in the taskbar and the Dock. The app image
     * carries its archive ({@code installer/linux/cds-archive.sh}) and is not handed over.
     */
    static Optional<String> installedJava(Path jar, String osName, String javaHome) {
        Path java = Path.of(javaHome, "bin", "java");
        boolean ownArchive = Files.isRegularFile(jar.resolveSibling("license-desk.jsa"));
        if (osName == null || !osName.startsWith("Linux") || ownArchive || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        return Optional.of(java.toString());
    }

    /**
     * The options without the installed launcher's class-data choice (it names the archive that is missing). An
     * {@code -XX:ArchiveClassesAtExit} stays, so {@link #wanted} keeps a run that makes an archive where it was
     * started: {@code installer/linux/cds-archive.sh} starts the image's launcher so, through JAVA_TOOL_OPTIONS.
     */
    static List<String> withoutClassData(List<String> jvmOptions) {
        List<String> kept = new ArrayList<>();
        for (String option : jvmOptions) {
            if (!option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-Xshare")) {
                kept.add(option);
            }
        }
        return kept;
    }

    /**
     * Whether a start by this program with these JVM options and arguments hands the app over (the rules in the
     * class comment). Only the JDK's own java or javaw takes JVM options on its command line: an installed app's
     * launcher (jpackage's, which also sets {@code jpackage.app-path}) would take them for the app's arguments.
     */
    static boolean wanted(String property, String launchedAt, String program, List<String> jvmOptions, String[] args) {
        String name = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        if ("off".equalsIgnoreCase(property) || launchedAt != null
                || !List.of("java", "javaw", "java.exe", "javaw.exe").contains(name)) {
            return false;
        }
        for (String option : jvmOptions) {
            if (option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-XX:ArchiveClassesAtExit")
                    || option.startsWith("-Xshare") || option.startsWith("-agentlib") || option.startsWith("-agentpath")
                    || option.startsWith("-javaagent") || option.startsWith("-Xrunjdwp")) {
                return false;
            }
        }
        List<String> given = Arrays.asList(args);
        return !(given.contains("--help") || given.contains("-h")
                || (!given.isEmpty() && (given.get(0).equals("bulk") || given.get(0).equals("--sandbox-server"))));
    }

    /**
     * The child's command line: the archive to map, or the file to make one in (exactly one is given), the CDS
     * messages off (a stale archive is skipped quietly, the JDK's own archive still used), the user's JVM options,
     * the parent's start, then {@code -jar} and the arguments.
     */
    static List<String> command(String java, Path jar, Path archive, Path making, List<String> jvmOptions,
                                long launchedAt, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add(archive != null ? "-XX:SharedArchiveFile=".concat(archive.toString())
                : "-XX:ArchiveClassesAtExit=".concat(making.toString()));
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.addAll(jvmOptions);
        command.add("-D".concat(LAUNCHED_AT).concat("=").concat(Long.toString(launchedAt)));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * "license-desk-<hash>.jsa": one name per jar (its path, size and time) and Java, as the JVM checks them. The
     * hash is FNV-1a over those, 64 bits: a message digest would load the security providers before the hand-over.
     * (Strings are joined with {@code concat} in this class: the first {@code +} of a JVM bootstraps its string
     * concatenation, milliseconds the start waits for.)
     */
    static String archiveName(Path jar, long size, long modified, String javaHome, String javaVersion) {
        String key = String.join("\n", jar.toAbsolutePath().toString(), Long.toString(size), Long.toString(modified),
                javaHome, javaVersion);
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        return "license-desk-".concat("0".repeat(16 - hex.length())).concat(hex).concat(".jsa");
    }

    /** The archive a child made becomes the one of this jar when the app ended well; the others go. */
    static void keep(Path making, Path archive, boolean endedWell) throws IOException {
        if (!endedWell || !Files.isRegularFile(making) || Files.size(making) == 0) {
            Files.deleteIfExists(making);
            return;
        }
        Files.move(making, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), "license-desk-*.jsa")) {
            for (Path each : old) {
                if (!each.equals(archive)) {
                    Files.deleteIfExists(each);
                }
            }
        }
    }

    /**
     * Stops the app when the JVM the user started is stopped (a class, not a lambda: the first lambda of a JVM costs
     * milliseconds, before the hand-over).
     */
    private static final class StopChild extends Thread {
        private final Process child;

        StopChild(Process child) {
            super("license-desk-stop-child");
            this.child = child;
        }

        @Override
        public void run() {
            child.destroy();
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // nothing interrupts the main thread here; keep waiting for the app
            }
        }
    }

    /** The jar this class was loaded from, if it was loaded from a jar. */
    private static Optional<Path> ownJar() {
        CodeSource source = ClassDataLaunch.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
