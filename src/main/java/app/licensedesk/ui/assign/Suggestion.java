package app.licensedesk.ui.assign;

import app.licensedesk.model.LicenseStatus;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An obvious pair: a free license of a type and a controller without a live license of that type.
 *
 * @param license    free, not queued, neither expired nor deactivated, of a known type
 * @param controller its license list is known, it has no pair in the queue and no live license of that type
 */
public record Suggestion(LicenseRow license, ControllerItem controller) {

    /** Which licenses go first: the statuses a suggestion may have, freshest first. */
    private static final List<LicenseStatus> FRESH_FIRST = List.of(LicenseStatus.NOT_ACTIVATED,
            LicenseStatus.SCHEDULED, LicenseStatus.ACTIVE, LicenseStatus.EXPIRING);

    /**
     * The obvious pairs: each controller (in the given order) that has no pair in the queue gets at most one, for
     * the first type it lacks among the free licenses. Of a type, a license not yet activated goes before an active
     * or expiring one, then the oldest first. Each license is suggested once.
     *
     * @param free        the licenses that are not linked and not queued, in the order shown
     * @param controllers the customer's controllers, in the order shown
     * @param queued      the nodeIds of the controllers that have a pair in the queue
     */
    static List<Suggestion> of(List<LicenseRow> free, List<ControllerItem> controllers, Set<String> queued) {
        List<LicenseRow> candidates = new ArrayList<>(free.stream().filter(Suggestion::usable).toList());
        // a fresh license before one that is already running out, then the oldest first
        Comparator<Instant> oldestFirst = Comparator.nullsLast(Comparator.naturalOrder());
        candidates.sort(Comparator.comparingInt((LicenseRow r) -> FRESH_FIRST.indexOf(r.getStatus()))
                .thenComparing(r -> r.getLicense().creationDate(), oldestFirst)
                .thenComparing(LicenseRow::getKey));
        List<String> types = candidates.stream().map(r -> r.getLicense().type()).distinct().toList();
        Set<LicenseRow> taken = new HashSet<>();
        List<Suggestion> out = new ArrayList<>();
        for (ControllerItem controller : controllers) {
            if (!controller.known() || queued.contains(controller.nodeId())) {
                continue;
            }
            for (String type : types) {
                if (controller.hasLiveLicenseOf(type)) {
                    continue;
                }
                LicenseRow license = candidates.stream()
                        .filter(r -> type.equals(r.getLicense().type()) && !taken.contains(r))
                        .findFirst().orElse(null);
                if (license != null) {
                    taken.add(license);
                    out.add(new Suggestion(license, controller));
                    break;
                }
            }
        }
        return out;
    }

    /** A license worth suggesting: of a known type and still of use (neither expired nor deactivated). */
    private static boolean usable(LicenseRow row) {
        String type = row.getLicense().type();
        return type != null && !type.isBlank() && !row.getKey().isEmpty() && FRESH_FIRST.contains(row.getStatus());
    }
}
