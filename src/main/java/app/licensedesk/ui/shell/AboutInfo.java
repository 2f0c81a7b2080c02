package app.licensedesk.ui.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What Help &gt; About tells about the build: the version and build date (filled in by Maven) and every third-party
 * library with its licence (a checked list that a test keeps equal to the runtime dependencies).
 *
 * @param version   the POM's version, e.g. 1.0.0
 * @param buildDate when it was built, e.g. 2026-12-01 08:00 UTC
 * @param libraries the runtime dependencies, in the list's order
 */
record AboutInfo(String version, String buildDate, List<Library> libraries) {

    static final String BUILD = "/app/licensedesk/build.properties";
    static final String LIBRARIES = "/app/licensedesk/third-party.tsv";

    /** One runtime dependency: its Maven coordinates (groupId:artifactId), version, name, licence, site. */
    record Library(String coordinates, String version, String name, String licence, String url) {
    }

    static AboutInfo load() {
        Properties build = new Properties();
        try (InputStream in = open(BUILD)) {
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AboutInfo(build.getProperty("version"), build.getProperty("buildDate"), readLibraries());
    }

    static List<Library> readLibraries() {
        List<Library> libraries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(LIBRARIES), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 5) {
                    throw new IllegalStateException(LIBRARIES + ": not five tab-separated cells: " + line);
                }
                libraries.add(new Library(cells[0], cells[1], cells[2], cells[3], cells[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(libraries);
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = AboutInfo.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is missing from the build");
        }
        return in;
    }
}
