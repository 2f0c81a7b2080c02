package app.licensedesk.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one search rule for customers, controllers and the claim picker, so users meet the same behaviour everywhere:
 * every word of the query must appear in one of the fields (a name, a nodeId, a UUID), ignoring case and accents
 * ("backerei" finds "Bäckerei", "sgc 0001" finds nodeId "SGC-0001-KPWQ" of "Site Gent"). An empty query matches all.
 */
public final class SearchQuery {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private final String[] words;

    private SearchQuery(String[] words) {
        this.words = words;
    }

    public static SearchQuery of(String query) {
        String folded = fold(query).trim();
        return new SearchQuery(folded.isEmpty() ? new String[0] : BLANKS.split(folded));
    }

    public boolean isEmpty() {
        return words.length == 0;
    }

    /** True when every word of the query is contained in at least one of the fields (null fields never match). */
    public boolean matches(String... fields) {
        if (words.length == 0) {
            return true;
        }
        String[] folded = Arrays.stream(fields).map(f -> f == null ? null : fold(f)).toArray(String[]::new);
        for (String word : words) {
            boolean found = false;
            for (String field : folded) {
                if (field != null && field.contains(word)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * How well the fields match, for putting the best matches first (call it for fields that {@link #matches}): 0 when
     * a field equals the query, 1 when a field starts with it, 2 when a word in a field does ("mol" in "Cold store
     * Mol", "0001" in "SGC-0001-KPWQ"), 3 otherwise. Case, accents and blanks as in matching.
     */
    public int rank(String... fields) {
        String whole = String.join(" ", words);
        int best = 3;
        for (String field : fields) {
            String folded = field == null ? "" : BLANKS.matcher(fold(field).trim()).replaceAll(" ");
            if (folded.equals(whole)) {
                return 0;
            }
            for (int at = folded.indexOf(whole); at >= 0 && best > 1; at = folded.indexOf(whole, at + 1)) {
                best = Math.min(best, at == 0 ? 1 : Character.isLetterOrDigit(folded.charAt(at - 1)) ? 3 : 2);
            }
        }
        return best;
    }

    /** Lower case without accents, the same in every locale (no Turkish dotless i). */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
