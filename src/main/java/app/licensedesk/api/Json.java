package app.licensedesk.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
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
