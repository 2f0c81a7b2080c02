package app.licensedesk.model;

/**
 * A license linked to a controller, as the server confirmed it: the one claim result from the HTTP boundary to the
 * screens.
 *
 * @param licenseId the license's id, or null when the answer did not carry it
 * @param key       the license key (the key that was sent, when the answer did not carry one)
 * @param nodeId    the controller it is now linked to
 */
public record Claim(String licenseId, String key, String nodeId) {
}
