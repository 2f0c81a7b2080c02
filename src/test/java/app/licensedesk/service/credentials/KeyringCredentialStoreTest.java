package app.licensedesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real OS credential store, where this machine has one: CI runs the suite in a D-Bus session with GNOME
 * Keyring unlocked (.ci/with-keyring); elsewhere without a Secret Service the test is skipped, and the rest of the
 * suite uses {@link MemoryCredentialStore}.
 */
class KeyringCredentialStoreTest {

    private final KeyringCredentialStore store = new KeyringCredentialStore();
    private final String account = "test-" + UUID.randomUUID() + " @ production";

    @BeforeEach
    void needsAStore() {
        assumeTrue(store.available(), "no credential store on this machine");
    }

    @AfterEach
    void cleanUp() {
        store.delete(account);
    }

    @Test
    void writesReadsReplacesAndDeletes() {
        assertThat(store.read(account)).isEmpty();
        store.write(account, "v1 1767225600 first");
        assertThat(store.read(account)).contains("v1 1767225600 first");
        store.write(account, "v1 1767225601 second");
        assertThat(store.read(account)).contains("v1 1767225601 second");
        store.delete(account);
        assertThat(store.read(account)).isEmpty();
        store.delete(account); // deleting what is not there is fine
    }

    @Test
    void accountsAreSeparate() {
        String other = "other-" + account;
        try {
            store.write(account, "a");
            store.write(other, "b");
            assertThat(store.read(account)).contains("a");
            assertThat(store.read(other)).contains("b");
        } finally {
            store.delete(other);
        }
    }
}
