package app.licensedesk.api;

/** The server's answer to a successful claim: the license and the controller it is now linked to. */
public record ClaimedLicense(String licenseId, String key, String nodeId) {
}
