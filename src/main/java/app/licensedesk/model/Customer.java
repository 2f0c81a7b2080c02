package app.licensedesk.model;

/**
 * A company the signed-in user is linked to; its {@code uuid} is the customerId of the license endpoints.
 *
 * @param id   the numeric company id used by the device query filter
 * @param uuid the customer UUID, or null when the company has none (then it has no license view)
 * @param name the display name
 */
public record Customer(long id, String uuid, String name) {

    /** Whether the license endpoint can be asked about this customer. */
    public boolean hasLicenseView() {
        return uuid != null && !uuid.isBlank();
    }
}
