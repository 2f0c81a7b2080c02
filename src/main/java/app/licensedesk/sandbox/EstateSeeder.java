package app.licensedesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a deterministic estate from the options: the same seed, scale and clock give the same companies,
 * devices and licenses, with dates relative to the clock's "now".
 */
final class EstateSeeder {

    /** The first company (by name) always has this many unclaimed, not activated licenses, for UI tests. */
    static final int FRESH_LICENSES_IN_FIRST_COMPANY = 5;

    private enum State { NOT_ACTIVATED, ACTIVE, EXPIRING, EXPIRED, DEACTIVATED, ENDING_LATER }

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final String[] NL_KINDS = {"Zonnepark", "Windpark", "Koelhuis", "Bakkerij", "Tuinbouw",
        "Logistiek", "Brouwerij", "Zuivelhoeve", "Serres", "Metaalwerken", "Sporthal", "Energiecoöperatie"};
    private static final String[] NL_PLACES = {"Kempen", "Geel", "Mol", "Hasselt", "Leuven", "Gent", "Brugge",
        "Kortrijk", "Mechelen", "Turnhout", "Eindhoven", "Tilburg", "Venlo", "Breda", "Westland", "Roeselare"};
    private static final String[] NL_FORMS = {"NV", "BV", "BV", "CV"};
    private static final String[] FR_KINDS = {"Boulangerie", "Fromagerie", "Transports", "Laiterie", "Garage",
        "Brasserie", "Menuiserie", "Imprimerie", "Pépinières", "Charcuterie"};
    private static final String[] FR_NAMES = {"Dupont", "Lambert", "Leroy", "Dubois", "Martin", "Lefèvre",
        "Moreau", "Simon", "Laurent", "Mercier", "Renard", "Delvaux"};
    private static final String[] FR_FORMS = {"", "", " SA", " SRL"};
    private static final String[] DE_KINDS = {"Stadtwerke", "Autohaus", "Solarpark", "Energiegenossenschaft",
        "Kühlhaus", "Landtechnik", "Bäckerei"};
    private static final String[] DE_PLACES = {"Aachen", "Köln", "Düren", "Trier", "Eifel", "Eupen",
        "Sankt Vith", "Monschau", "Bonn"};
    private static final String[] DE_FORMS = {"", " Süd", " Nord", " GmbH", " eG"};

    private static final String[] SITE_KINDS = {"Warehouse", "Cold store", "Production hall", "Head office",
        "Farm", "Depot", "Greenhouse", "Workshop", "Shop", "Charging hub", "Sports hall", "School"};
    private static final String[] SITE_PARTS = {"main site", "hall B", "roof PV", "annex", "north wing",
        "substation 2", "parking", "building C", "site 2"};

    private static final String[] CHILD_TYPES = {"meter", "battery", "solarInverter", "evCharger"};
    private static final String[] CHILD_PREFIXES = {"MTR", "BAT", "INV", "EVC"};
    private static final String[] CHILD_NAMES = {"Grid meter", "Battery", "PV inverter", "EV charger"};

    private final Random random;
    private final Instant now;
    private final SandboxOptions options;

    private EstateSeeder(SandboxOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.now = options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static Estate seed(SandboxOptions options) {
        return new EstateSeeder(options).build();
    }

    /** A version-4-shaped UUID drawn from the given random, so it follows the seed. */
    static UUID uuid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private Estate build() {
        List<Estate.Company> companies = companies();
        List<Estate.Device> devices = devices(companies);
        List<Estate.License> licenses = licenses(companies, devices);
        return new Estate(companies, devices, licenses, new Random(options.seed() + 1));
    }

    private List<Estate.Company> companies() {
        int n = options.customers();
        Set<String> stems = new HashSet<>();
        List<String> sorted = new ArrayList<>();
        int attempts = 0;
        while (sorted.size() < n) {
            String[] name = companyName();
            // One company per stem ("Autohaus Bonn" and "Autohaus Bonn GmbH" would look like a duplicate);
            // the name space is finite, so past it numbered names keep large scales possible.
            String stem = ++attempts > n * 20 ? name[0] + " " + sorted.size() : name[0];
            if (stems.add(stem)) {
                sorted.add(stem + name[1]);
            }
        }
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        // Two companies without a uuid (no license view); never among the first three, which tests rely on.
        Set<Integer> withoutUuid = n >= 5 ? Set.of(n * 3 / 5, n - 1) : Set.of();
        List<Estate.Company> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID uuid = uuid(random);
            // Sales sees the first three by name and every fourth after: about a third.
            boolean salesVisible = i < 3 || i % 4 == 0;
            out.add(new Estate.Company(i + 1, withoutUuid.contains(i) ? null : uuid, sorted.get(i), salesVisible));
        }
        return out;
    }

