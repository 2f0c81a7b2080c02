package app.licensedesk.ui.shared;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * For {@link FilteredRows}: every element's search text in one string, in the source's order, each followed by
 * {@link #END}. A text is found by {@code String.indexOf} running over contiguous memory (vectorised by the JVM),
 * where testing 100,000 rows one by one followed three references per row (the sorted list's element, the row, its
 * text) to objects spread over the heap, as the rows are sorted and were not made in that order: at 100,000 rows
 * that waiting for memory was most of a keystroke. Made the first time a text-only filter needs it, and again after
 * the source or a row changed; it costs about 22 bytes a row (the text and its start) while it is kept.
 */
final class TextIndex {
    /** Follows each text; a text containing it is not looked for here (nobody can type it in a search field). */
    static final char END = '\n';

    final long version;
    private final String all;
    /** Where each element's text starts in {@link #all}; one more entry: the length of all. */
    private final int[] starts;

    <E> TextIndex(List<? extends E> source, Function<? super E, String> searchText, long version) {
        this.version = version;
        int n = source.size();
        starts = new int[n + 1];
        StringBuilder texts = new StringBuilder(n * 20);
        for (int i = 0; i < n; i++) {
            starts[i] = texts.length();
            texts.append(searchText.apply(source.get(i))).append(END);
        }
        starts[n] = texts.length();
        all = texts.toString();
    }

    /**
     * The source indexes, ascending, of the elements whose text contains {@code text} (which has no END, so no
     * match runs from one text into the next).
     */
    int[] find(String text) {
        int[] found = new int[64];
        int count = 0;
        int row = 0;
        int at = all.indexOf(text);
        while (at >= 0) {
            while (starts[row + 1] <= at) {
                row++;
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = row;
            at = all.indexOf(text, starts[row + 1]);
        }
        return Arrays.copyOf(found, count);
    }
}
