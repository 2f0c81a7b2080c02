package app.licensedesk.service.activity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity log: a file of JSON lines in a folder (the per-user data folder, which the start-up's
 * {@code UserFolders} chooses), one {@link ActivityEntry} per line. Each entry is appended and forced to the disk
 * before {@link #append} returns, so what happened survives a crash; a torn last line (the app died while writing
 * it) is skipped on read. Safe to use from many threads; two app instances may share the file (each line is one
 * append).
 */
public final class ActivityLog {

    /** The file's name inside the folder. */
    public static final String FILE_NAME = "activity.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(ActivityLog.class);
    private static final int FORMAT = 1;
    /** One lock per file, so two logs on one folder (one per sign-in) never interleave their writes. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    // defence in depth: the client redacts its messages, but no JWT or bearer value may ever reach this file
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_.-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

    private final Path file;
    private final Object lock;
    private boolean tailChecked;

    /** @param folder where the log lives; created on the first append */
    public ActivityLog(Path folder) {
        this.file = folder.resolve(FILE_NAME).toAbsolutePath().normalize();
        this.lock = LOCKS.computeIfAbsent(file, f -> new Object());
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one entry and forces it to the disk.
     *
     * @throws UncheckedIOException when the folder or the file cannot be written
     */
    public void append(ActivityEntry entry) {
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            try {
                Files.createDirectories(file.getParent());
                // a line torn by a crash must not swallow the next entry: start on a fresh line
                byte[] bytes = !tailChecked && endsMidLine() ? prefixNewline(line) : line;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(false);
                }
                tailChecked = true;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not append to the activity log " + file, e);
            }
        }
    }

    /**
     * Every entry in the order written. Lines that cannot be read (a torn last line, a line from a newer version)
     * are skipped.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public List<ActivityEntry> read() {
        List<ActivityEntry> entries = new ArrayList<>();
        synchronized (lock) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        ActivityEntry entry = parse(line);
                        if (entry != null) {
                            entries.add(entry);
                        } else {
                            LOG.warn("Skipped unreadable line {} of the activity log {}", number, file);
                        }
                    }
                }
            } catch (NoSuchFileException e) {
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the activity log " + file, e);
            }
        }
        return entries;
    }

    private boolean endsMidLine() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) != '\n';
        }
    }

    private static byte[] prefixNewline(byte[] line) {
        byte[] bytes = new byte[line.length + 1];
        bytes[0] = '\n';
        System.arraycopy(line, 0, bytes, 1, line.length);
        return bytes;
    }

    /** Removes anything shaped like a JWT or a bearer value from free text. */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String noBearer = BEARER.matcher(text).replaceAll("$1[redacted]");
        return JWT.matcher(noBearer).replaceAll("[redacted]");
    }

    static String toJson(ActivityEntry e) {
        JsonObject json = new JsonObject();
        json.addProperty("v", FORMAT);
        json.addProperty("correlationId", e.correlationId());
        json.addProperty("time", e.time().toString());
        json.addProperty("environment", e.environment());
        json.addProperty("server", e.server());
        json.addProperty("user", e.user());
        json.addProperty("action", e.action().name());
        json.addProperty("key", e.key());
        json.addProperty("nodeId", e.nodeId());
        json.addProperty("requestedAt", e.requestedAt() == null ? null : e.requestedAt().toString());
        json.addProperty("outcome", e.outcome().name());
        json.addProperty("activatedAt", e.activatedAt() == null ? null : e.activatedAt().toString());
        json.addProperty("claimedTo", e.claimedTo());
        json.addProperty("errorKind", e.errorKind());
        if (e.httpStatus() != 0) {
            json.addProperty("httpStatus", e.httpStatus());
        }
        json.addProperty("message", scrub(e.message()));
        // Gson writes a newline inside a string as \n, so one entry is always one line
        return json.toString();
    }

    /** The entry on this line, or null when the line is not a whole entry. */
    static ActivityEntry parse(String line) {
        try {
            JsonElement element = JsonParser.parseString(line);
            if (!element.isJsonObject()) {
                return null;
            }
            JsonObject json = element.getAsJsonObject();
            return new ActivityEntry(text(json, "correlationId"), instant(json, "time"), text(json, "environment"),
                    text(json, "server"), text(json, "user"),
                    ActivityEntry.Action.valueOf(text(json, "action")), text(json, "key"), text(json, "nodeId"),
                    instant(json, "requestedAt"), ActivityEntry.Outcome.valueOf(text(json, "outcome")),
                    instant(json, "activatedAt"), text(json, "claimedTo"), text(json, "errorKind"),
                    json.has("httpStatus") ? json.get("httpStatus").getAsInt() : 0, text(json, "message"));
        } catch (RuntimeException e) {
            // JSON that is not an entry: missing fields, a bad date, an unknown action (from a newer version)
            return null;
        }
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Instant instant(JsonObject json, String name) {
        String value = text(json, name);
        return value == null ? null : Instant.parse(value);
    }
}
