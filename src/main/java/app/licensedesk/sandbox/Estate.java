package app.licensedesk.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The sandbox's data: companies, devices and licenses. Companies and devices never change; licenses are
 * immutable records replaced under this object's lock, so a claim or an activation happens exactly once and
 * every endpoint sees it at once. Reads take no lock: they look the current records up in concurrent maps.
 * Devices are indexed by company and nodeId, licenses by key, by customer and by controller, so a request
 * costs what its answer holds, not what the whole estate holds.
 */
final class Estate {

    static final String CONTROLLER_TYPE = "smartgridControllerSite";

    /** A customer; {@code uuid} is null for the few companies that have no license view. */
    record Company(int id, UUID uuid, String name, boolean salesVisible) {
    }

    /** A controller or one of its child devices; {@code name} and {@code label} may be null. */
    record Device(int id, int companyId, String nodeId, String nodeType, String name, String label,
                  String parentNodeId, List<String> childNodeIds, boolean active, Instant lastUpdate) {

        boolean isController() {
            return CONTROLLER_TYPE.equals(nodeType);
        }
    }

    /** A license; {@code nodeId} and {@code datalink} are set once it is claimed. */
    record License(UUID id, String key, int companyId, Integer gridKw, Integer solarKw, Integer batteryKw,
                   Integer evKw, Instant creationDate, Instant activationDate, int duration,
                   Instant deactivationDate, String type, String nodeId, UUID datalink) {

        License activated(Instant at) {
            return new License(id, key, companyId, gridKw, solarKw, batteryKw, evKw, creationDate, at, duration,
                    deactivationDate, type, nodeId, datalink);
        }

        License claimed(String controllerNodeId, UUID datalinkId) {
            return new License(id, key, companyId, gridKw, solarKw, batteryKw, evKw, creationDate, activationDate,
                    duration, deactivationDate, type, controllerNodeId, datalinkId);
        }
    }

    private final List<Company> companies;
    private final Map<Integer, Company> companiesById = new HashMap<>();
    private final Map<UUID, Company> companiesByUuid = new HashMap<>();
    private final List<Device> devices;
    private final Map<String, Device> devicesByNodeId = new HashMap<>();
    private final Map<Integer, List<Device>> devicesByCompany = new HashMap<>();
    /** The current record of each license; the lists below hold keys, so a replaced record is seen at once. */
    private final Map<String, License> licensesByKey = new ConcurrentHashMap<>();
    private final List<String> keysInSeedOrder = new ArrayList<>();
    private final Map<Integer, List<String>> keysByCompany = new HashMap<>();
    /** In the order of claiming (the seed's claims first); a claim appends under the lock, reads copy nothing. */
    private final Map<String, List<String>> keysByController = new ConcurrentHashMap<>();
    private final Random datalinkIds;

    Estate(List<Company> companies, List<Device> devices, List<License> licenses, Random datalinkIds) {
        this.companies = List.copyOf(companies);
        this.devices = List.copyOf(devices);
        this.datalinkIds = datalinkIds;
        for (Company c : companies) {
            companiesById.put(c.id(), c);
            if (c.uuid() != null) {
                companiesByUuid.put(c.uuid(), c);
            }
        }
        for (int i = 1; i < devices.size(); i++) {
            if (devices.get(i).id() <= devices.get(i - 1).id()) {
                throw new IllegalArgumentException("device ids must ascend in seed order");
            }
        }
        for (Device d : devices) {
            devicesByNodeId.put(d.nodeId(), d);
            devicesByCompany.computeIfAbsent(d.companyId(), id -> new ArrayList<>()).add(d);
        }
        for (License l : licenses) {
            licensesByKey.put(l.key(), l);
            keysInSeedOrder.add(l.key());
            keysByCompany.computeIfAbsent(l.companyId(), id -> new ArrayList<>()).add(l.key());
            if (l.nodeId() != null) {
                keysByController.computeIfAbsent(l.nodeId(), id -> new CopyOnWriteArrayList<>()).add(l.key());
            }
        }
    }

