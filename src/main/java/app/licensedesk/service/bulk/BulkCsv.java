package app.licensedesk.service.bulk;

import app.licensedesk.model.InputRules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads bulk files and writes the template and the results. A file is UTF-8 (a BOM is skipped), with CRLF or LF
 * line ends, comma or semicolon separated (whichever the header uses), RFC 4180 quotes; empty lines are ignored.
 * The header names the columns {@code licenseKey} and {@code nodeId} and optionally {@code activationIso}, in any
 * order and case. What this class writes starts with a BOM, so that Excel reads it as UTF-8.
 */
public final class BulkCsv {

    public static final String KEY = "licenseKey";
    public static final String NODE_ID = "nodeId";
    public static final String ACTIVATION = "activationIso";
    static final List<String> REPORT_COLUMNS = List.of("line", KEY, NODE_ID, ACTIVATION, "outcome", "reason",
            "claimedTo", "activatedAt");

    private static final char BOM = '\uFEFF';

    private BulkCsv() {
    }

    /**
     * Reads and checks a bulk file.
     *
     * @param zone the time zone of local activation times
     * @throws IOException when the file cannot be read at all
     */
    public static BulkFile read(Path file, ZoneId zone) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllBytes(file), zone);
    }

    /** Checks a bulk file's content; never throws for bad content, which becomes file or row problems. */
    public static BulkFile parse(String name, byte[] bytes, ZoneId zone) {
        String sha256 = sha256(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(name, sha256, ',', BulkTexts.t("bulk.file.notUtf8"));
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return failed(name, sha256, ',', BulkTexts.t("bulk.file.empty"));
        }
        char delimiter = delimiterOf(firstLine(text));
        LineIndex lines = new LineIndex(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<CSVRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            long lineAfterLast = 0;
            try {
                for (CSVRecord record : parser) {
                    records.add(record);
                    lineAfterLast = parser.getCurrentLineNumber();
                }
            } catch (UncheckedIOException e) {
                problems.add(BulkTexts.t("bulk.file.quotes", lineAfterLast + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        records.removeIf(BulkCsv::blank);
        if (records.isEmpty()) {
            problems.add(0, BulkTexts.t("bulk.file.empty"));
            return new BulkFile(name, sha256, delimiter, List.of(), problems);
        }
        Header header = Header.of(records.get(0), problems);
        if (header == null) {
            return new BulkFile(name, sha256, delimiter, List.of(), problems);
        }
        List<BulkRow> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            rows.add(row(record, lines.lineOf(record.getCharacterPosition()), header, zone));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(BulkTexts.t("bulk.file.noRows"));
        }
        return new BulkFile(name, sha256, delimiter, markDuplicates(rows), problems);
    }

    private static BulkFile failed(String name, String sha256, char delimiter, String problem) {
        return new BulkFile(name, sha256, delimiter, List.of(), List.of(problem));
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static String firstLine(String text) {
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    /** The header's separator: the more frequent of ';' and ',' outside quotes (a tie, or neither, is ','). */
    static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The positions of the three columns in the header; -1 for an absent activation column. */
    private record Header(int size, int key, int nodeId, int activation) {

        static Header of(CSVRecord record, List<String> fileProblems) {
            List<String> problems = new ArrayList<>();
            Map<String, Integer> found = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
                String name = canonical(record.get(i).strip());
                if (name == null) {
                    unknown.add(record.get(i).strip());
                } else if (found.putIfAbsent(name, i) != null) {
                    problems.add(BulkTexts.t("bulk.file.duplicateColumn", name));
                }
            }
            if (!found.containsKey(KEY) && !found.containsKey(NODE_ID)) {
                fileProblems.add(BulkTexts.t("bulk.file.noHeader", String.join(",", record.toList())));
                return null;
            }
            for (String required : List.of(KEY, NODE_ID)) {
                if (!found.containsKey(required)) {
                    problems.add(BulkTexts.t("bulk.file.missingColumn", required));
                }
            }
            unknown.forEach(name -> problems.add(BulkTexts.t("bulk.file.unknownColumn", name)));
            if (!problems.isEmpty()) {
                fileProblems.addAll(problems);
                return null;
            }
            return new Header(record.size(), found.get(KEY), found.get(NODE_ID), found.getOrDefault(ACTIVATION, -1));
        }

        private static String canonical(String name) {
            for (String column : List.of(KEY, NODE_ID, ACTIVATION)) {
                if (column.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return column;
                }
            }
            return null;
        }
    }

    private static BulkRow row(CSVRecord record, int line, Header header, ZoneId zone) {
        String rawKey = value(record, header.key());
        String rawNodeId = value(record, header.nodeId());
        String rawActivation = header.activation() < 0 ? "" : value(record, header.activation());
        List<String> problems = new ArrayList<>();
        if (record.size() != header.size()) {
            problems.add(BulkTexts.t("bulk.problem.fieldCount", record.size(), header.size()));
        }
        String key = InputRules.normalizeKey(rawKey);
        String keyProblem = InputRules.keyProblem(key);
        if (InputRules.KEY_EMPTY.equals(keyProblem)) {
            problems.add(BulkTexts.t("bulk.problem.keyEmpty"));
        } else if (keyProblem != null) {
            problems.add(BulkTexts.t(keyProblem, InputRules.MAX_KEY_LENGTH, key.length()));
        }
        String nodeId = rawNodeId.strip();
        if (InputRules.nodeIdProblem(nodeId) != null) {
            problems.add(BulkTexts.t("bulk.problem.nodeIdEmpty"));
        }
        ActivationTime.Parsed activation = ActivationTime.parse(rawActivation, zone);
        if (activation.problem() != null) {
            problems.add(activation.problem());
        }
        return new BulkRow(line, rawKey, rawNodeId, rawActivation, key, nodeId, activation.time(), problems);
    }

    private static String value(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }

    /** Every row whose key appears on another row too is invalid: which of them was meant cannot be known. */
    private static List<BulkRow> markDuplicates(List<BulkRow> rows) {
        Map<String, List<Integer>> linesByKey = rows.stream().filter(r -> !r.key().isEmpty())
                .collect(Collectors.groupingBy(BulkRow::key, LinkedHashMap::new,
                        Collectors.mapping(BulkRow::line, Collectors.toList())));
        List<BulkRow> out = new ArrayList<>(rows.size());
        for (BulkRow row : rows) {
            List<Integer> lines = linesByKey.getOrDefault(row.key(), List.of());
            out.add(lines.size() < 2 ? row : row.withProblem(BulkTexts.t("bulk.problem.duplicateKey", row.key(),
                    lines.stream().map(String::valueOf).collect(Collectors.joining(", ")))));
        }
        return out;
    }

    /** A header and one example row, with the given separator. */
    public static String template(char delimiter) {
        String d = String.valueOf(delimiter);
        return String.join(d, KEY, NODE_ID, ACTIVATION) + "\r\n"
                + String.join(d, "SG1-RES-ABCD-EFGH", "SGC-0001-ABCD", "2026-12-01T14:00:00Z") + "\r\n";
    }

    /** Writes the template (with a BOM) to a file. */
    public static void writeTemplate(Path file, char delimiter) throws IOException {
        writeAtomically(file, out -> out.write(template(delimiter)));
    }

    /**
     * Writes the results: the input columns plus outcome, reason, claimed-to and activated-at, one line per row in
     * file order, with the input file's separator.
     */
    public static void writeReport(Path file, BulkFile input, List<RowResult> results) throws IOException {
        writeAtomically(file, out -> writeReport(out, input.delimiter(), results));
    }

    static void writeReport(Writer out, char delimiter, List<RowResult> results) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        CSVPrinter printer = new CSVPrinter(out, format);
        printer.printRecord(REPORT_COLUMNS);
        for (RowResult r : results) {
            BulkRow row = r.row();
            printer.printRecord(Arrays.asList(String.valueOf(row.line()), row.rawKey(), row.rawNodeId(),
                    row.rawActivation(), r.outcome().name().toLowerCase(Locale.ROOT), r.detail(),
                    r.claimedTo() == null ? "" : r.claimedTo(), text(r.activatedAt())));
        }
        printer.flush();
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    @FunctionalInterface
    private interface Content {
        void write(Writer out) throws IOException;
    }

    /** Through a temporary file, so a crash never leaves half a report where the last one was. */
    private static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(temp);
                 Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
                out.write(BOM);
                content.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Maps a character position of the text to its line number; CRLF, LF and a lone CR each end a line. */
    private static final class LineIndex {
        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of a record; commons-csv gives the position before the empty lines it skipped, so skip them. */
        int lineOf(long recordPosition) {
            int position = (int) recordPosition;
            while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
                position++;
            }
            int index = Arrays.binarySearch(starts, position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
