package app.licensedesk.service;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a license is now, as reading it back showed (see {@link LicenseDeskService#readBack}): whether any list
 * could be read, and the license as the first list that holds it describes it.
 *
 * @param read        whether at least one of the lists could be read
 * @param license     the license as listed, or null when no list that was read holds it
 * @param listedUnder the controller whose list holds it, or null (not found, or found in its customer's list)
 */
public record ReadBack(boolean read, License license, String listedUnder) {

    private static final Logger LOG = LoggerFactory.getLogger(ReadBack.class);
    static final ReadBack NOT_READ = new ReadBack(false, null, null);

    /** True when a list holds the license. */
    public boolean found() {
        return license != null;
    }

    /** The rule of {@link LicenseDeskService#readBack}, over the service's own reads. */
    static ReadBack of(LicenseDeskService service, String key, LicenseContext seen) {
        List<String> under = new ArrayList<>();
        List<Supplier<List<License>>> lists = new ArrayList<>();
        Customer customer = seen.customer();
        if (customer != null && customer.hasLicenseView()) {
            under.add(null);
            lists.add(() -> service.licensesOfCustomer(customer));
        }
        for (String nodeId : seen.controllers()) {
            under.add(nodeId);
            lists.add(() -> service.licensesOfController(nodeId));
        }
        boolean read = false;
        for (int i = 0; i < lists.size(); i++) {
            List<License> listed;
            try {
                listed = lists.get(i).get();
            } catch (RuntimeException e) {
                // any failure, even "session ended", only means "not read": the caller must not run its work
                // again, which would send the POST again
                LOG.info("Reading license {} back failed: {}", key, e.toString());
                continue;
            }
            read = true;
            License found = listed.stream().filter(l -> key.equals(l.key())).findFirst().orElse(null);
            if (found != null) {
                return new ReadBack(true, found, under.get(i));
            }
        }
        return read ? new ReadBack(true, null, null) : NOT_READ;
    }
}