    /** A name as {stem, legal form or suffix}. */
    private String[] companyName() {
        return switch (random.nextInt(3)) {
            case 0 -> new String[] {pick(NL_KINDS) + " " + pick(NL_PLACES), " " + pick(NL_FORMS)};
            case 1 -> new String[] {pick(FR_KINDS) + " " + pick(FR_NAMES), pick(FR_FORMS)};
            default -> new String[] {pick(DE_KINDS) + " " + pick(DE_PLACES), pick(DE_FORMS)};
        };
    }

    private List<Estate.Device> devices(List<Estate.Company> companies) {
        int count = options.controllers();
        int[] owners = new int[count];
        for (int k = 0; k < count; k++) {
            // Every company gets one controller; the rest are spread at random.
            owners[k] = k < companies.size() ? k : random.nextInt(companies.size());
        }
        Arrays.sort(owners);
        List<Estate.Device> out = new ArrayList<>();
        int nextId = 1;
        for (int k = 0; k < count; k++) {
            int companyId = companies.get(owners[k]).id();
            String nodeId = String.format(Locale.ROOT, "SGC-%04d-%s", k + 1, code(4));
            String siteName = pick(SITE_KINDS) + " " + pick(NL_PLACES) + " – " + pick(SITE_PARTS);
            // A few controllers only have a label, a few neither, as on the real platform.
            String name = k % 20 == 3 || k % 30 == 17 ? null : siteName;
            String label = k % 20 == 3 ? siteName : null;
            boolean active = k % 17 != 5;
            int controllerId = nextId++;
            Instant lastUpdate = now.minusSeconds(random.nextInt(3 * 86_400));
            List<Estate.Device> children = new ArrayList<>();
            int childCount = random.nextInt(4);
            for (int c = 0; c < childCount; c++) {
                int type = random.nextInt(CHILD_TYPES.length);
                children.add(new Estate.Device(nextId++, companyId,
                        String.format(Locale.ROOT, "%s-%04d-%d", CHILD_PREFIXES[type], k + 1, c + 1),
                        CHILD_TYPES[type], CHILD_NAMES[type] + " " + (c + 1), null, nodeId, List.of(), active,
                        lastUpdate.minusSeconds(random.nextInt(600))));
            }
            out.add(new Estate.Device(controllerId, companyId, nodeId, Estate.CONTROLLER_TYPE, name, label, null,
                    children.stream().map(Estate.Device::nodeId).toList(), active, lastUpdate));
            out.addAll(children);
        }
        return out;
    }

    private List<Estate.License> licenses(List<Estate.Company> companies, List<Estate.Device> devices) {
        List<Estate.Company> licensable = companies.stream().filter(c -> c.uuid() != null).toList();
        Map<Integer, List<String>> controllers = new HashMap<>();
        for (Estate.Device d : devices) {
            if (d.isController()) {
                controllers.computeIfAbsent(d.companyId(), id -> new ArrayList<>()).add(d.nodeId());
            }
        }
        int total = options.licenses();
        Set<String> keys = new HashSet<>();
        List<Estate.License> out = new ArrayList<>();
        State[] states = State.values();
        for (int j = 0; j < total; j++) {
            Estate.Company company;
            State state;
            boolean claim;
            if (j < FRESH_LICENSES_IN_FIRST_COMPANY) {
                company = companies.get(0);
                state = State.NOT_ACTIVATED;
                claim = false;
            } else {
                company = licensable.get(random.nextInt(licensable.size()));
                // One of each state first, so even a tiny estate has every state.
                int forced = j - FRESH_LICENSES_IN_FIRST_COMPANY;
                state = forced < states.length ? states[forced] : randomState();
                double claimChance = state == State.NOT_ACTIVATED ? 0.15 : 0.7;
                claim = (state == State.ACTIVE && forced < states.length) || random.nextDouble() < claimChance;
            }
            // Two licenses of a type the contract does not list, to exercise the client's tolerance, when the
            // options ask for it; else commercial. Either way no random draw, so the rest of the seed is the same.
            boolean pilot = j == 11 || (j == total / 2 && total > 24);
            String type = pilot ? (options.unknownLicenseTypes() ? "pilot" : "commercial")
                    : random.nextInt(10) < 6 ? "residential" : "commercial";
            out.add(license(company, state, type, claim ? controllers.get(company.id()) : null, keys));
        }
        return out;
    }

