package app.licensedesk.ui.shared;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Hands out the one {@link LicenseRow} per license, so every view shares it. Used on the FX thread only.
 */
public final class LicenseRegistry {

    private final Map<String, LicenseRow> rows = new HashMap<>();
    private final List<BiConsumer<LicenseRow, String>> linkListeners = new ArrayList<>();
    // the rows that have a key (each row keeps its key in lower case): a key search is one pass of contains
    private final List<LicenseRow> keyed = new ArrayList<>();
    private final LicenseTerms terms;
    private final Clock clock;
    /** Changes whenever a row that existed changes (or all are recomputed or forgotten): see {@link #version()}. */
    private long version;

    public LicenseRegistry(LicenseTerms terms, Clock clock) {
        this.terms = terms;
        this.clock = clock;
    }

    public LicenseTerms terms() {
        return terms;
    }

    /**
     * The row of this license, created or updated with what the server just said: the fields the answer carries
     * are merged into the row, the others keep what was known.
     *
     * @param customer the customer the license was found under, or null when not known from this answer
     */
    public LicenseRow put(License license, Customer customer) {
        String identity = identityOf(license);
        LicenseRow row = rows.get(identity);
        if (row == null) {
            row = new LicenseRow();
            rows.put(identity, row);
            if (license.key() != null) {
                keyed.add(row);
            }
        } else {
            version++;
        }
        row.update(license, customer, terms, clock.instant());
        return row;
    }

    /** The row of a license listed by {@code GET /v1/license/controller/{nodeId}}: it learns that controller. */
    public LicenseRow putUnderController(License license, String nodeId, Customer customer) {
        LicenseRow row = put(license, customer);
        seenUnder(row, nodeId);
        return row;
    }

    /**
     * Calls {@code listener} (on the FX thread) whenever a row learns a controller it is claimed to or listed
     * under, so a view that shows that controller's licenses can show the row without asking the server again.
     */
    public void onLinked(BiConsumer<LicenseRow, String> listener) {
        linkListeners.add(listener);
    }

    private void seenUnder(LicenseRow row, String nodeId) {
        if (row.seenUnder(nodeId)) {
            List.copyOf(linkListeners).forEach(l -> l.accept(row, nodeId));
        }
    }

    /**
     * Records that the license with this key is claimed to a controller. A license no view has loaded yet gets a
     * row that knows only its key, so a view that loads it later shows the controller too.
     */
    public void linkController(String key, String nodeId) {
        LicenseRow row = rows.get(key);
        if (row == null) {
            row = put(License.ofKey(key), null);
        }
        seenUnder(row, nodeId);
    }

    /**
     * What an activation or a claim taught, from the service's outcome: the license as the server now describes
     * it, and the controller it is now claimed to. The one place the shared rows learn from those calls.
     */
    public void record(LicenseOutcome outcome) {
        if (outcome.license() != null && outcome.license().key() != null) {
            put(outcome.license(), null);
        }
        if (outcome.claimedTo() != null) {
            linkController(outcome.key(), outcome.claimedTo());
        }
    }

    /** Where the license with this key was seen, for reading it back; nothing when no view has shown it. */
    public LicenseContext whereSeen(String key) {
        LicenseRow row = rows.get(key);
        return row == null ? LicenseContext.none() : new LicenseContext(row.getCustomer(), row.getControllers());
    }

    public Optional<LicenseRow> byKey(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    /** A match of a key search: how well it matched (0 the whole key, 1 its start, 2 elsewhere), then the key. */
    private record Hit(int rank, String lowerKey, LicenseRow row) {
        static final Comparator<Hit> BEST_FIRST = Comparator.comparingInt(Hit::rank).thenComparing(Hit::lowerKey);
    }

    /**
     * The rows whose key contains {@code text} (case ignored), at most {@code limit}: the row with exactly that key
     * first, then keys that start with it, then the others, each group by key. One pass over lower-case keys
     * computed once, so it stays cheap with 100,000 rows; nothing for a blank text.
     */
    public List<LicenseRow> findByKey(String text, int limit) {
        String query = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        // the worst of the best so far on top, so it is the one to drop
        PriorityQueue<Hit> best = new PriorityQueue<>(limit, Hit.BEST_FIRST.reversed());
        for (LicenseRow row : keyed) {
            String key = row.searchKey();
            int at = key.indexOf(query);
            if (at < 0) {
                continue;
            }
            int rank = key.length() == query.length() ? 0 : at == 0 ? 1 : 2;
            if (best.size() == limit) {
                Hit worst = best.peek();
                if (rank > worst.rank() || rank == worst.rank() && key.compareTo(worst.lowerKey()) >= 0) {
                    continue; // no better than the worst kept: most matches of a short text end here, unallocated
                }
                best.poll();
            }
            best.add(new Hit(rank, key, row));
        }
        List<Hit> found = new ArrayList<>(best);
        found.sort(Hit.BEST_FIRST);
        return found.stream().map(Hit::row).toList();
    }

    /** Recomputes every status against the clock (e.g. after a refresh, when time has moved on). */
    public void recomputeAll() {
        rows.values().forEach(r -> r.recompute(terms, clock.instant()));
        version++;
    }

    /**
     * A number that changes whenever a row's status, type, customer or key may have changed, so a view that kept
     * the result of a filter knows when it must test the rows again (a new row does not change it: it is new to
     * every view, and views test it as it comes).
     */
    public long version() {
        return version;
    }

    /** Forgets everything: on sign-out, so nothing of one account shows in the next. */
    public void clear() {
        version++;
        rows.clear();
        keyed.clear();
    }

    private static String identityOf(License license) {
        if (license.key() != null) {
            return license.key();
        }
        return license.id() == null ? "?" : license.id();
    }
}
