package app.licensedesk.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SmartgridOne controller: a device whose node type is a controller type.
 *
 * @param deviceId   the device's numeric id
 * @param nodeId     the controller's nodeId, the key of the license endpoints
 * @param name       display name: properties.name, else label, else the nodeId
 * @param nodeType   the node type (e.g. smartgridControllerSite)
 * @param customers  the companies it was found under (one device can be seen through several), possibly none
 * @param lastUpdate last update reported by the API, may be null
 */
public record Controller(long deviceId, String nodeId, String name, String nodeType, List<Customer> customers,
                         Instant lastUpdate) {

    public Controller {
        customers = customers == null ? List.of() : List.copyOf(customers);
    }

    /** The names of the owning companies, joined, or an empty string. */
    public String customerName() {
        return customers.stream().map(Customer::name).collect(Collectors.joining(", "));
    }

    /** Whether the controller was found under this company. */
    public boolean ownedBy(Customer customer) {
        return customers.stream().anyMatch(c -> c.id() == customer.id());
    }

    /** The only company it was found under, or null when there are none or several. */
    public Customer soleCustomer() {
        return customers.size() == 1 ? customers.get(0) : null;
    }

    /** The same controller seen through one more company (the same device listed by another company's query). */
    public Controller alsoOwnedBy(List<Customer> more) {
        List<Customer> all = new ArrayList<>(customers);
        more.stream().filter(c -> !ownedBy(c)).forEach(all::add);
        return new Controller(deviceId, nodeId, name, nodeType, all, lastUpdate);
    }
}
