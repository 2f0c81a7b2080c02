package app.licensedesk.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The one Gson setup of the client: strict JSON, java.time as ISO-8601, nulls left out of request bodies. */
final class Json {

    static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
            .registerTypeAdapterFactory(new LicenseFields())
            .disableHtmlEscaping()
            .setStrictness(Strictness.STRICT)
            .create();

    private Json() {
    }

    /**
     * Parses an ISO-8601 date-time: with an offset ("Z", "+02:00"), with or without fractional seconds; a value
     * without an offset is taken as UTC.
     *
     * @throws DateTimeException when the text is not such a date-time
     */
    static OffsetDateTime parseDateTime(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException withOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
            } catch (DateTimeException withoutOffset) {
                throw withOffset;
            }
        }
    }

    /** ISO-8601 in UTC, e.g. 2025-03-01T08:00:00Z. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String readDateText(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.STRING) {
            throw new JsonSyntaxException("Expected an ISO-8601 date-time string at " + in.getPath());
        }
        return in.nextString();
    }

    /**
     * Reads a {@link Wire.License} and notes the names its JSON object had, in one pass over the stream with the
     * adapters the reflective one would use for each field: no tree in between and no reflection per license, so
     * the many small license lists of an overview parse quickly, in a fresh JVM too.
     */
    private static final class LicenseFields implements TypeAdapterFactory {
        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() != Wire.License.class) {
                return null;
            }
            return (TypeAdapter<T>) new LicenseAdapter(gson.getDelegateAdapter(this, TypeToken.get(Wire.License.class)),
                    gson);
        }
    }

    private static final class LicenseAdapter extends TypeAdapter<Wire.License> {
        private static final String PRESENT = "present";

        private final TypeAdapter<Wire.License> reflective;
        private final TypeAdapter<String> text;
        private final TypeAdapter<Integer> integer;
        private final TypeAdapter<Instant> instant;
        private final TypeAdapter<List<String>> texts;

        LicenseAdapter(TypeAdapter<Wire.License> reflective, Gson gson) {
            this.reflective = reflective;
            this.text = gson.getAdapter(String.class);
            this.integer = gson.getAdapter(Integer.class);
            this.instant = gson.getAdapter(Instant.class);
            this.texts = gson.getAdapter(new TypeToken<List<String>>() { });
        }

        @Override
        public void write(JsonWriter out, Wire.License value) throws IOException {
            reflective.write(out, value);
        }

        @Override
        public Wire.License read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                return reflective.read(in); // null, or the usual error
            }
            String id = null;
            String key = null;
            Integer gridKw = null;
            Integer solarKw = null;
            Integer batteryKw = null;
            Integer evKw = null;
            Instant creationDate = null;
            Instant activationDate = null;
            Integer duration = null;
            Instant deactivationDate = null;
            String type = null;
            List<String> datalinks = null;
            Set<String> present = new HashSet<>();
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                switch (name) {
                    case "id" -> id = text.read(in);
                    case "key" -> key = text.read(in);
                    case "gridKw" -> gridKw = integer(in);
                    case "solarKw" -> solarKw = integer(in);
                    case "batteryKw" -> batteryKw = integer(in);
                    case "evKw" -> evKw = integer(in);
                    case "creationDate" -> creationDate = instant.read(in);
                    case "activationDate" -> activationDate = instant.read(in);
                    case "duration" -> duration = integer(in);
                    case "deactivationDate" -> deactivationDate = instant.read(in);
                    case "type" -> type = text.read(in);
                    case "datalinks" -> datalinks = texts.read(in);
                    default -> in.skipValue(); // PRESENT is ours, never the server's; others are not in the contract
                }
                if (!name.equals(PRESENT)) {
                    present.add(name);
                }
            }
            in.endObject();
            return new Wire.License(id, key, gridKw, solarKw, batteryKw, evKw, creationDate, activationDate, duration,
                    deactivationDate, type, datalinks, Set.copyOf(present));
        }

        /** As the licenses have always been read: a number with a fraction is cut to its integer part, not refused. */
        private Integer integer(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NUMBER) {
                return new BigDecimal(in.nextString()).intValue();
            }
            return integer.read(in);
        }
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(format(value));
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            String path = in.getPath();
            String text = readDateText(in);
            try {
                return parseDateTime(text).toInstant();
            } catch (DateTimeException e) {
                throw new JsonSyntaxException("Not an ISO-8601 date-time at " + path, e);
            }
        }
    }

    private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(format(value.toInstant()));
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            String path = in.getPath();
            String text = readDateText(in);
            try {
                return parseDateTime(text);
            } catch (DateTimeException e) {
                throw new JsonSyntaxException("Not an ISO-8601 date-time at " + path, e);
            }
        }
    }
}
