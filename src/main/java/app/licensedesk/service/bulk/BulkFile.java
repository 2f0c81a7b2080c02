package app.licensedesk.service.bulk;

import java.util.List;

/**
 * A bulk file as read: its rows and what is wrong with the file as a whole.
 *
 * @param name      the file name, for messages
 * @param sha256    the hex SHA-256 of the file's bytes, which names the file in its journal
 * @param delimiter the separator found in the header, ',' or ';' (the report uses it too)
 * @param rows      the data rows, in file order (empty lines left out)
 * @param problems  file-level problems (no header, unknown columns, broken quotes...); when there are any the rows
 *                  may be incomplete and nothing may be sent
 */
public record BulkFile(String name, String sha256, char delimiter, List<BulkRow> rows, List<String> problems) {

    public BulkFile {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** The rows that are wrong in the file itself (bad key, missing nodeId, duplicate, bad activation time...). */
    public List<BulkRow> invalidRows() {
        return rows.stream().filter(r -> !r.valid()).toList();
    }
}
