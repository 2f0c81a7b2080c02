package app.licensedesk.ui.common;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between runs: the username (never the password or a token), the environment choice and
 * custom URLs, the window size, the last view, the tables' columns and the {@link UserSettings}. Backed by
 * java.util.prefs (registry on Windows, plist on macOS).
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
        try {
            if (value == null) {
                node.remove(key);
            } else {
                node.put(key, value);
            }
        } catch (IllegalStateException e) {
            // the node was removed (a test's clean-up, a reset): there is nowhere to remember it
            LOG.debug("Preference {} not saved: {}", key, e.getMessage());
            return;
        }
        flush();
    }

    public double getDouble(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save preferences: {}", e.getMessage());
        }
    }
}
