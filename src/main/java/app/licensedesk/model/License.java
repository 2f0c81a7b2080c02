package app.licensedesk.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A software license as one answer of the API describes it. Every field may be absent from an answer:
 * {@link #fields()} names those the answer carried, so that {@link #mergedWith} keeps what an answer did not say.
 *
 * @param duration  a whole number of units, see {@link LicenseTerms} for the unit decision
 * @param type      "residential", "commercial" or any other value the server sends, kept as it is
 * @param datalinks UUIDs of the datalinks the license is linked to; empty when the server did not send them
 * @param fields    the fields the answer carried (a nullable field carried as null counts: it says "none")
 */
public record License(String id, String key, Integer gridKw, Integer solarKw, Integer batteryKw, Integer evKw,
                      Instant creationDate, Instant activationDate, Integer duration, Instant deactivationDate,
                      String type, List<String> datalinks, Set<Field> fields) {

    /** The fields of the contract's License object. */
    public enum Field {
        ID, KEY, GRID_KW, SOLAR_KW, BATTERY_KW, EV_KW, CREATION_DATE, ACTIVATION_DATE, DURATION,
        DEACTIVATION_DATE, TYPE, DATALINKS
    }

    public License {
        datalinks = datalinks == null ? List.of() : List.copyOf(datalinks);
        fields = fields == null || fields.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(fields));
    }

    /** A license of which every field is known (what a complete answer says). */
    public License(String id, String key, Integer gridKw, Integer solarKw, Integer batteryKw, Integer evKw,
                   Instant creationDate, Instant activationDate, Integer duration, Instant deactivationDate,
                   String type, List<String> datalinks) {
        this(id, key, gridKw, solarKw, batteryKw, evKw, creationDate, activationDate, duration, deactivationDate,
                type, datalinks, EnumSet.allOf(Field.class));
    }

    /** All that is known of a license is its key. */
    public static License ofKey(String key) {
        return new License(null, key, null, null, null, null, null, null, null, null, null, List.of(),
                EnumSet.of(Field.KEY));
    }

    public boolean carries(Field field) {
        return fields.contains(field);
    }

    /**
     * This license updated with a later answer: every field the answer carried takes the answer's value (null
     * included), every other field keeps the value known so far. The result carries the fields of both.
     */
    public License mergedWith(License answer) {
        EnumSet<Field> known = EnumSet.noneOf(Field.class);
        known.addAll(fields);
        known.addAll(answer.fields);
        return new License(
                answer.carries(Field.ID) ? answer.id : id,
                answer.carries(Field.KEY) ? answer.key : key,
                answer.carries(Field.GRID_KW) ? answer.gridKw : gridKw,
                answer.carries(Field.SOLAR_KW) ? answer.solarKw : solarKw,
                answer.carries(Field.BATTERY_KW) ? answer.batteryKw : batteryKw,
                answer.carries(Field.EV_KW) ? answer.evKw : evKw,
                answer.carries(Field.CREATION_DATE) ? answer.creationDate : creationDate,
                answer.carries(Field.ACTIVATION_DATE) ? answer.activationDate : activationDate,
                answer.carries(Field.DURATION) ? answer.duration : duration,
                answer.carries(Field.DEACTIVATION_DATE) ? answer.deactivationDate : deactivationDate,
                answer.carries(Field.TYPE) ? answer.type : type,
                answer.carries(Field.DATALINKS) ? answer.datalinks : datalinks,
                known);
    }
}
