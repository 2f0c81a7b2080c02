package app.licensedesk.service.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading bulk files: separators, BOM, line ends, quotes, empty lines, and every row-level problem by line. */
class BulkCsvTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static BulkFile parse(String text) {
        return BulkCsv.parse("rows.csv", text.getBytes(StandardCharsets.UTF_8), BRUSSELS);
    }

    @Test
    void readsCommaSeparatedRowsWithTheirLineNumbers() {
        BulkFile file = parse("licenseKey,nodeId,activationIso\n"
                + "SG1-A,SGC-1,2026-12-01T14:00:00Z\n"
                + "SG1-B,SGC-2,\n"
                + "SG1-C,SGC-3,now\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.delimiter()).isEqualTo(',');
        assertThat(file.rows()).extracting(BulkRow::line).containsExactly(2, 3, 4);
        assertThat(file.rows()).allMatch(BulkRow::valid);
        assertThat(file.rows().get(0).activation())
                .isEqualTo(new ActivationTime(ActivationTime.Kind.AT, Instant.parse("2026-12-01T14:00:00Z")));
        assertThat(file.rows().get(1).activation().kind()).isEqualTo(ActivationTime.Kind.NONE);
        assertThat(file.rows().get(2).activation().kind()).isEqualTo(ActivationTime.Kind.NOW);
    }

    @Test
    void semicolonsBomCrlfAndEmptyLines() {
        BulkFile file = parse("\uFEFFnodeId;LICENSEKEY\r\n\r\nSGC-1;SG1-A\r\n;\r\n   \r\nSGC-2;\"SG1-B\"\r\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.rows()).extracting(BulkRow::key).containsExactly("SG1-A", "SG1-B");
        assertThat(file.rows()).extracting(BulkRow::nodeId).containsExactly("SGC-1", "SGC-2");
        assertThat(file.rows()).extracting(BulkRow::line).containsExactly(3, 6);
        assertThat(file.rows().get(0).activation().kind()).isEqualTo(ActivationTime.Kind.NONE);
    }

    @Test
    void aQuotedSeparatorIsPartOfTheValueAndAMultiLineValueKeepsTheNextLineNumbersRight() {
        BulkFile file = parse("licenseKey,nodeId\n\"SG1-A\",\"SGC,1\"\n\"SG1-\nB\",SGC-2\nSG1-C,SGC-3\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).extracting(BulkRow::nodeId).containsExactly("SGC,1", "SGC-2", "SGC-3");
        // whitespace in a key comes from pasting and is dropped, as in the dialogs
        assertThat(file.rows().get(1).key()).isEqualTo("SG1-B");
        assertThat(file.rows()).extracting(BulkRow::line).containsExactly(2, 3, 5);
    }

    @Test
    void aFileWithoutHeaderSaysSo() {
        BulkFile file = parse("SG1-A,SGC-1\nSG1-B,SGC-2\n");
        assertThat(file.rows()).isEmpty();
        assertThat(file.problems()).singleElement().asString().contains("header").contains("SG1-A,SGC-1");
    }

    @Test
    void headerProblemsAreNamed() {
        assertThat(parse("licenseKey,activationIso\nA,\n").problems())
                .singleElement().asString().contains("nodeId");
        assertThat(parse("licenseKey,nodeId,activationDate\nA,B,\n").problems())
                .singleElement().asString().contains("activationDate");
        assertThat(parse("licenseKey,nodeId,nodeid\nA,B,C\n").problems())
                .singleElement().asString().contains("twice");
        assertThat(parse("").problems()).singleElement().asString().contains("empty");
        assertThat(parse("\n\n").problems()).singleElement().asString().contains("empty");
        assertThat(parse("licenseKey,nodeId\n\n").problems()).singleElement().asString().contains("no rows");
    }

    @Test
    void extraOrMissingValuesMakeTheRowInvalid() {
        BulkFile file = parse("licenseKey,nodeId\nSG1-A,SGC-1,extra\nSG1-B\nSG1-C,SGC-3\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.invalidRows()).extracting(BulkRow::line).containsExactly(2, 3);
        assertThat(file.rows().get(0).problems()).singleElement().asString().contains("3 values").contains("2");
        assertThat(file.rows().get(1).problems()).anyMatch(p -> p.contains("1 values"))
                .anyMatch(p -> p.contains("nodeId is empty"));
        assertThat(file.rows().get(2).valid()).isTrue();
    }

    @Test
    void keyRulesAreTheDialogsRules() {
        String fifty = "K".repeat(50);
        String fiftyOne = "K".repeat(51);
        BulkFile file = parse("licenseKey,nodeId\n" + fifty + ",SGC-1\n" + fiftyOne + ",SGC-2\n\" \",SGC-3\n");
        assertThat(file.rows().get(0).valid()).isTrue();
        assertThat(file.rows().get(1).problems()).singleElement().asString().contains("at most 50").contains("51");
        assertThat(file.rows().get(2).problems()).singleElement().asString().contains("key is empty");
    }

    @Test
    void everyRowOfADuplicateKeyIsInvalid() {
        BulkFile file = parse("licenseKey,nodeId\nSG1-A,SGC-1\nSG1-B,SGC-2\n SG1-A ,SGC-3\n");
        assertThat(file.invalidRows()).extracting(BulkRow::line).containsExactly(2, 4);
        assertThat(file.rows().get(0).problems()).singleElement().asString().contains("SG1-A").contains("2, 4");
    }

    @Test
    void brokenQuotesStopTheFileAtTheirLine() {
        BulkFile file = parse("licenseKey,nodeId\nSG1-A,SGC-1\nSG1-B,\"SGC-2\nSG1-C,SGC-3\n");
        assertThat(file.problems()).singleElement().asString().contains("line 3").contains("quotes");
    }

    @Test
    void notUtf8IsAFileProblem() {
        byte[] latin1 = "licenseKey,nodeId\nSG1-\u00e9,SGC-1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BulkCsv.parse("rows.csv", latin1, BRUSSELS).problems()).singleElement().asString()
                .contains("UTF-8");
    }

    @Test
    void theHashNamesTheBytes() {
        assertThat(parse("licenseKey,nodeId\nA,B\n").sha256()).isEqualTo(parse("licenseKey,nodeId\nA,B\n").sha256())
                .isNotEqualTo(parse("licenseKey,nodeId\nA,C\n").sha256()).hasSize(64);
    }

    @Test
    void theTemplateReadsBackAsOneValidRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("template.csv");
        BulkCsv.writeTemplate(file, ';');
        BulkFile read = BulkCsv.read(file, BRUSSELS);
        assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(read.problems()).isEmpty();
        assertThat(read.delimiter()).isEqualTo(';');
        assertThat(read.rows()).singleElement().matches(BulkRow::valid);
    }

    @Test
    void theReportHasTheInputColumnsAndTheOutcome() throws Exception {
        BulkFile file = parse("licenseKey;nodeId;activationIso\nSG1-A;SGC-1;2026-12-01 15:00\nSG1-B;SGC;\n");
        Instant at = Instant.parse("2026-12-01T14:00:00Z");
        List<RowResult> results = List.of(
                new RowResult(file.rows().get(0), RowResult.Outcome.DONE, "claimed, activated " + at, "SGC-1", at),
                new RowResult(file.rows().get(1), RowResult.Outcome.FAILED, "claim: no; really", null, null));
        StringWriter out = new StringWriter();
        BulkCsv.writeReport(out, file.delimiter(), results);
        assertThat(out.toString()).isEqualTo(
                "line;licenseKey;nodeId;activationIso;outcome;reason;claimedTo;activatedAt\r\n"
                + "2;SG1-A;SGC-1;2026-12-01 15:00;done;claimed, activated 2026-12-01T14:00:00Z;SGC-1;"
                + "2026-12-01T14:00:00Z\r\n"
                + "3;SG1-B;SGC;;failed;\"claim: no; really\";;\r\n");
    }
}
