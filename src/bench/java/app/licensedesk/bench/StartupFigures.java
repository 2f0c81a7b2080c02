package app.licensedesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Target 1: whole processes, launch to the sign-in window shown ({@code --smoke-test}), beside {@link BareWindow}
 * started the same way on the same JVM: from the jar on this JDK, and from the app image on its own runtime (its
 * {@code bin/java}); the jar plainly (which hands the app to a JVM on its AppCDS archive), through
 * {@code license-desk.sh} (the same archive, named by the script) and, for information, run in the JVM started
 * (no archive). Runs
 * alternate, so a burst of load on the shared machine hits every variant alike.
 */
final class StartupFigures {

    static final int RUNS = 5;

    private StartupFigures() {
    }

    static List<Figure> measure(Path target) throws Exception {
        Path work = Files.createDirectories(target.resolve("bench/startup"));
        Path jar = target.resolve("license-desk.jar");
        Path bareJar = bareJar(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path image = target.resolve("installer/license-desk");
        boolean haveImage = Files.isExecutable(image.resolve("bin/license-desk"));
        try (Display display = Display.open(work)) {
            Map<String, String> env = display.env();
            // the jar with its AppCDS archive, as the README starts it: license-desk.sh makes the archive at the
            // first start of the window (beside the jar) and maps it from then on
            Path script = target.toAbsolutePath().getParent().resolve("license-desk.sh");
            Path jsa = target.resolve("license-desk.jsa");
            Map<String, String> scriptEnv = new LinkedHashMap<>(env);
            scriptEnv.put("LICENSE_DESK_JAR", jar.toAbsolutePath().toString());
            scriptEnv.put("JAVA", java);
            Files.deleteIfExists(jsa);
            Processes.run(List.of("sh", script.toString(), "--smoke-test"), scriptEnv, work.resolve("dump.log"), 180);

            // the bare window with an AppCDS archive of its own, made the same way (the dump at exit of a first run)
            Path bareJsa = work.resolve("bare-window.jsa");
            Files.deleteIfExists(bareJsa);
            Processes.run(List.of(java, "-XX:ArchiveClassesAtExit=" + bareJsa, "-cp", jar + ":" + bareJar,
                    BareWindow.class.getName()), env, work.resolve("bare-dump.log"), 180);

            // a plain java -jar hands the app to a JVM on the jar's archive (ClassDataLaunch), which its first start
            // makes in the cache folder: that start is not measured
            Path cache = work.resolve("cache");
            deleteTree(cache);
            List<String> plainJar = List.of(java, "-Dlicensedesk.cache=" + cache, "-jar", jar.toString(),
                    "--smoke-test");
            Processes.run(plainJar, env, work.resolve("jar-dump.log"), 180);

            Map<String, List<String>> variants = new LinkedHashMap<>();
            Map<String, Map<String, String>> envs = new LinkedHashMap<>();
            variants.put("bare-jdk", List.of(java, "-cp", jar + ":" + bareJar, BareWindow.class.getName()));
            if (Files.exists(bareJsa)) {
                variants.put("bare-cds", List.of(java, "-XX:SharedArchiveFile=" + bareJsa, "-cp", jar + ":" + bareJar,
                        BareWindow.class.getName()));
            }
            variants.put("jar", plainJar);
            variants.put("jar-here", List.of(java, "-Dlicensedesk.classData=off", "-jar", jar.toString(),
                    "--smoke-test"));
            if (Files.exists(jsa)) {
                variants.put("jar-cds", List.of("sh", script.toString(), "--smoke-test"));
                envs.put("jar-cds", scriptEnv);
            }
            if (haveImage) {
                Path runtime = runtimeWithJava(image, work, java);
                variants.put("bare-image", List.of(runtime.resolve("bin/java").toString(), "-cp",
                        image.resolve("lib/app/license-desk.jar") + ":" + bareJar, BareWindow.class.getName()));
                variants.put("image", List.of(image.resolve("bin/license-desk").toString(), "--smoke-test"));
            }
            Map<String, List<Long>> times = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            for (int round = 0; round < RUNS; round++) {
                for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                    Processes.Run run = Processes.run(v.getValue(), envs.getOrDefault(v.getKey(), env),
                            work.resolve(v.getKey() + ".log"), 120);
                    if (run.readyMillis() < 0) {
                        failures.put(v.getKey(), "exit " + run.exit() + ": " + tail(run.output()));
                    } else {
                        times.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(run.readyMillis());
                    }
                }
            }
            System.out.println("startup times (ms): " + times + (failures.isEmpty() ? "" : " failures " + failures));
            List<Figure> figures = new ArrayList<>();
            figures.add(figure("From the jar (java -jar license-desk.jar)", times, "jar", "bare-jdk", failures,
                    "no JVM option: the JVM started hands the app to one on the jar's AppCDS archive "
                    + "(ClassDataLaunch: the same java with -XX:SharedArchiveFile, the archive made by the jar's first "
                    + "start in the user's cache folder, not measured here); the time counts from the first JVM's "
                    + "start, so it includes that JVM's own start (about 50 ms) and the hand-over"));
            Figure here = figure("For information: the jar run in the JVM started (-Dlicensedesk.classData=off)",
                    times, "jar-here", "bare-jdk", failures, "no archive: the JDK's own class-data archive only; "
                    + "before its window the app loads about 4,000 classes (JavaFX controls and skins, AtlantaFX, "
                    + "Ikonli, the preferences' XML parser) where the bare window loads about 2,600, and verifies "
                    + "those from the jar");
            figures.add(new Figure(here.name(), here.unit(), here.median(), here.p99(), here.runs(), here.baseline(),
                    here.ratio(), "none: what the hand-over saves", null, here.note()));
            figures.add(figure("From the jar as the README starts it (./license-desk.sh)", times, "jar-cds",
                    "bare-jdk", failures, "java -XX:SharedArchiveFile=license-desk.jsa -jar license-desk.jar, the "
                    + "archive made by the script's first start (-XX:ArchiveClassesAtExit); the bare window has "
                    + "the JDK's archive only"));
            if (times.containsKey("bare-cds")) {
                // the floor given an archive too: the ratio that is left once both skip loading and verifying
                Figure both = figure("For information: the jar with its archive beside a bare window with one of "
                        + "its own", times, "jar-cds", "bare-cds", failures, "both started with "
                        + "-XX:SharedArchiveFile, each archive made by a first run of its own: what the app does "
                        + "beyond a bare window, once neither loads nor verifies classes from the jar");
                figures.add(new Figure(both.name(), both.unit(), both.median(), both.p99(), both.runs(),
                        both.baseline().replace("bare JavaFX window", "bare JavaFX window with its archive"),
                        both.ratio(), "none: target 1's floor is the bare window without an archive of its own "
                        + "(the archive is a way the issue names for the app to reach it)", null, both.note()));
            }
            if (haveImage) {
                figures.add(figure("From the app image (bin/license-desk)", times, "image", "bare-image", failures,
                        "the launcher's options: the runtime's archive (jlink --generate-cds-archive) and the app's "
                        + "on top (installer/linux/cds-archive.sh); the bare window runs on a copy of the same "
                        + "runtime with the runtime's archive"));
            } else {
                figures.add(Figure.notMeasured("From the app image", "≤ 1.3 ×",
                        "no app image in target/installer: run the suite with -Pinstaller,bench"));
            }
            return figures;
        }
    }