    private State randomState() {
        int r = random.nextInt(100);
        if (r < 20) {
            return State.NOT_ACTIVATED;
        } else if (r < 60) {
            return State.ACTIVE;
        } else if (r < 70) {
            return State.EXPIRING;
        } else if (r < 82) {
            return State.EXPIRED;
        } else if (r < 92) {
            return State.DEACTIVATED;
        }
        return State.ENDING_LATER;
    }

    private Estate.License license(Estate.Company company, State state, String type, List<String> claimTo,
                                   Set<String> keys) {
        String key;
        do {
            String segment = switch (type) {
                case "residential" -> "RES";
                case "commercial" -> "COM";
                default -> "PIL";
            };
            key = "SG1-" + segment + "-" + code(4) + "-" + code(4);
        } while (!keys.add(key));
        boolean small = type.equals("residential");
        Integer grid = orNull(0.08, small ? between(10, 60) : 5 * between(10, 400));
        Integer solar = orNull(0.08, small ? between(5, 30) : 5 * between(4, 300));
        Integer battery = orNull(0.1, small ? between(0, 30) : 5 * between(0, 200));
        Integer ev = orNull(0.2, small ? between(0, 22) : 5 * between(0, 70));

        int duration;
        Instant activation = null;
        Instant deactivation = null;
        switch (state) {
            case NOT_ACTIVATED -> duration = pick(12, 24, 36, 60);
            case ACTIVE -> {
                if (random.nextInt(4) == 0) {
                    duration = 0;
                    activation = now.minus(days(1, 900));
                } else {
                    duration = pick(12, 24, 36, 60);
                    // Ends more than 30 days from now, whatever month lengths do to the sum.
                    activation = minusMonths(now.plus(days(35, duration * 28)), duration);
                }
            }
            case EXPIRING -> {
                duration = pick(12, 24, 36);
                activation = minusMonths(now.plus(days(5, 27)), duration);
            }
            case EXPIRED -> {
                duration = pick(12, 24, 36);
                activation = minusMonths(now.minus(days(1, 500)), duration);
            }
            case DEACTIVATED -> {
                duration = pick(0, 12, 24, 36);
                activation = now.minus(days(120, 900));
                deactivation = now.minus(days(1, 100));
            }
            default -> {
                duration = pick(0, 12, 24, 36);
                activation = now.minus(days(30, 700));
                deactivation = now.plus(days(10, 200));
            }
        }
        Instant created = activation != null ? activation.minus(days(1, 90)) : now.minus(days(1, 365));
        String nodeId = claimTo == null ? null : claimTo.get(random.nextInt(claimTo.size()));
        UUID datalink = claimTo == null ? null : uuid(random);
        return new Estate.License(uuid(random), key, company.id(), grid, solar, battery, ev, created, activation,
                duration, deactivation, type, nodeId, datalink);
    }

    private String code(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private int pick(int... values) {
        return values[random.nextInt(values.length)];
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private Integer orNull(double chance, int value) {
        return random.nextDouble() < chance ? null : value;
    }

    /** min..max whole days plus a random time of day, so dates do not all share one clock time. */
    private Duration days(int min, int max) {
        return Duration.ofDays(between(min, max)).plusSeconds(random.nextInt(86_400));
    }

    private static Instant minusMonths(Instant t, int months) {
        return t.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
