package app.licensedesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts whole processes for the start-up figures and reads their {@code ready in N ms} line. */
final class Processes {

    private static final Pattern READY = Pattern.compile("^ready in (\\d+) ms$", Pattern.MULTILINE);

    private Processes() {
    }

    /** What one process said: its output, exit code and the "ready" time (-1 when it printed none). */
    record Run(int exit, String output, long readyMillis) {
    }

    static Run run(List<String> command, Map<String, String> env, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return new Run(-1, Files.readString(log, StandardCharsets.UTF_8), -1);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = READY.matcher(output);
        long ready = -1;
        while (m.find()) {
            ready = Long.parseLong(m.group(1));
        }
        return new Run(process.exitValue(), output, ready);
    }
}
