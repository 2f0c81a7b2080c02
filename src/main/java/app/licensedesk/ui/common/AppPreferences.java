package app.licensedesk.ui.common;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between runs: the username (never the password), the environment choice and custom
 * URLs, the window size and the last view. Backed by java.util.prefs (registry on Windows, plist on macOS).
 */
public final class AppPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(AppPreferences.class);

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /**
     * The user's preferences; the node can be moved with {@code -Dlicensedesk.prefs=...} so that tests and
     * demos do not touch a real user's settings.
     */
    public static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node(System.getProperty("licensedesk.prefs",
                "app/licensedesk")));
    }

    public String get(String key, String fallback) {
        return node.get(key, fallback);
    }

    public void put(String key, String value) {
        if (value == null) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
        flush();
    }

    public double getDouble(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public void putDouble(String key, double value) {
        node.putDouble(key, value);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save preferences: {}", e.getMessage());
        }
    }
}
