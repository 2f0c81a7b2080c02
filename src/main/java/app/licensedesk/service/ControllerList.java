package app.licensedesk.service;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The controllers of many customers, each once (by nodeId, with every company it was seen under), and the
 * customers whose device query failed, so a partial list can be shown with the failed ones named.
 *
 * @param controllers sorted by name, then nodeId
 * @param failures    why each failed customer's query failed, in the customers' order
 */
public record ControllerList(List<Controller> controllers, Map<Customer, RuntimeException> failures) {

    public ControllerList {
        controllers = List.copyOf(controllers);
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    public static ControllerList of(List<Controller> controllers) {
        return new ControllerList(controllers, Map.of());
    }
}
