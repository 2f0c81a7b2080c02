package app.licensedesk.service.bulk;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The on-disk memory of a bulk run, so that a run that was cancelled, crashed or lost the network resumes without
 * sending any row twice. JSON lines, appended and written through one by one: a header naming the input file by
 * its SHA-256 (a journal is never resumed against another file), then one line per state change of a row's claim or
 * activation ({@code sending} before the POST, {@code applied} or {@code not-applied} after) and one line when a
 * row ends. A {@code sending} line is forced to the disk before the POST leaves. A torn last line (a crash in the
 * middle of writing it) is ignored on reading and cut off before appending.
 */
public final class BulkJournal implements AutoCloseable {

    static final String FORMAT = "license-desk-bulk";
    static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** The two requests a row may need, and the row as a whole. */
    enum Step { CLAIM, ACTIVATE, ROW }

    /** Where a step stands: about to be sent (or sent, answer unknown), applied by the server, or not applied. */
    enum StepState {
        SENDING, APPLIED, NOT_APPLIED;

        String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static StepState of(String json) {
            return valueOf(json.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * What the journal says about one row.
     *
     * @param key      the row's key when it was written
     * @param claim    the last state of its claim, or null
     * @param activate the last state of its activation, or null
     * @param result   how the row ended in the last run that ended it, or null
     */
    record History(String key, StepState claim, StepState activate, RowResult result) {

        StepState state(Step step) {
            return step == Step.CLAIM ? claim : activate;
        }
    }

    /** What earlier runs recorded, by line number; empty when there is no journal yet. */
    public static final class Replay {
        static final Replay EMPTY = new Replay(Map.of());

        private final Map<Integer, History> rows;

        private Replay(Map<Integer, History> rows) {
            this.rows = rows;
        }

        History of(BulkRow row) {
            History h = rows.get(row.line());
            return h != null && h.key().equals(row.key()) ? h : null;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final Clock clock;

    private BulkJournal(Path path, FileChannel channel, Clock clock) {
        this.path = path;
        this.channel = channel;
        this.clock = clock;
    }

    /** The journal next to a bulk file: {@code rows.csv.journal}. */
    public static Path defaultPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    /**
     * Reads what an existing journal says about this file (nothing when there is no journal).
     *
     * @throws JournalException when the journal belongs to another file or is damaged before its last line
     */
    public static Replay read(Path path, BulkFile file) throws JournalException {
        return parse(path, file).replay();
    }

    /**
     * Opens the journal for appending, creating it with its header when there is none, and cuts off a torn last
     * line.
     *
     * @throws JournalException as {@link #read}, or when it cannot be written
     */
    public static BulkJournal open(Path path, BulkFile file, Clock clock) throws JournalException {
        Parsed parsed = parse(path, file);
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            BulkJournal journal = new BulkJournal(path, channel, clock);
            if (parsed.validLength() == 0) {
                channel.truncate(0);
                JsonObject header = new JsonObject();
                header.addProperty("journal", FORMAT);
                header.addProperty("version", VERSION);
                header.addProperty("file", file.name());
                header.addProperty("sha256", file.sha256());
                header.addProperty("created", clock.instant().toString());
                journal.append(header, true);
            } else {
                channel.truncate(parsed.validLength());
                channel.position(parsed.validLength());
            }
            return journal;
        } catch (IOException | UncheckedIOException e) {
            throw unwritable(path, e);
        }
    }

    private record Parsed(Replay replay, long validLength) {
    }

    private static Parsed parse(Path path, BulkFile file) throws JournalException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new Parsed(Replay.EMPTY, 0);
        } catch (IOException e) {
            throw new JournalException(BulkTexts.t("bulk.file.unreadable", path, e.getMessage()), e);
        }
        List<JsonObject> entries = new ArrayList<>();
        long validLength = 0;
        int lineNumber = 0;
        int firstBad = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNumber++;
            JsonObject entry = entry(new String(bytes, start, i - start, StandardCharsets.UTF_8));
            if (entry == null) {
                firstBad = firstBad == 0 ? lineNumber : firstBad;
            } else if (firstBad != 0) {
                throw new JournalException(BulkTexts.t("bulk.journal.damaged", path, firstBad), null);
            } else {
                entries.add(entry);
                validLength = i + 1;
            }
            start = i + 1;
        }
        // what follows the last line break is a torn line, and so are bad lines after the last good one
        if (entries.isEmpty()) {
            return new Parsed(Replay.EMPTY, 0);
        }
        JsonObject header = entries.get(0);
        if (!FORMAT.equals(text(header, "journal")) || !file.sha256().equals(text(header, "sha256"))) {
            throw new JournalException(BulkTexts.t("bulk.journal.otherFile", path, file.name()), null);
        }
        Map<Integer, History> rows = new HashMap<>();
        Map<Integer, BulkRow> rowsByLine = new HashMap<>();
        file.rows().forEach(r -> rowsByLine.put(r.line(), r));
        for (int n = 1; n < entries.size(); n++) {
            try {
                apply(entries.get(n), rows, rowsByLine);
            } catch (RuntimeException e) {
                throw new JournalException(BulkTexts.t("bulk.journal.damaged", path, n + 1), e);
            }
        }
        return new Parsed(new Replay(Map.copyOf(rows)), validLength);
    }

