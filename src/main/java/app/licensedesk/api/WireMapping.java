package app.licensedesk.api;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.License.Field;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The one place where wire records become model records. */
final class WireMapping {

    private WireMapping() {
    }

    /**
     * The license with the fields the answer carried. A field the contract marks as nullable counts when it is
     * present, null included ("none"); any other field counts only with a value (a null there says nothing).
     */
    static License license(Wire.License w) {
        List<String> datalinks = w.datalinks() == null ? List.of()
                : w.datalinks().stream().filter(Objects::nonNull).toList();
        Set<String> present = w.present() == null ? Set.of() : w.present();
        EnumSet<Field> fields = EnumSet.noneOf(Field.class);
        carried(fields, Field.ID, w.id() != null);
        carried(fields, Field.KEY, w.key() != null);
        carried(fields, Field.GRID_KW, present.contains("gridKw"));
        carried(fields, Field.SOLAR_KW, present.contains("solarKw"));
        carried(fields, Field.BATTERY_KW, present.contains("batteryKw"));
        carried(fields, Field.EV_KW, present.contains("evKw"));
        carried(fields, Field.CREATION_DATE, w.creationDate() != null);
        carried(fields, Field.ACTIVATION_DATE, present.contains("activationDate"));
        carried(fields, Field.DURATION, w.duration() != null);
        carried(fields, Field.DEACTIVATION_DATE, present.contains("deactivationDate"));
        carried(fields, Field.TYPE, w.type() != null);
        carried(fields, Field.DATALINKS, w.datalinks() != null);
        return new License(w.id(), w.key(), w.gridKw(), w.solarKw(), w.batteryKw(), w.evKw(), w.creationDate(),
                w.activationDate(), w.duration(), w.deactivationDate(), w.type(), datalinks, fields);
    }

    private static void carried(Set<Field> fields, Field field, boolean carried) {
        if (carried) {
            fields.add(field);
        }
    }

    static List<License> licenses(Wire.LicenseList list) {
        return list.licenses() == null ? List.of()
                : list.licenses().stream().filter(Objects::nonNull).map(WireMapping::license).toList();
    }

    /** A company without an id cannot be queried for devices or told apart; it is left out. */
    static List<Customer> customers(Wire.CompanyList list) {
        List<Customer> customers = new ArrayList<>();
        if (list.company() != null) {
            for (Wire.Company c : list.company()) {
                if (c != null && c.id() != null) {
                    String name = c.name() == null || c.name().isBlank() ? "#" + c.id() : c.name();
                    customers.add(new Customer(c.id(), c.uuid(), name));
                }
            }
        }
        return customers;
    }

    /**
     * The controllers among the devices: those with a nodeId whose {@code properties.nodeType} is one of the
     * controller types. Decision: the display name is {@code properties.name}, else {@code label}, else the nodeId.
     */
    static List<Controller> controllers(Wire.DeviceList list, Customer customer, Collection<String> nodeTypes) {
        List<Controller> controllers = new ArrayList<>();
        if (list.device() == null) {
            return controllers;
        }
        for (Wire.Device d : list.device()) {
            JsonObject p = d == null ? null : d.properties();
            String nodeId = p == null ? null : text(p, "nodeId");
            String nodeType = p == null ? null : text(p, "nodeType");
            if (nodeId == null || nodeType == null || !nodeTypes.contains(nodeType)) {
                continue;
            }
            String name = firstNonBlank(text(p, "name"), text(p, "label"), nodeId);
            long id = d.id() == null ? 0 : d.id();
            List<Customer> owners = customer == null ? List.of() : List.of(customer);
            controllers.add(new Controller(id, nodeId, name, nodeType, owners, lenientInstant(d.lastUpdate())));
        }
        return controllers;
    }

    /** A date that is shown but never computed with: unreadable text becomes null rather than failing the list. */
    static Instant lenientInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.parseDateTime(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            return null;
        }
        String value = e.getAsString();
        return value.isBlank() ? null : value;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
