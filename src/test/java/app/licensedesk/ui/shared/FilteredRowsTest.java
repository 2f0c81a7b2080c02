package app.licensedesk.ui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

class FilteredRowsTest {

    /** A mutable element, like a license row whose status changes. */
    static final class Item {
        String key;
        String status;

        Item(String key, String status) {
            this.key = key;
            this.status = status;
        }

        @Override
        public String toString() {
            return key + "/" + status;
        }
    }

    /** Contains a text, and optionally has a status: narrower when the text grows or a status is added. */
    record Text(String status, String part) implements FilteredRows.Filter<Item> {
        @Override
        public boolean test(Item item) {
            return (status == null || status.equals(item.status)) && item.key.contains(part);
        }

        @Override
        public boolean within(FilteredRows.Filter<Item> wider) {
            return wider instanceof Text w && (w.status == null || w.status.equals(status)) && part.contains(w.part);
        }

        @Override
        public String textOnly() {
            return status == null && !part.isEmpty() ? part : null;
        }
    }

    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final SortedList<Item> sorted = new SortedList<>(items);
    private final AtomicLong version = new AtomicLong();
    private final FilteredRows<Item> view = new FilteredRows<>(sorted, version::get, item -> item.key);
    /** What a listener sees: it applies every change to its own copy, which must equal the view afterwards. */
    private final List<Item> mirror = new ArrayList<>();

    FilteredRowsTest() {
        view.addListener((ListChangeListener<Item>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    List<Item> before = new ArrayList<>(mirror.subList(c.getFrom(), c.getTo()));
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        mirror.set(c.getPermutation(i), before.get(i - c.getFrom()));
                    }
                } else {
                    assertThat(mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()))
                            .containsExactlyElementsOf(c.getRemoved());
                    mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                    mirror.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
    }

    private List<Item> expected(Predicate<Item> filter) {
        return sorted.stream().filter(filter == null ? i -> true : filter).toList();
    }

    private void check(Text filter) {
        assertThat(view).containsExactlyElementsOf(expected(filter));
        assertThat(mirror).containsExactlyElementsOf(view);
        for (int i = 0; i < view.size(); i++) {
            assertThat(sorted.get(view.getSourceIndex(i))).isSameAs(view.get(i));
            assertThat(view.getViewIndex(view.getSourceIndex(i))).isEqualTo(i);
        }
    }

    private static String key(Random random) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            key.append("abcde".charAt(random.nextInt(5)));
        }
        return key.toString();
    }

    @Test
    void everyStepShowsWhatTheFilterPassesAndListenersSeeTheSame() {
        Random random = new Random(7);
        String[] statuses = {"on", "off", "late"};
        for (int i = 0; i < 300; i++) {
            items.add(new Item(key(random), statuses[random.nextInt(3)]));
        }
        Text filter = null;
        for (int step = 0; step < 2_000; step++) {
            switch (random.nextInt(9)) {
                case 0 -> items.add(random.nextInt(items.size() + 1), new Item(key(random), statuses[0]));
                case 1 -> {
                    int from = random.nextInt(items.size());
                    items.remove(from, Math.min(items.size(), from + random.nextInt(4)));
                }
                case 2 -> sorted.setComparator(random.nextBoolean() ? null
                        : Comparator.comparing((Item item) -> item.key, random.nextBoolean()
                        ? Comparator.naturalOrder() : Comparator.reverseOrder()));
                case 3 -> {
                    // a row changes as the registry changes it: the version moves on
                    items.get(random.nextInt(items.size())).status = statuses[random.nextInt(3)];
                    version.incrementAndGet();
                    filter = null; // a row that changed leaves or joins the view at the next filter
                    view.setFilter(null);
                }
                default -> {
                    // typing and deleting: a part grows or shrinks by a letter, sometimes a status is picked
                    String part = filter == null ? "" : filter.part();
                    if (part.length() < 4 && (part.isEmpty() || random.nextBoolean())) {
                        part = part + "abcde".charAt(random.nextInt(5));
                    } else {
                        part = part.substring(0, part.length() - 1);
                    }
                    String status = random.nextInt(4) == 0 ? statuses[random.nextInt(3)]
                            : filter == null ? null : filter.status();
                    filter = new Text(status, part);
                    view.setFilter(filter);
                }
            }
            check(filter);
        }
    }

    @Test
    void aKeptResultIsNotReusedOnceARowHasChanged() {
        Item a = new Item("aa", "on");
        Item b = new Item("ab", "off");
        items.addAll(a, b);
        Text on = new Text("on", "a");
        view.setFilter(on);
        assertThat(view).containsExactly(a);
        view.setFilter(new Text("on", "aa")); // keeps the result of "on a"
        b.status = "on";
        version.incrementAndGet();
        view.setFilter(on); // must test again: b passes now
        assertThat(view).containsExactly(a, b);
        view.setFilter(new Text("on", "ab")); // narrows the exact result
        assertThat(view).containsExactly(b);
        check(new Text("on", "ab"));
    }

    @Test
    void aTextOnlyFilterOverManyRowsFindsWhatTestingEachRowFinds() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            items.add(new Item(key(random), "on"));
        }
        items.add(new Item("ab\ncd", "on")); // a text with the index's separator in it
        sorted.setComparator(Comparator.comparing((Item item) -> item.key).reversed());
        // more than the rows a narrower filter tests one by one: each step is answered by the text index
        for (String part : List.of("a", "ab", "abc", "b", "bc", "bca", "cd", "b\nc", "eeeee", "abcdea", "")) {
            Text filter = new Text(null, part);
            view.setFilter(filter);
            check(filter);
        }
        assertThat(view).hasSize(5_001);
    }

    @Test
    void theTextIndexFollowsARowWhoseTextChanged() {
        Item a = new Item("alpha", "on");
        Item b = new Item("beta", "on");
        items.addAll(a, b);
        view.setFilter(new Text(null, "al"));
        assertThat(view).containsExactly(a);
        b.key = "balance";
        version.incrementAndGet();
        view.setFilter(new Text(null, "la"));
        assertThat(view).containsExactly(b);
        items.add(new Item("lambda", "on"));
        view.setFilter(new Text(null, "lam"));
        check(new Text(null, "lam"));
        assertThat(view).extracting(item -> item.key).containsExactly("lambda");
    }

    @Test
    void rowsArrivingWhileFilteredAreTestedAsTheyCome() {
        items.addAll(new Item("abc", "on"), new Item("xyz", "on"));
        Text filter = new Text(null, "b");
        view.setFilter(filter);
        items.addAll(1, List.of(new Item("bbb", "on"), new Item("ccc", "on")));
        check(filter);
        assertThat(view).extracting(item -> item.key).containsExactly("abc", "bbb");
    }
}
