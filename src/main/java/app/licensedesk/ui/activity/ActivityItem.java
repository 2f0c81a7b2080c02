package app.licensedesk.ui.activity;

import app.licensedesk.service.activity.ActivityEntry.Outcome;
import app.licensedesk.service.activity.ActivityEntry;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change as the Activity page lists it: the entries of one request (same correlation id) folded into a line,
 * with its latest outcome and the whole story in words ("Outcome unknown (TIMEOUT), then read back as claimed to
 * SGC-0001").
 *
 * @param time    when the request was sent (its first entry)
 * @param entries its entries in the order written
 */
record ActivityItem(Instant time, List<ActivityEntry> entries) {

    ActivityItem {
        entries = List.copyOf(entries);
    }

    /** The log's entries as changes, newest first. */
    static List<ActivityItem> fold(List<ActivityEntry> log) {
        Map<String, List<ActivityEntry>> byRequest = new LinkedHashMap<>();
        for (ActivityEntry entry : log) {
            byRequest.computeIfAbsent(entry.correlationId(), id -> new ArrayList<>()).add(entry);
        }
        List<ActivityItem> items = new ArrayList<>(byRequest.size());
        byRequest.values().forEach(entries -> items.add(new ActivityItem(entries.get(0).time(), entries)));
        items.sort(Comparator.comparing(ActivityItem::time).reversed());
        return items;
    }

    ActivityEntry first() {
        return entries.get(0);
    }

    /** The latest outcome: {@link Outcome#SENT} while nothing came back. */
    Outcome outcome() {
        return entries.get(entries.size() - 1).outcome();
    }

    String key() {
        return nullToEmpty(first().key());
    }

    /** For a claim: the controller asked for. */
    String controller() {
        return nullToEmpty(first().nodeId());
    }

    String user() {
        return first().user();
    }

    String environment() {
        return first().environment() == null ? "" : I18n.t("dialog.env." + first().environment());
    }

    String server() {
        return nullToEmpty(first().server());
    }

    String action() {
        return I18n.t("activity.action." + first().action().name());
    }

    String outcomeText() {
        return I18n.t("activity.outcome." + outcome().name());
    }

    /** What happened after the sending: "Refused (...)", "Outcome unknown (...), then read back as ...". */
    String story() {
        List<String> steps = new ArrayList<>();
        for (ActivityEntry entry : entries) {
            switch (entry.outcome()) {
                case SENT -> {
                    // the request itself; what follows says what came of it
                }
                case DONE -> steps.add(I18n.t("activity.story.DONE", state(entry)));
                case REFUSED, NOT_SENT, UNKNOWN -> steps.add(entry.errorKind() == null
                        ? I18n.t("activity.story." + entry.outcome().name() + ".bare")
                        : I18n.t("activity.story." + entry.outcome().name(), error(entry)));
                case READ_BACK -> steps.add(entry.errorKind() == null
                        ? I18n.t("activity.story.READ_BACK", state(entry))
                        : I18n.t("activity.story.READ_BACK.failed", error(entry)));
            }
        }
        if (steps.isEmpty()) {
            steps.add(I18n.t("activity.story.SENT"));
        }
        String story = String.join(I18n.t("activity.story.then"), steps);
        story = story.substring(0, 1).toUpperCase(I18n.locale()) + story.substring(1);
        Instant asked = first().requestedAt();
        return asked == null ? story : story + " " + I18n.t("activity.story.at", Formats.dateTime(asked));
    }

    /** What the server or the read-back said the license now is. */
    private String state(ActivityEntry entry) {
        return switch (entry.action()) {
            case ACTIVATE -> entry.activatedAt() == null ? I18n.t("activity.state.notActivated")
                    : I18n.t("activity.state.activated", Formats.dateTime(entry.activatedAt()));
            case CLAIM -> entry.claimedTo() == null ? I18n.t("activity.state.notClaimed")
                    : I18n.t("activity.state.claimed", entry.claimedTo());
        };
    }

    private static String error(ActivityEntry entry) {
        String kind = entry.errorKind() == null ? "" : entry.errorKind();
        String status = entry.httpStatus() == 0 ? kind : kind + " " + entry.httpStatus();
        return entry.message() == null || entry.message().isBlank() ? status : status + ": " + entry.message();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
