package app.licensedesk.ui.shared;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener.Change;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/**
 * A filtered view of a (sorted) list, like {@code FilteredList}, made for 100,000 rows and a filter change per
 * keystroke:
 * <ul>
 *   <li>a filter within the last one (the query grew by a letter) tests only the rows the last one passed;</li>
 *   <li>the last few results are kept while the rows stay the same, so deleting what was typed is a lookup;</li>
 *   <li>a filter that asks only for a text is answered from a {@link TextIndex}: one scan of contiguous memory;</li>
 *   <li>a filter change is one replacement, one pass and no more (see {@link #show}).</li>
 * </ul>
 * Changes of the source (rows arriving, a new sort order) are followed as {@code FilteredList} follows them. A row
 * whose fields change does not leave or join the view by itself (as with {@code FilteredList} without an
 * extractor); {@code rowsVersion} must change whenever one does, so nothing stale is reused.
 */
public final class FilteredRows<E> extends TransformationList<E, E> {

    /** A filter that can tell that it passes no more than another one did. */
    public interface Filter<E> extends Predicate<E> {
        /** True when every element this filter passes, {@code wider} passes too. */
        boolean within(Filter<E> wider);

        /**
         * The text this filter looks for in each element's search text, when that is all it asks (an element passes
         * exactly when its search text contains it); null when it asks more or something else.
         */
        default String textOnly() {
            return null;
        }
    }

    /** Results kept for lookups: typing a word of eight letters and deleting it again finds each one here. */
    private static final int KEPT = 8;

