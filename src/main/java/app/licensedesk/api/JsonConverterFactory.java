package app.licensedesk.api;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Retrofit converters: {@code String} responses are text tokens (see {@link TextTokens}), everything else is JSON
 * through {@link Json#GSON}. The body is read completely before parsing so that a broken connection stays an I/O
 * error while a body that is not what we expect becomes {@link UnreadableBodyException}.
 */
final class JsonConverterFactory extends Converter.Factory {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        if (type == String.class) {
            return JsonConverterFactory::token;
        }
        TypeAdapter<?> adapter = Json.GSON.getAdapter(TypeToken.get(type));
        return body -> parse(body, adapter, type);
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
                                                          Annotation[] methodAnnotations, Retrofit retrofit) {
        if (RequestBody.class.equals(type)) {
            return null;
        }
        return value -> RequestBody.create(Json.GSON.toJson(value, type), JSON);
    }

    /** Reads {@code text} exactly as an answer body of that type is read; for the warm-up ({@link EnirisClient}). */
    static <T> T read(String text, Class<T> type) throws IOException {
        return type.cast(parse(ResponseBody.create(text, JSON), Json.GSON.getAdapter(type), type));
    }

    private static String token(ResponseBody body) throws IOException {
        try (body) {
            String token = TextTokens.unquote(body.string());
            if (token == null) {
                throw new UnreadableBodyException("The response holds no token", null);
            }
            return token;
        }
    }

    private static Object parse(ResponseBody body, TypeAdapter<?> adapter, Type type) throws IOException {
        String text;
        try (body) {
            text = body.string();
        }
        try {
            JsonReader reader = Json.GSON.newJsonReader(new StringReader(text));
            Object value = adapter.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("Unexpected data after the JSON document");
            }
            return value;
        } catch (IOException | JsonParseException | IllegalStateException | DateTimeException
                 | NumberFormatException e) {
            throw new UnreadableBodyException("The response is not readable as " + simpleName(type) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String simpleName(Type type) {
        String name = type.getTypeName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
