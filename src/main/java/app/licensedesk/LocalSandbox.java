package app.licensedesk;

import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The app's in-process local sandbox: started on a free loopback port the first time it is chosen. */
final class LocalSandbox implements AutoCloseable {

    private final SandboxOptions options;
    private SandboxServer server;

    LocalSandbox(SandboxOptions options) {
        this.options = options;
    }

    /** The sandbox's base URL, starting it if needed. Blocking: call it off the FX thread. */
    synchronized String baseUrl() {
        if (server == null) {
            try {
                server = SandboxServer.start(options);
            } catch (IOException e) {
                throw new UncheckedIOException("The local sandbox could not start", e);
            }
        }
        return server.baseUrl();
    }

    /** The demo accounts, for the sign-in hint. */
    static String accountsHint() {
        return "\n" + SandboxAccounts.ADMIN_USERNAME + " / " + SandboxAccounts.ADMIN_PASSWORD
                + "\n" + SandboxAccounts.SALES_USERNAME + " / " + SandboxAccounts.SALES_PASSWORD
                + "\n" + SandboxAccounts.TWO_FACTOR_USERNAME + " / " + SandboxAccounts.TWO_FACTOR_PASSWORD;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
