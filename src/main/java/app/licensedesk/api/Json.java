package app.licensedesk.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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

    /** Reads a {@link Wire.License} and notes the names its JSON object had. */
    private static final class LicenseFields implements TypeAdapterFactory {
        private static final String PRESENT = "present";

        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() != Wire.License.class) {
                return null;
            }
            TypeAdapter<Wire.License> fields = gson.getDelegateAdapter(this, TypeToken.get(Wire.License.class));
            TypeAdapter<JsonElement> tree = gson.getAdapter(JsonElement.class);
            return (TypeAdapter<T>) new TypeAdapter<Wire.License>() {
                @Override
                public void write(JsonWriter out, Wire.License value) throws IOException {
                    fields.write(out, value);
                }

                @Override
                public Wire.License read(JsonReader in) throws IOException {
                    JsonElement json = tree.read(in);
                    if (!json.isJsonObject()) {
                        return fields.fromJsonTree(json); // null, or the usual error
                    }
                    JsonObject object = json.getAsJsonObject();
                    object.remove(PRESENT); // ours, never the server's
                    return fields.fromJsonTree(object).withPresent(object.keySet());
                }
            };
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
