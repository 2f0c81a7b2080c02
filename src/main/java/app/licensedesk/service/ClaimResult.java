package app.licensedesk.service;

/** What the server said after a successful claim: the license now linked to the controller. */
public record ClaimResult(String licenseId, String key, String nodeId) {
}