    boolean visible(int companyId, Account who) {
        return who.seesAllCompanies() || companiesById.get(companyId).salesVisible();
    }

    List<Company> companies() {
        return companies;
    }

    List<Company> companiesFor(Account who) {
        return companies.stream().filter(c -> visible(c.id(), who)).toList();
    }

    Company companyByUuid(UUID uuid) {
        return companiesByUuid.get(uuid);
    }

    List<Device> devices() {
        return devices;
    }

    /**
     * The devices the user may see, in seed order: of the given companies and with the given nodeIds (null: any),
     * found through the indexes when a list is given.
     */
    List<Device> devicesFor(Account who, Collection<Integer> companyIds, Collection<String> nodeIds) {
        Set<Integer> companies = companyIds == null ? null : new HashSet<>(companyIds);
        Stream<Device> candidates;
        if (nodeIds != null) {
            candidates = new HashSet<>(nodeIds).stream().map(devicesByNodeId::get).filter(Objects::nonNull);
        } else if (companies != null) {
            candidates = companies.stream().flatMap(id -> devicesByCompany.getOrDefault(id, List.of()).stream());
        } else {
            return devices.stream().filter(d -> visible(d.companyId(), who)).toList();
        }
        // Ids ascend in seed order (checked when built), so sorting by id restores it.
        return candidates.filter(d -> (companies == null || companies.contains(d.companyId()))
                        && visible(d.companyId(), who))
                .sorted(Comparator.comparingInt(Device::id)).toList();
    }

    /** The controller with this nodeId when it exists and the user may see it, else null. */
    Device controllerFor(String nodeId, Account who) {
        Device d = devicesByNodeId.get(nodeId);
        return d != null && d.isController() && visible(d.companyId(), who) ? d : null;
    }

    /** Every license, in seed order; for the banner and tests, not for routes. */
    List<License> licenses() {
        return current(keysInSeedOrder);
    }

    List<License> licensesOf(int companyId) {
        return current(keysByCompany.getOrDefault(companyId, List.of()));
    }

    List<License> licensesClaimedBy(String nodeId) {
        return current(keysByController.getOrDefault(nodeId, List.of()));
    }

    private List<License> current(List<String> keys) {
        return keys.stream().map(licensesByKey::get).toList();
    }

    /** Activates once: 404 unknown (or invisible) key, 403 without the right, 400 when already activated. */
    synchronized License activate(String key, Account who, Instant at) {
        License license = visibleLicense(key, who);
        if (!who.canActivate()) {
            throw ApiError.forbidden("You do not have the right to activate license " + key);
        }
        if (license.activationDate() != null) {
            throw ApiError.badRequest("License " + key + " is already activated");
        }
        License updated = license.activated(at);
        licensesByKey.put(key, updated);
        return updated;
    }

    /** Claims once: 404 unknown license or controller (or invisible), 400 when the license is already claimed. */
    synchronized License claim(String key, String nodeId, Account who) {
        License license = visibleLicense(key, who);
        if (controllerFor(nodeId, who) == null) {
            throw ApiError.notFound("Controller " + nodeId + " not found");
        }
        if (license.nodeId() != null) {
            throw ApiError.badRequest("License " + key + " is already claimed");
        }
        License updated = license.claimed(nodeId, EstateSeeder.uuid(datalinkIds));
        licensesByKey.put(key, updated);
        keysByController.computeIfAbsent(nodeId, id -> new CopyOnWriteArrayList<>()).add(key);
        return updated;
    }

    private License visibleLicense(String key, Account who) {
        License license = licensesByKey.get(key);
        if (license == null || !visible(license.companyId(), who)) {
            throw ApiError.notFound("License " + key + " not found");
        }
        return license;
    }

    /** A few facts for the console banner and tests. */
    int controllerCount() {
        return (int) devices.stream().filter(Device::isController).count();
    }
}
