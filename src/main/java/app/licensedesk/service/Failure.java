package app.licensedesk.service;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import java.time.Duration;
import java.util.Optional;

/**
 * What the screens may know of a failed call, in the service layer's words, so the ui never reaches into the HTTP
 * layer: the kind, the status and the server's own words. Every exception the service lets through is either such
 * a failure or a defect ({@link #of} is then empty).
 *
 * @param kind          what went wrong
 * @param httpStatus    the HTTP status, or 0 when there was no answer
 * @param errorCode     the body's {@code error} field, or null
 * @param serverMessage the body's {@code message} field (text for people), or null
 * @param retryAfter    how long the server asked to wait, or null
 * @param summary       one line for the log; never holds a token or a password
 */
public record Failure(ErrorKind kind, int httpStatus, String errorCode, String serverMessage, Duration retryAfter,
                      String summary) {

    /** The failure an exception reports, or empty when it is not a failure of a call (a defect). */
    public static Optional<Failure> of(Throwable error) {
        return error instanceof ApiException api ? Optional.of(from(api)) : Optional.empty();
    }

    /** True when the exception reports a failure of that kind. */
    public static boolean is(Throwable error, ErrorKind kind) {
        return error instanceof ApiException api && api.kind() == kind;
    }

    static Failure from(ApiException api) {
        return new Failure(api.kind(), api.httpStatus(), api.errorCode(), api.serverMessage(), api.retryAfter(),
            api.getMessage());
    }
}
