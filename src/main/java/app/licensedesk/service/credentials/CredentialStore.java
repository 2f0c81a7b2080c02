package app.licensedesk.service.credentials;

import java.util.Optional;

/**
 * A place outside the app that keeps a secret per account, protected by the operating system: our own small port
 * over the OS credential store, so the library behind it can be swapped and tests use an in-memory one. Blocking:
 * call it off the JavaFX thread.
 */
public interface CredentialStore {

    /** Whether this computer has a store that can be used; the first call asks the operating system. */
    boolean available();

    /** The secret kept for the account, or empty when there is none (or the store cannot be read). */
    Optional<String> read(String account);

    /** Keeps the secret for the account, replacing what was there. */
    void write(String account, String secret);

    /** Removes the account's secret; nothing happens when there is none. */
    void delete(String account);

    /** The store could not do what was asked. Its message never holds the secret. */
    final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
