package app.licensedesk.ui.expiring;

import app.licensedesk.model.Customer;
import java.time.Instant;

/**
 * The expiring licenses of one customer, added up for a follow-up call.
 *
 * @param customer the customer, or null for licenses whose customer is not known
 * @param count    how many of its licenses end in the period
 * @param capacity their capacities added up
 * @param firstEnd the earliest of their ends
 */
public record CustomerGroup(Customer customer, int count, Capacity capacity, Instant firstEnd) {

    /** The customer's name, or "" when unknown. */
    public String name() {
        return customer == null ? "" : customer.name();
    }
}
