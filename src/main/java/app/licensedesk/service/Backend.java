package app.licensedesk.service;

import app.licensedesk.model.Environment;

/**
 * Everything the app needs to talk to one environment: its session and its service. Close it when switching
 * environments or quitting.
 */
public record Backend(Environment environment, SignIn session, LicenseDeskService service)
        implements AutoCloseable {

    /** Shuts down the service's threads and the connection pool; does not sign out. */
    @Override
    public void close() {
        if (service instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the backend failed", e);
            }
        }
    }
}