    private static Figure figure(String name, Map<String, List<Long>> times, String app, String bare,
                                 Map<String, String> failures, String note) {
        List<Long> a = times.getOrDefault(app, List.of());
        List<Long> b = times.getOrDefault(bare, List.of());
        if (a.isEmpty() || b.isEmpty()) {
            return Figure.notMeasured(name, "≤ 1.3 ×", "did not start: " + failures.getOrDefault(app,
                    failures.getOrDefault(bare, "no run")));
        }
        double ratio = Stats.median(a) / Stats.median(b);
        String limit = ratio <= 1.3 ? "" : "; what limits it: the sign-in window itself, on the FX thread before "
                + "its first frame: loading (and, without an archive, verifying) the classes of its controls and "
                + "skins, and reading and matching AtlantaFX's compiled theme (about 200 kB of rules); on a loaded "
                + "machine the app, which needs more CPU than the bare window, loses more to the other work";
        return new Figure(name, "ms", Stats.median(a), Stats.p99(a), RUNS + " runs, alternating",
                "bare JavaFX window median " + Stats.format(Stats.median(b)) + " ms (p99 "
                        + Stats.format(Stats.p99(b)) + ")", ratio, "≤ 1.3 × (ratio of medians)", ratio <= 1.3,
                note + limit);
    }

    /** Deletes a folder with all it holds, if it is there; what cannot be deleted stays (a later step fails). */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** BareWindow's classes in a jar of their own, so both windows start from jars. */
    private static Path bareJar(Path work) throws IOException {
        Path jar = work.resolve("bare-window.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> c : List.of(BareWindow.class, BareWindow.Window.class)) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * The app image's runtime when it has its java launcher; else a copy of it with this JDK's java launcher added
     * (same JVM, same modules).
     */
    private static Path runtimeWithJava(Path image, Path work, String java) throws IOException {
        if (Files.isExecutable(image.resolve("lib/runtime/bin/java"))) {
            return image.resolve("lib/runtime");
        }
        Path copy = work.resolve("image-runtime");
        deleteTree(copy);
        Path source = image.resolve("lib/runtime");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(copy.resolve("bin"));
        Files.copy(Path.of(java), copy.resolve("bin/java"), StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** The X display the windows open on: $DISPLAY, or an Xvfb this suite starts and stops. */
    static final class Display implements AutoCloseable {
        private final Process xvfb;
        private final String name;

        private Display(Process xvfb, String name) {
            this.xvfb = xvfb;
            this.name = name;
        }

        static Display open(Path work) throws IOException, InterruptedException {
            String display = System.getenv("DISPLAY");
            if (display != null && !display.isEmpty()) {
                return new Display(null, display);
            }
            for (int n = 91; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
                Path socket = Path.of("/tmp/.X11-unix/X" + n);
                for (int i = 0; i < 100 && p.isAlive() && !Files.exists(socket); i++) {
                    Thread.sleep(50);
                }
                if (p.isAlive() && Files.exists(socket)) {
                    return new Display(p, ":" + n);
                }
                p.destroy();
            }
            throw new IOException("no DISPLAY and no Xvfb could start (apt-get install xvfb)");
        }

        Map<String, String> env() {
            return Map.of("DISPLAY", name);
        }

        @Override
        public void close() {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }
}
