package app.licensedesk.model;

/**
 * The status derived from a license's dates, for display and filters. {@link #SCHEDULED} covers an
 * activation date in the future (activation "at a chosen date"), which the contract's list does not name.
 */
public enum LicenseStatus {
    NOT_ACTIVATED,
    SCHEDULED,
    ACTIVE,
    EXPIRING,
    EXPIRED,
    DEACTIVATED
}
