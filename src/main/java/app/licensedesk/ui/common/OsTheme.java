package app.licensedesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the operating system is set to a dark look, read the way each desktop tells it: GNOME's
 * {@code color-scheme} (then the GTK theme's name), the Windows registry's {@code AppsUseLightTheme}, macOS's
 * {@code AppleInterfaceStyle}. Where none can be read the answer is light. Blocking (it runs a small command):
 * call it off the JavaFX thread.
 */
public final class OsTheme {

    private static final Logger LOG = LoggerFactory.getLogger(OsTheme.class);
    private static final long TIMEOUT_MS = 3000;

    private OsTheme() {
    }

    /** LIGHT or DARK as the operating system is set now; LIGHT when it cannot be told. */
    public static UserSettings.Theme detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Optional<UserSettings.Theme> found;
        if (os.contains("win")) {
            found = run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").flatMap(r -> r.exit() == 0 ? windows(r.out()) : Optional.empty());
        } else if (os.contains("mac")) {
            // the key exists only in dark mode: "defaults" fails (exit 1) in light mode
            found = run("defaults", "read", "-g", "AppleInterfaceStyle").map(r -> mac(r.exit(), r.out()));
        } else {
            found = run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .flatMap(r -> r.exit() == 0 ? gnomeColorScheme(r.out()) : Optional.empty())
                    .or(() -> run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")
                            .flatMap(r -> r.exit() == 0 ? gtkTheme(r.out()) : Optional.empty()));
        }
        UserSettings.Theme theme = found.orElse(UserSettings.Theme.LIGHT);
        LOG.debug("The operating system's look: {}{}", theme, found.isEmpty() ? " (not readable)" : "");
        return theme;
    }

    /** {@code 'prefer-dark'} is dark; {@code 'default'} and {@code 'prefer-light'} are light. */
    static Optional<UserSettings.Theme> gnomeColorScheme(String out) {
        String value = unquote(out);
        return switch (value) {
            case "prefer-dark" -> Optional.of(UserSettings.Theme.DARK);
            case "default", "prefer-light" -> Optional.of(UserSettings.Theme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** A GTK theme such as {@code 'Adwaita-dark'} is dark; any other named theme is light. */
    static Optional<UserSettings.Theme> gtkTheme(String out) {
        String value = unquote(out);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.toLowerCase(Locale.ROOT).contains("dark") ? UserSettings.Theme.DARK
                : UserSettings.Theme.LIGHT);
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} is dark, {@code 0x1} light. */
    static Optional<UserSettings.Theme> windows(String out) {
        for (String line : out.split("\\R")) {
            List<String> parts = List.of(line.strip().split("\\s+"));
            if (parts.size() == 3 && parts.get(0).equals("AppsUseLightTheme")) {
                return switch (parts.get(2).toLowerCase(Locale.ROOT)) {
                    case "0x0" -> Optional.of(UserSettings.Theme.DARK);
                    case "0x1" -> Optional.of(UserSettings.Theme.LIGHT);
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    /** "Dark" is dark; a missing key (exit code not 0) is light. */
    static UserSettings.Theme mac(int exit, String out) {
        return exit == 0 && out.strip().equalsIgnoreCase("dark") ? UserSettings.Theme.DARK : UserSettings.Theme.LIGHT;
    }

    private static String unquote(String out) {
        String value = out == null ? "" : out.strip();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    private record Result(int exit, String out) {
    }

    /** Runs a command for at most three seconds; empty when it cannot run or takes longer. */
    private static Optional<Result> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream in = process.getInputStream()) {
                return Optional.of(new Result(process.exitValue(), new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            return Optional.empty(); // the command does not exist here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
