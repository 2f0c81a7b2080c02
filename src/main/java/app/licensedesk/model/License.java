package app.licensedesk.model;

import java.time.Instant;
import java.util.List;

/**
 * A software license as the API describes it. Every field may be null: the API may omit any of them.
 *
 * @param duration  a whole number of units, see {@link LicenseTerms} for the unit decision
 * @param type      "residential", "commercial" or any other value the server sends, kept as it is
 * @param datalinks UUIDs of the datalinks the license is linked to; empty when the server did not send them
 */
public record License(String id, String key, Integer gridKw, Integer solarKw, Integer batteryKw, Integer evKw,
                      Instant creationDate, Instant activationDate, Integer duration, Instant deactivationDate,
                      String type, List<String> datalinks) {

    public License {
        datalinks = datalinks == null ? List.of() : List.copyOf(datalinks);
    }

    /** A copy with another activation date (used after a successful activation when only part is known). */
    public License withActivationDate(Instant newActivationDate) {
        return new License(id, key, gridKw, solarKw, batteryKw, evKw, creationDate, newActivationDate, duration,
                deactivationDate, type, datalinks);
    }
}
