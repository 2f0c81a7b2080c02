package app.licensedesk.service.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the activity log: a change the app asked of the server (or what became of it), with who, where and
 * when. A change is written as several entries that share a correlation id: {@link Outcome#SENT} just before the
 * request goes out, then what came back, and, when the answer was lost, what reading the license back showed. It
 * has no field for a password or a token, on purpose.
 *
 * @param correlationId the same for every entry about one request
 * @param time          when this entry was written
 * @param environment   the environment's kind ("PRODUCTION", "SANDBOX", "CUSTOM")
 * @param server        the API base URL the request went to
 * @param user          the signed-in username, or "" when unknown
 * @param action        what was asked
 * @param key           the license key as sent
 * @param nodeId        for a claim: the controller asked for; else null
 * @param requestedAt   for an activation at a chosen instant: that instant; null for "now" and for claims
 * @param outcome       what this entry says about the request
 * @param activatedAt   the activation date the server (or the read-back) reported, or null
 * @param claimedTo     the controller the server (or the read-back) reported the license claimed to, or null
 * @param errorKind     for a failure: the error kind (e.g. "FORBIDDEN", "TIMEOUT"), else null
 * @param httpStatus    for a failure with an answer: its HTTP status, else 0
 * @param message       the server's words for a failure (or what the client saw), else null
 */
public record ActivityEntry(String correlationId, Instant time, String environment, String server, String user,
                            Action action, String key, String nodeId, Instant requestedAt, Outcome outcome,
                            Instant activatedAt, String claimedTo, String errorKind, int httpStatus,
                            String message) {

    /** What the app asked the server to change. */
    public enum Action { ACTIVATE, CLAIM }

    /** What an entry says about its request. */
    public enum Outcome {
        /** Written just before the request goes out; alone, it means no answer was ever recorded. */
        SENT,
        /** The server answered that it was done. */
        DONE,
        /** The server answered with an error: it did not do it. */
        REFUSED,
        /** The request never reached the server (the connection could not be opened). */
        NOT_SENT,
        /** The request may have reached the server but its answer was lost: nobody knows yet. */
        UNKNOWN,
        /** What reading the license back showed, after an unknown outcome or a refusal. */
        READ_BACK
    }

    public ActivityEntry {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        user = user == null ? "" : user;
    }

    /** A later entry about the same request: same correlation id and request, a new time and outcome. */
    public ActivityEntry followUp(Instant at, Outcome newOutcome) {
        return new ActivityEntry(correlationId, at, environment, server, user, action, key, nodeId, requestedAt,
                newOutcome, null, null, null, 0, null);
    }

    /** A copy that carries what the server (or a read-back) reported about the license. */
    public ActivityEntry withState(Instant newActivatedAt, String newClaimedTo) {
        return new ActivityEntry(correlationId, time, environment, server, user, action, key, nodeId, requestedAt,
                outcome, newActivatedAt, newClaimedTo, errorKind, httpStatus, message);
    }

    /** A copy that carries why the request failed. */
    public ActivityEntry withError(String newErrorKind, int newHttpStatus, String newMessage) {
        return new ActivityEntry(correlationId, time, environment, server, user, action, key, nodeId, requestedAt,
                outcome, activatedAt, claimedTo, newErrorKind, newHttpStatus, newMessage);
    }
}
