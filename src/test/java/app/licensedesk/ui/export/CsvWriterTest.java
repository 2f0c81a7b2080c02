package app.licensedesk.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.ui.export.CsvWriter.Separator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path folder;

    private static String csv(Separator separator, List<String> header, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(out, separator, header, rows);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsWithAUtf8ByteOrderMarkAndEndsEveryRecordWithCrLf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(out, Separator.COMMA, List.of("Key", "Customer"), List.of(List.of("K1", "Bäckerei")));
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFKey,Customer\r\nK1,Bäckerei\r\n");
    }

    @Test
    void quotesWhatWouldBreakAField() throws Exception {
        String text = csv(Separator.SEMICOLON, List.of("a", "b", "c", "d", "e"),
                List.of(List.of("plain", "has;semicolon", "has \"quotes\"", "two\nlines", "has,comma")));
        assertThat(text).isEqualTo("\uFEFFa;b;c;d;e\r\n"
                + "plain;\"has;semicolon\";\"has \"\"quotes\"\"\";\"two\nlines\";has,comma\r\n");
        String comma = csv(Separator.COMMA, List.of("x"), List.of(List.of("has,comma"), List.of("")));
        // a record of one empty field is written as "", so it is not read back as a blank line
        assertThat(comma).isEqualTo("\uFEFFx\r\n\"has,comma\"\r\n\"\"\r\n");
    }

    @Test
    void theSeparatorFollowsTheLocalesDecimalSeparator() {
        assertThat(Separator.forLocale(Locale.US)).isEqualTo(Separator.COMMA);
        assertThat(Separator.forLocale(Locale.UK)).isEqualTo(Separator.COMMA);
        assertThat(Separator.forLocale(Locale.GERMANY)).isEqualTo(Separator.SEMICOLON);
        assertThat(Separator.forLocale(Locale.forLanguageTag("nl-BE"))).isEqualTo(Separator.SEMICOLON);
        assertThat(Separator.forLocale(Locale.FRANCE)).isEqualTo(Separator.SEMICOLON);
    }

    @Test
    void aCellThatExcelWouldRunAsAFormulaStaysText() throws Exception {
        assertThat(CsvWriter.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvWriter.safe("+31 6 1234")).isEqualTo("'+31 6 1234");
        assertThat(CsvWriter.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.safe("-5")).isEqualTo("-5");
        assertThat(CsvWriter.safe("-2,5")).isEqualTo("-2,5");
        assertThat(CsvWriter.safe("SG1-COM-TFU6")).isEqualTo("SG1-COM-TFU6");
        assertThat(CsvWriter.safe(null)).isEmpty();
        assertThat(csv(Separator.COMMA, List.of("=h"), List.of(List.of("-x")))).isEqualTo("\uFEFF'=h\r\n'-x\r\n");
    }

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path file = folder.resolve("licenses.csv");
        Files.writeString(file, "an older export that is much longer than the new one");
        CsvWriter.write(file, Separator.COMMA, List.of("Key"), List.of(List.of("K1")));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("\uFEFFKey\r\nK1\r\n");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }
}
