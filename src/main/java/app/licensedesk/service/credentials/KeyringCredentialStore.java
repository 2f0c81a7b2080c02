package app.licensedesk.service.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's credential store through java-keyring: Windows Credential Manager, the macOS Keychain, or
 * a Secret Service (GNOME Keyring, KWallet) on Linux. Where none answers, {@link #available()} is false and every
 * other call does nothing. Thread-safe.
 */
public final class KeyringCredentialStore implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringCredentialStore.class);
    /** The "service" every entry is filed under, as the OS tools show it. */
    static final String SERVICE = "License Desk";

    private Keyring keyring;
    private boolean probed;

    @Override
    public synchronized boolean available() {
        return keyring() != null;
    }

    private synchronized Keyring keyring() {
        if (!probed) {
            probed = true;
            try {
                keyring = Keyring.create();
                LOG.info("Credential store: {}", keyring.getKeyringStorageType());
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                // a Linux desktop without a Secret Service daemon, a headless machine, a missing native library
                LOG.info("No credential store on this computer ({}): sign-ins are not kept", e.getMessage());
            }
        }
        return keyring;
    }

    @Override
    public synchronized Optional<String> read(String account) {
        Keyring store = keyring();
        if (store == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(store.getPassword(SERVICE, account));
        } catch (PasswordAccessException e) {
            // the library says "not found" and "not readable" alike
            LOG.debug("Nothing readable kept for an account: {}", e.getClass().getSimpleName());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("The credential store could not be read: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void write(String account, String secret) {
        Keyring store = keyring();
        if (store == null) {
            return;
        }
        try {
            store.setPassword(SERVICE, account, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new StoreException("The credential store refused to keep the sign-in", e);
        }
    }

    @Override
    public synchronized void delete(String account) {
        Keyring store = keyring();
        if (store == null || read(account).isEmpty()) {
            return;
        }
        try {
            store.deletePassword(SERVICE, account);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new StoreException("The credential store could not remove the sign-in", e);
        }
    }
}
