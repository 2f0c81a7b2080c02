package app.licensedesk.api;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.regex.Pattern;

/**
 * The quoting rule of the token endpoints: the body is the token as text, wrapped in double quotes
 * ({@code "eyJ..."}); trim whitespace and strip the quotes, and accept a bare token too.
 */
final class TextTokens {

    /** JWTs and opaque tokens alike are URL-safe text; anything else (JSON, HTML) is not a token. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    private TextTokens() {
    }

    /** The token in a text body, or null when the body holds none. */
    static String unquote(String body) {
        if (body == null) {
            return null;
        }
        String text = body.strip();
        if (text.startsWith("\"")) {
            try {
                // A quoted token is a JSON string; parsing it also undoes any escaping.
                var element = JsonParser.parseString(text);
                text = element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                        ? element.getAsString().strip() : "";
            } catch (JsonParseException e) {
                return null;
            }
        }
        return TOKEN.matcher(text).matches() ? text : null;
    }
}
