package app.licensedesk.service.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a bulk file, as written and as understood.
 *
 * @param line          the line number where the row starts in the file (1 = the first line)
 * @param rawKey        the licenseKey value as written
 * @param rawNodeId     the nodeId value as written
 * @param rawActivation the activationIso value as written ("" when the column is absent)
 * @param key           the key without whitespace (InputRules), the one that is sent
 * @param nodeId        the nodeId without surrounding whitespace
 * @param activation    the activation asked for, or null when it could not be read
 * @param problems      what is wrong with the row in the file itself, in words; empty when it is fine
 */
public record BulkRow(int line, String rawKey, String rawNodeId, String rawActivation, String key, String nodeId,
                      ActivationTime activation, List<String> problems) {

    public BulkRow {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    BulkRow withProblem(String problem) {
        List<String> more = new ArrayList<>(problems);
        more.add(problem);
        return new BulkRow(line, rawKey, rawNodeId, rawActivation, key, nodeId, activation, more);
    }
}
