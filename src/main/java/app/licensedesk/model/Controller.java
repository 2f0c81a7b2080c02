package app.licensedesk.model;

import java.time.Instant;

/**
 * A SmartgridOne controller: a device whose node type is a controller type.
 *
 * @param deviceId   the device's numeric id
 * @param nodeId     the controller's nodeId, the key of the license endpoints
 * @param name       display name: properties.name, else label, else the nodeId
 * @param nodeType   the node type (e.g. smartgridControllerSite)
 * @param customer   the company it was found under, or null when unknown
 * @param lastUpdate last update reported by the API, may be null
 */
public record Controller(long deviceId, String nodeId, String name, String nodeType, Customer customer,
                         Instant lastUpdate) {

    /** The name of the owning company, or an empty string. */
    public String customerName() {
        return customer == null ? "" : customer.name();
    }
}
