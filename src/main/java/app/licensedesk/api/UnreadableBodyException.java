package app.licensedesk.api;

import java.io.IOException;

/** A successful response whose body the client cannot read; {@link ApiErrors} turns it into UNREADABLE. */
final class UnreadableBodyException extends IOException {

    UnreadableBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
