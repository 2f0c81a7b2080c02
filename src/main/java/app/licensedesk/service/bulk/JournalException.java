package app.licensedesk.service.bulk;

import java.io.IOException;

/** A journal that belongs to another file, is damaged, or cannot be written; the message is for people. */
public final class JournalException extends IOException {

    JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
