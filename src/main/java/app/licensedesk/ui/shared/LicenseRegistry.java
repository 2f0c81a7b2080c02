package app.licensedesk.ui.shared;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Hands out the one {@link LicenseRow} per license, so every view shares it. Used on the FX thread only.
 */
public final class LicenseRegistry {

    private final Map<String, LicenseRow> rows = new HashMap<>();
    private final List<BiConsumer<LicenseRow, String>> linkListeners = new ArrayList<>();
    private final LicenseTerms terms;
    private final Clock clock;

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
        LicenseRow row = rows.computeIfAbsent(identity, k -> new LicenseRow());
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

    /** Recomputes every status against the clock (e.g. after a refresh, when time has moved on). */
    public void recomputeAll() {
        rows.values().forEach(r -> r.recompute(terms, clock.instant()));
    }

    /** Forgets everything: on sign-out, so nothing of one account shows in the next. */
    public void clear() {
        rows.clear();
    }

    private static String identityOf(License license) {
        if (license.key() != null) {
            return license.key();
        }
        return license.id() == null ? "?" : license.id();
    }
}
