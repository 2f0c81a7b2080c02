package app.licensedesk.model;

import java.util.regex.Pattern;

/**
 * The rules for what users type into the dialogs: license keys, nodeIds and customer ids. Each check returns
 * null when the input is fine, else a message key that the UI turns into words.
 */
public final class InputRules {

    /** The contract's upper bound for a license key. */
    public static final int MAX_KEY_LENGTH = 50;

    public static final String KEY_EMPTY = "input.key.empty";
    public static final String KEY_TOO_LONG = "input.key.tooLong";
    public static final String NODE_ID_EMPTY = "input.nodeId.empty";
    public static final String CUSTOMER_ID_EMPTY = "input.customerId.empty";
    public static final String CUSTOMER_ID_INVALID = "input.customerId.invalid";

    // UUID.fromString accepts short groups such as "1-1-1-1-1", so the shape is checked explicitly.
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InputRules() {
    }

    /**
     * The key without any whitespace: keys contain no spaces, so spaces, tabs and line breaks in the input come
     * from pasting (e-mails, PDFs) and are dropped, including non-breaking and zero-width spaces.
     */
    public static String normalizeKey(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> !isBlank(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean isBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Checks a normalized key: 1 to {@value #MAX_KEY_LENGTH} characters. */
    public static String keyProblem(String normalizedKey) {
        if (normalizedKey == null || normalizedKey.isEmpty()) {
            return KEY_EMPTY;
        }
        return normalizedKey.length() > MAX_KEY_LENGTH ? KEY_TOO_LONG : null;
    }

    /** Checks a controller nodeId: at least one character that is not whitespace. */
    public static String nodeIdProblem(String nodeId) {
        return nodeId == null || nodeId.trim().isEmpty() ? NODE_ID_EMPTY : null;
    }

    /** Checks a customer id: a UUID (surrounding whitespace is ignored). */
    public static String customerIdProblem(String customerId) {
        if (customerId == null || customerId.trim().isEmpty()) {
            return CUSTOMER_ID_EMPTY;
        }
        return UUID.matcher(customerId.trim()).matches() ? null : CUSTOMER_ID_INVALID;
    }
}