    private static JsonObject entry(String line) {
        try {
            JsonElement e = JsonParser.parseString(line);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void apply(JsonObject e, Map<Integer, History> rows, Map<Integer, BulkRow> rowsByLine) {
        int line = e.get("line").getAsInt();
        String key = text(e, "key");
        Step step = Step.valueOf(text(e, "step").toUpperCase(Locale.ROOT));
        String state = text(e, "state");
        History old = rows.getOrDefault(line, new History(key, null, null, null));
        History updated = switch (step) {
            case CLAIM -> new History(key, StepState.of(state), old.activate(), old.result());
            case ACTIVATE -> new History(key, old.claim(), StepState.of(state), old.result());
            case ROW -> {
                BulkRow row = rowsByLine.get(line);
                RowResult result = row == null ? null : new RowResult(row,
                        RowResult.Outcome.valueOf(state.toUpperCase(Locale.ROOT)), text(e, "detail"),
                        text(e, "claimedTo"), instant(text(e, "activatedAt")));
                yield new History(key, old.claim(), old.activate(), result);
            }
        };
        rows.put(line, updated);
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Written and forced to the disk before the request leaves. */
    void sending(BulkRow row, Step step, String nodeId, Instant at) {
        JsonObject e = entry(row, step, StepState.SENDING.json());
        e.addProperty("nodeId", nodeId);
        if (step == Step.ACTIVATE) {
            e.addProperty("at", at == null ? "now" : at.toString());
        }
        append(e, true);
    }

    void step(BulkRow row, Step step, StepState state) {
        append(entry(row, step, state.json()), false);
    }

    void finished(RowResult result) {
        JsonObject e = entry(result.row(), Step.ROW, result.outcome().name().toLowerCase(Locale.ROOT));
        e.addProperty("detail", result.detail());
        e.addProperty("claimedTo", result.claimedTo());
        e.addProperty("activatedAt", result.activatedAt() == null ? null : result.activatedAt().toString());
        append(e, false);
    }

    private JsonObject entry(BulkRow row, Step step, String state) {
        JsonObject e = new JsonObject();
        e.addProperty("t", clock.instant().toString());
        e.addProperty("line", row.line());
        e.addProperty("key", row.key());
        e.addProperty("step", step.name().toLowerCase(Locale.ROOT));
        e.addProperty("state", state);
        return e;
    }

    /**
     * Appends one line with a single write, so a crash leaves at most that line torn.
     *
     * @param force also force it to the disk (after the write, outside the lock, so forces of several threads can
     *              share one disk flush)
     * @throws UncheckedIOException with a {@link JournalException} when the journal cannot be written
     */
    private void append(JsonObject entry, boolean force) {
        ByteBuffer buffer = ByteBuffer.wrap((GSON.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            synchronized (this) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(unwritable(path, e));
        }
    }

    private static JournalException unwritable(Path path, Exception e) {
        return new JournalException(BulkTexts.t("bulk.journal.unwritable", path, e.getMessage()), e);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
