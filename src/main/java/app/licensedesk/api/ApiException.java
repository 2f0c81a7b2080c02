package app.licensedesk.api;

import app.licensedesk.model.ErrorKind;
import java.time.Duration;

/**
 * The one exception the HTTP layer throws. Its {@link ErrorKind} says what went wrong in terms the UI can act on;
 * the message never contains a token, a password or an Authorization header.
 */
public final class ApiException extends RuntimeException {

    private final ErrorKind kind;
    private final int httpStatus;
    private final String errorCode;
    private final String serverMessage;
    private final Duration retryAfter;

    /**
     * @param kind          what went wrong
     * @param httpStatus    the HTTP status, or 0 when there was no response
     * @param errorCode     the body's {@code error} field, or null
     * @param serverMessage the body's {@code message} field (text for people), or null
     * @param retryAfter    how long to wait before trying again, or null
     * @param cause         the underlying exception, or null
     */
    public ApiException(ErrorKind kind, int httpStatus, String errorCode, String serverMessage, Duration retryAfter,
                        Throwable cause) {
        super(describe(kind, httpStatus, errorCode, serverMessage), cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
        this.retryAfter = retryAfter;
    }

    public ApiException(ErrorKind kind, String detail, Throwable cause) {
        this(kind, 0, null, detail, null, cause);
    }

    private static String describe(ErrorKind kind, int status, String errorCode, String message) {
        StringBuilder sb = new StringBuilder(kind.name());
        if (status > 0) {
            sb.append(" (HTTP ").append(status).append(')');
        }
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        }
        if (message != null) {
            sb.append(": ").append(message);
        }
        return sb.toString();
    }

    public ErrorKind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /**
     * Whether the request may have reached the server although no usable answer came back: it timed out, the
     * connection broke after it was sent, the answer could not be read, or a gateway lost the answer (502, 504).
     * For a POST that means its outcome is unknown until the state is read back. A connection that could not be
     * opened is not such a case: that request never left.
     */
    public boolean answerLost() {
        return switch (kind) {
            case TIMEOUT, UNREADABLE -> true;
            case NETWORK -> !RetryInterceptor.neverSent(getCause());
            case SERVER -> httpStatus == 502 || httpStatus == 504;
            default -> false;
        };
    }

    /** The wait the server asked for (Retry-After header or retryAfter body field), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
