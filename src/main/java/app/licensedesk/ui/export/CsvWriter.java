package app.licensedesk.ui.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table of texts as a CSV file that Excel opens correctly by double-click: UTF-8 with a byte-order mark
 * (else Excel reads it in the machine's code page), CRLF line ends, quoting where needed, and the separator Excel
 * expects in the user's locale (see {@link Separator#forLocale}).
 */
public final class CsvWriter {

    /** The byte-order mark that tells Excel the file is UTF-8. */
    static final char BOM = '\uFEFF';
    private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

    /** The field separator. */
    public enum Separator {
        COMMA(','), SEMICOLON(';');

        private final char character;

        Separator(char character) {
            this.character = character;
        }

        public char character() {
            return character;
        }

        /**
         * What Excel expects in this locale: a semicolon where the decimal separator is a comma (German, Dutch,
         * French, ...), else a comma.
         */
        public static Separator forLocale(Locale locale) {
            return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? SEMICOLON : COMMA;
        }
    }

    private CsvWriter() {
    }

    /** Writes the header and the rows to {@code out} (not closed). */
    public static void write(OutputStream out, Separator separator, List<String> header, List<List<String>> rows)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator.character()).setRecordSeparator("\r\n")
                .get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        printer.printRecord(header.stream().map(CsvWriter::safe).toList());
        for (List<String> row : rows) {
            printer.printRecord(row.stream().map(CsvWriter::safe).toList());
        }
        printer.flush();
    }

    /**
     * Writes the file whole or not at all: into a temporary file next to it, then moved over it, so a failure never
     * leaves half a file where the user's previous export was.
     */
    public static void write(Path file, Separator separator, List<String> header, List<List<String>> rows)
            throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".export-", ".csv.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(out, separator, header, rows);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A cell Excel would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
     * apostrophe, so a customer name such as {@code =HYPERLINK(...)} stays text; plain numbers such as -5 stay as
     * they are.
     */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
