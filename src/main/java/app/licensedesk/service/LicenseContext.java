package app.licensedesk.service;

import app.licensedesk.model.Customer;
import java.util.List;

/**
 * Where the app has seen a license: the lists an activation or a claim can read it back from when the answer is
 * lost or the server refuses.
 *
 * @param customer    the customer it is listed under, or null when not known
 * @param controllers the controllers it was listed under or claimed to, in the order learnt
 */
public record LicenseContext(Customer customer, List<String> controllers) {

    public LicenseContext {
        controllers = controllers == null ? List.of() : List.copyOf(controllers);
    }

    /** Nothing is known beyond the key. */
    public static LicenseContext none() {
        return new LicenseContext(null, List.of());
    }
}
