package app.licensedesk.service;

import app.licensedesk.model.License;
import java.time.Instant;

/**
 * What is true after an activation or a claim: what the server answered, or, when the answer was lost or the
 * request refused, what reading the license back showed. The app never sends such a request again by itself.
 *
 * @param action    what was asked
 * @param status    how it ended
 * @param key       the license key
 * @param nodeId    for a claim, the controller it was asked for; null for an activation
 * @param license   the license as the server now describes it (possibly only some fields), or null when unknown
 * @param claimedTo the controller the license is now known to be claimed to, or null
 * @param failure   why the server gave no usable answer (lost or refused), or null when it answered
 */
public record LicenseOutcome(Action action, Status status, String key, String nodeId, License license,
                             String claimedTo, Failure failure) {

    /** What was asked. */
    public enum Action { ACTIVATE, CLAIM }

    /** How it ended. */
    public enum Status {
        /** The server answered: done. */
        DONE,
        /** The server refused (400), and the read-back shows the license already is so (activated, claimed). */
        ALREADY,
        /** The server refused (400) for a reason the read-back does not explain. */
        REFUSED,
        /** The answer was lost; the read-back shows the request was applied. */
        LOST_DONE,
        /** The answer was lost; the read-back shows it was not applied, so it is safe to try again. */
        LOST_NOT_DONE,
        /** The answer was lost and the license could not be read back: nobody knows yet. */
        LOST_UNKNOWN
    }

    /** True when the answer was lost (whatever the read-back showed). */
    public boolean answerLost() {
        return status == Status.LOST_DONE || status == Status.LOST_NOT_DONE || status == Status.LOST_UNKNOWN;
    }

    /** The license's activation date as now known, or null. */
    public Instant activatedAt() {
        return license == null ? null : license.activationDate();
    }
}
