package app.licensedesk.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Strict JSON reading and the validation helpers the routes share; every problem becomes a 400. */
final class Json {

    /** Nulls are written: the contract has fields that are present with the value null. */
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** "2025-03-01T10:00:00.000Z", or JSON null. */
    static JsonElement date(Instant t) {
        return t == null ? JsonNull.INSTANCE : new JsonPrimitive(iso(t));
    }

    /**
     * "2025-03-01T10:00:00.000Z": as {@link #ISO_MILLIS} writes it, digit by digit for the years 0 to 9999 (every
     * answer writes a few dates per license, and the formatter was a tenth of a license list's cost).
     */
    static String iso(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return ISO_MILLIS.format(t);
        }
        char[] c = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', '.',
            '0', '0', '0', 'Z'};
        digits(c, 0, 4, d.getYear());
        digits(c, 5, 2, d.getMonthValue());
        digits(c, 8, 2, d.getDayOfMonth());
        digits(c, 11, 2, d.getHour());
        digits(c, 14, 2, d.getMinute());
        digits(c, 17, 2, d.getSecond());
        digits(c, 20, 3, d.getNano() / 1_000_000);
        return new String(c);
    }

    private static void digits(char[] into, int at, int width, int value) {
        for (int i = at + width - 1, v = value; i >= at; i--, v /= 10) {
            into[i] = (char) ('0' + v % 10);
        }
    }

    /** Parses an object strictly (Gson's default is lenient and would accept unquoted names). */
    static JsonObject parseObject(String text) {
        JsonElement element;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiError.badRequest("Malformed JSON body: unexpected content after the value");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw ApiError.badRequest("Malformed JSON body");
        }
        if (!element.isJsonObject()) {
            throw ApiError.badRequest("The body must be a JSON object");
        }
        return element.getAsJsonObject();
    }

    static void rejectUnknown(JsonObject o, Set<String> allowed) {
        for (String name : o.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiError.badRequest("property " + name + " should not exist");
            }
        }
    }

    /** A required string of min..max characters. */
    static String string(JsonObject o, String name, int min, int max) {
        String value = optionalString(o, name);
        if (value == null) {
            throw ApiError.badRequest(name + " must be a string");
        }
        if (value.length() < min || value.length() > max) {
            throw ApiError.badRequest(name + " must be " + min + " to " + max + " characters long");
        }
        return value;
    }

    /** A string, or null when absent or JSON null. */
    static String optionalString(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiError.badRequest(name + " must be a string");
        }
        return e.getAsString();
    }

    static JsonObject optionalObject(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw ApiError.badRequest(name + " must be an object");
        }
        return e.getAsJsonObject();
    }

    static Boolean optionalBoolean(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw ApiError.badRequest(name + " must be a boolean");
        }
        return e.getAsBoolean();
    }

    /** An array of strings, or null when absent. */
    static List<String> optionalStrings(JsonObject o, String name) {
        JsonArray array = optionalArray(o, name);
        if (array == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonElement e : array) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw ApiError.badRequest("each value in " + name + " must be a string");
            }
            out.add(e.getAsString());
        }
        return out;
    }

    /** An array of whole numbers, or null when absent. */
    static List<Integer> optionalInts(JsonObject o, String name) {
        JsonArray array = optionalArray(o, name);
        if (array == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (JsonElement e : array) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw ApiError.badRequest("each value in " + name + " must be an integer");
            }
            try {
                out.add(e.getAsBigDecimal().intValueExact());
            } catch (ArithmeticException | NumberFormatException ex) {
                throw ApiError.badRequest("each value in " + name + " must be an integer");
            }
        }
        return out;
    }

    private static JsonArray optionalArray(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonArray()) {
            throw ApiError.badRequest(name + " must be an array");
        }
        return e.getAsJsonArray();
    }

    /** An ISO-8601 date-time; one without an offset is taken as UTC. */
    static Instant parseDateTime(String text, String name) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest(name + " must be an ISO-8601 date-time");
            }
        }
    }
}