    private final LongSupplier rowsVersion;
    /** Source indexes of the rows in view, ascending. */
    private int[] filtered = new int[0];
    private int size;
    private Filter<E> filter;
    /** The rows' version {@link #filtered} is exact for: every row was tested as it was at that version. */
    private long exactFor;
    /** Earlier results for the source as it is now and the rows at {@link #keptFor}. */
    private final Map<Filter<E>, int[]> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Filter<E>, int[]> eldest) {
            return size() > KEPT;
        }
    };
    private long keptFor;
    /** Each element's search text, what {@link Filter#textOnly} looks in; null when filters are only tested. */
    private final Function<? super E, String> searchText;
    /** The search texts of the source as it is now and the rows at {@link TextIndex#version}; null until needed. */
    private TextIndex index;

    /**
     * @param rowsVersion changes whenever an element's fields change (see the class comment)
     * @param searchText  each element's search text, for filters that ask only for a text; null: test each element
     */
    public FilteredRows(ObservableList<E> source, LongSupplier rowsVersion, Function<? super E, String> searchText) {
        super(source);
        this.rowsVersion = rowsVersion;
        this.searchText = searchText;
        this.exactFor = rowsVersion.getAsLong();
        this.keptFor = exactFor;
        filtered = all(source.size());
        size = filtered.length;
    }

    /** Shows the rows this filter passes, or every row for null. */
    public void setFilter(Filter<E> next) {
        if (Objects.equals(next, filter)) {
            return;
        }
        long version = rowsVersion.getAsLong();
        if (version != keptFor) {
            kept.clear();
            keptFor = version;
        }
        int[] result;
        boolean exact = filter != null && exactFor == version;
        if (next == null) {
            result = all(getSource().size());
        } else if (kept.containsKey(next)) {
            result = kept.get(next);
        } else if (exact && next.within(filter) && (size <= NARROW_AT_MOST || !indexed(next))) {
            result = test(next, filtered, size);
        } else if (indexed(next)) {
            result = textIndex(version).find(next.textOnly());
        } else {
            result = testAll(next);
        }
        if (exact) {
            kept.put(filter, Arrays.copyOf(filtered, size));
        }
        filter = next;
        exactFor = version;
        show(result);
    }

    /**
     * The most rows a narrower filter tests one by one before the {@link TextIndex} is asked instead: a row tested
     * costs a few references followed to objects spread over the heap; the index costs one scan of every text.
     */
    private static final int NARROW_AT_MOST = 2_000;

    /** Whether the {@link TextIndex} can answer this filter: it asks only for a text, one the index can look for. */
    private boolean indexed(Filter<E> next) {
        String text = next.textOnly();
        return searchText != null && text != null && text.indexOf(TextIndex.END) < 0;
    }

    private TextIndex textIndex(long version) {
        if (index == null || index.version != version) {
            index = new TextIndex(getSource(), searchText, version);
        }
        return index;
    }

    private int[] testAll(Filter<E> next) {
        List<? extends E> source = getSource();
        int n = source.size();
        int[] out = new int[n];
        int found = 0;
        for (int i = 0; i < n; i++) {
            if (next.test(source.get(i))) {
                out[found++] = i;
            }
        }
        return Arrays.copyOf(out, found);
    }

    private int[] test(Filter<E> next, int[] among, int count) {
        List<? extends E> source = getSource();
        int[] out = new int[count];
        int found = 0;
        for (int i = 0; i < count; i++) {
            if (next.test(source.get(among[i]))) {
                out[found++] = among[i];
            }
        }
        return Arrays.copyOf(out, found);
    }

    private static int[] all(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /**
     * From the rows in view to {@code next}, told as one replacement, as {@code FilteredList} tells it: the
     * TableView then keeps its selection rules and focus (several smaller changes moved both wrongly), and
     * {@link LicenseTable} refills its visible rows without building them again. Nothing is told when the rows in
     * view stay the same. The change is made here rather than by the change builder, which handles a removed list
     * one element at a time. The removed rows are read from the source when a listener asks for them, as listeners
     * do while they are told: copying 100,000 rows that no listener reads took longer than the filter itself.
     */
    private void show(int[] next) {
        if (Arrays.equals(filtered, 0, size, next, 0, next.length)) {
            return;
        }
        List<? extends E> source = getSource();
        int[] gone = filtered; // nothing writes to it once it is replaced below
        int goneSize = size;
        List<E> removed = new AbstractList<>() {
            @Override
            public E get(int index) {
                return source.get(gone[Objects.checkIndex(index, goneSize)]);
            }

            @Override
            public int size() {
                return goneSize;
            }
        };
        filtered = next.clone();
        size = next.length;
        fireChange(new Replacement(removed, size));
    }

    /** Every row in view replaced: one sub-change from 0, the old rows removed and {@code added} rows added. */
    private final class Replacement extends Change<E> {
        private final List<E> removed;
        private final int added;
        private boolean current;

        Replacement(List<E> removed, int added) {
            super(FilteredRows.this);
            this.removed = removed;
            this.added = added;
        }

        @Override
        public boolean next() {
            if (current) {
                return false;
            }
            current = true;
            return true;
        }

        @Override
        public void reset() {
            current = false;
        }

        @Override
        public int getFrom() {
            check();
            return 0;
        }

        @Override
        public int getTo() {
            check();
            return added;
        }

        @Override
        public List<E> getRemoved() {
            check();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            check();
            return new int[0];
        }

        private void check() {
            if (!current) {
                throw new IllegalStateException("Invalid Change state: next() must be called before inspecting");
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        return getSource().get(filtered[index]);
    }

    @Override
    public int getSourceIndex(int index) {
        Objects.checkIndex(index, size);
        return filtered[index];
    }

    @Override
    public int getViewIndex(int index) {
        return Arrays.binarySearch(filtered, 0, size, index);
    }

    // following the source, as FilteredList does

    @Override
    protected void sourceChanged(Change<? extends E> c) {
        kept.clear();
        index = null;
        beginChange();
        while (c.next()) {
            if (c.wasPermutated()) {
                permute(c);
            } else if (c.wasUpdated()) {
                update(c);
            } else {
                addRemove(c);
            }
        }
        endChange();
    }

    private boolean passes(E element) {
        return filter == null || filter.test(element);
    }

    /** Where source index {@code p} is or would be in {@link #filtered}. */
    private int position(int p) {
        int at = Arrays.binarySearch(filtered, 0, size, p);
        return at < 0 ? ~at : at;
    }

    private void ensureCapacity(int capacity) {
        if (filtered.length < capacity) {
            filtered = Arrays.copyOf(filtered, Math.max(capacity, size * 3 / 2 + 1));
        }
    }

    private void permute(Change<? extends E> c) {
        int from = position(c.getFrom());
        int to = position(c.getTo());
        if (to <= from) {
            return;
        }
        int[] before = Arrays.copyOfRange(filtered, from, to);
        for (int i = from; i < to; i++) {
            filtered[i] = c.getPermutation(filtered[i]);
        }
        Arrays.sort(filtered, from, to);
        int[] perm = new int[to - from];
        for (int i = 0; i < before.length; i++) {
            perm[i] = Arrays.binarySearch(filtered, from, to, c.getPermutation(before[i]));
        }
        nextPermutation(from, to, perm);
    }

    private void addRemove(Change<? extends E> c) {
        ensureCapacity(getSource().size());
        int from = position(c.getFrom());
        int to = position(c.getFrom() + c.getRemovedSize());
        for (int i = from; i < to; i++) {
            nextRemove(from, c.getRemoved().get(filtered[i] - c.getFrom()));
        }
        int delta = c.getAddedSize() - c.getRemovedSize();
        for (int i = to; i < size; i++) {
            filtered[i] += delta;
        }
        System.arraycopy(filtered, to, filtered, from, size - to);
        size -= to - from;
        List<? extends E> source = getSource();
        int[] added = new int[c.getAddedSize()];
        int count = 0;
        for (int s = c.getFrom(); s < c.getTo(); s++) {
            if (passes(source.get(s))) {
                added[count++] = s;
            }
        }
        if (count > 0) {
            System.arraycopy(filtered, from, filtered, from + count, size - from);
            System.arraycopy(added, 0, filtered, from, count);
            size += count;
            nextAdd(from, from + count);
        }
    }

    private void update(Change<? extends E> c) {
        List<? extends E> source = getSource();
        for (int s = c.getFrom(); s < c.getTo(); s++) {
            E element = source.get(s);
            int at = Arrays.binarySearch(filtered, 0, size, s);
            boolean shown = at >= 0;
            if (shown && !passes(element)) {
                nextRemove(at, element);
                System.arraycopy(filtered, at + 1, filtered, at, size - at - 1);
                size--;
            } else if (shown) {
                nextUpdate(at);
            } else if (passes(element)) {
                int to = ~at;
                ensureCapacity(size + 1);
                System.arraycopy(filtered, to, filtered, to + 1, size - to);
                filtered[to] = s;
                size++;
                nextAdd(to, to + 1);
            }
        }
    }
}
