package app.licensedesk.sandbox;

import com.google.gson.JsonObject;

/** An error answer in the contract's shape; thrown by route code and turned into a response by the router. */
final class ApiError extends RuntimeException {

    private final int status;
    private final Long retryAfterSeconds;

    ApiError(int status, String message) {
        this(status, message, null);
    }

    ApiError(int status, String message, Long retryAfterSeconds) {
        // No stack trace: these are expected answers, not bugs.
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    static ApiError tooMany(String message, long retryAfterSeconds) {
        return new ApiError(429, message, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    Response toResponse() {
        Response response = Response.json(status, body(status, getMessage(), retryAfterSeconds));
        return retryAfterSeconds == null ? response
                : response.withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** {"statusCode", "error", "message"} plus "retryAfter" on 429, as the contract describes. */
    static JsonObject body(int status, String message, Long retryAfterSeconds) {
        JsonObject o = new JsonObject();
        o.addProperty("statusCode", status);
        o.addProperty("error", reason(status));
        o.addProperty("message", message);
        if (retryAfterSeconds != null) {
            o.addProperty("retryAfter", retryAfterSeconds);
        }
        return o;
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
