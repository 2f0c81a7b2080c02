package app.licensedesk.service.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A credential store in memory, for tests; {@code unavailable()} plays a computer without one. */
public final class MemoryCredentialStore implements CredentialStore {

    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final boolean available;

    public MemoryCredentialStore() {
        this(true);
    }

    private MemoryCredentialStore(boolean available) {
        this.available = available;
    }

    public static MemoryCredentialStore unavailable() {
        return new MemoryCredentialStore(false);
    }

    /** What is kept now, by account. */
    public Map<String, String> entries() {
        return Map.copyOf(entries);
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Optional<String> read(String account) {
        return available ? Optional.ofNullable(entries.get(account)) : Optional.empty();
    }

    @Override
    public void write(String account, String secret) {
        if (available) {
            entries.put(account, secret);
        }
    }

    @Override
    public void delete(String account) {
        entries.remove(account);
    }
}
