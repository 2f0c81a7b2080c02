package app.licensedesk.api;

import app.licensedesk.model.ErrorKind;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The one place that turns a failed call into an {@link ApiException}: an HTTP error status (whatever its body,
 * JSON or not), an {@link IOException}, or a successful answer the client cannot read.
 */
final class ApiErrors {

    /** Error bodies are small; a proxy's HTML page is not worth reading further. */
    static final long MAX_ERROR_BODY = 64 * 1024;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** JWTs (their header always starts "eyJ") and bearer values, in case a server echoes one in a message. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)bearer\\s+\\S+|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Clock clock;

    ApiErrors(Clock clock) {
        this.clock = clock;
    }

    /**
     * Executes a call and returns its successful response (2xx; the body may be null for 204).
     *
     * @throws ApiException for every failure
     */
    <T> Response<T> execute(Call<T> call) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw fromIOException(e);
        }
        if (response.isSuccessful()) {
            return response;
        }
        String body = null;
        try (ResponseBody errorBody = response.errorBody()) {
            body = errorBody == null ? null : errorBody.string();
        } catch (IOException e) {
            // An unreadable error body still is an error with its HTTP status.
        }
        throw fromResponse(response.code(), response.headers(), body);
    }

    /** Executes a call whose successful answer must have a body. */
    <T> T body(Call<T> call) {
        T body = execute(call).body();
        if (body == null) {
            throw new ApiException(ErrorKind.UNREADABLE, "The response has no content", null);
        }
        return body;
    }

    /** The exception for an HTTP error status; the body may be anything, or null. */
    ApiException fromResponse(int status, Headers headers, String body) {
        Wire.ErrorBody error = parseErrorBody(body);
        String message = error == null ? null : redact(error.message());
        return new ApiException(kindOf(status), status, errorCode(error), message,
                retryAfter(error, headers), null);
    }

    /** The exception for a failure without a usable response. */
    static ApiException fromIOException(IOException e) {
        if (e instanceof UnreadableBodyException) {
            return new ApiException(ErrorKind.UNREADABLE, e.getMessage(), e);
        }
        if (e instanceof InterruptedIOException) {
            // SocketTimeoutException included; OkHttp's call timeout is a plain InterruptedIOException.
            return new ApiException(ErrorKind.TIMEOUT, "The server did not answer in time", e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + redact(e.getMessage());
        return new ApiException(ErrorKind.NETWORK, detail, e);
    }

    static ErrorKind kindOf(int status) {
        return switch (status) {
            case 400 -> ErrorKind.VALIDATION;
            case 401 -> ErrorKind.UNAUTHORIZED;
            case 403 -> ErrorKind.FORBIDDEN;
            case 404 -> ErrorKind.NOT_FOUND;
            case 409 -> ErrorKind.CONFLICT;
            case 429 -> ErrorKind.RATE_LIMITED;
            default -> status >= 400 && status < 500 ? ErrorKind.VALIDATION : ErrorKind.SERVER;
        };
    }

    /**
     * The machine-readable code of an error: the authentication host puts it in {@code message}
     * (PASSWORD_INCORRECT, TOO_MANY_TOTP_CHECKS ...); otherwise the {@code error} field ("Bad Request").
     */
    static String errorCode(Wire.ErrorBody error) {
        if (error == null) {
            return null;
        }
        if (error.message() != null && ERROR_CODE.matcher(error.message()).matches()) {
            return error.message();
        }
        return error.error();
    }

    /** How long the server asked to wait: the body's {@code retryAfter} (seconds), else the Retry-After header. */
    Duration retryAfter(Wire.ErrorBody error, Headers headers) {
        if (error != null && error.retryAfter() != null && error.retryAfter() >= 0) {
            return Duration.ofMillis(Math.round(error.retryAfter() * 1000));
        }
        String header = headers == null ? null : headers.get("Retry-After");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant date = ZonedDateTime.parse(header.trim(), HTTP_DATE).toInstant();
                Duration wait = Duration.between(clock.instant(), date);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeException notDate) {
                return null;
            }
        }
    }

    /** The documented error body, read leniently: null when the text is not a JSON object. */
    static Wire.ErrorBody parseErrorBody(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonElement root = JsonParser.parseString(body);
            if (!root.isJsonObject()) {
                return null;
            }
            JsonObject o = root.getAsJsonObject();
            Double statusCode = number(o.get("statusCode"));
            return new Wire.ErrorBody(statusCode == null ? null : statusCode.intValue(), text(o.get("error")),
                    text(o.get("message")), number(o.get("retryAfter")), text(o.get("partialToken")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Removes anything that looks like a token from text meant for logs and people. */
    static String redact(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll("[redacted]");
    }

    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static Double number(JsonElement e) {
        if (e instanceof JsonPrimitive p) {
            try {
                return p.isNumber() ? p.getAsDouble() : Double.valueOf(p.getAsString().trim());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }
}
