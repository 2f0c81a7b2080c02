package app.licensedesk.service;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.EnirisConnection;
import app.licensedesk.model.Environment;
import app.licensedesk.session.TokenSession;

/**
 * Builds the {@link Backend} of an environment: one connection, one session, one service, and the warm-up after
 * the process's first sign-in ({@link WarmUp}).
 */
public final class Backends {

    private Backends() {
    }

    /**
     * @throws IllegalArgumentException when a URL of the environment is malformed, or plain HTTP to a host that
     *                                  is not loopback
     */
    public static Backend connect(Environment env, ClientSettings settings) {
        return connect(env, settings, WarmUp.PROCESS);
    }

    /** As {@link #connect(Environment, ClientSettings)}, with the warm-up that decides whether a sign-in warms up. */
    static Backend connect(Environment env, ClientSettings settings, WarmUp warmUp) {
        EnirisConnection connection = new EnirisConnection(env, settings);
        TokenSession session = new TokenSession(connection.authClient(), settings);
        ApiLicenseDeskService service = new ApiLicenseDeskService(connection.enirisClient(session), settings, env,
                connection);
        session.addStateListener(warmUp.afterSignIn(service::warmUp));
        return new Backend(env, new SessionSignIn(session), service);
    }
}
