package app.licensedesk.service.credentials;

import app.licensedesk.model.Environment;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.RefreshToken;
import app.licensedesk.model.SessionState;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Failure;
import app.licensedesk.service.SignIn;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Keep me signed in": the refresh token of a chosen session goes to the {@link CredentialStore} (per environment
 * and username) after sign-in and at every renewal, start-up resumes with it, and sign-out or a refused token
 * removes it. Only the store holds the token; nothing of it is written anywhere else. Blocking methods.
 */
public final class KeptSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(KeptSignIn.class);
    private static final String FORMAT = "v1";

    private final CredentialStore store;
    private final Set<SignIn> kept = ConcurrentHashMap.newKeySet();

    public KeptSignIn(CredentialStore store) {
        this.store = store;
    }

    /** Whether this computer has a credential store; false when asking it fails too. */
    public boolean available() {
        try {
            return store.available();
        } catch (RuntimeException e) {
            LOG.warn("The credential store could not be asked: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Not the local sandbox: it starts fresh at every run, so a kept token would never work again. */
    public static boolean worthKeeping(Environment.Kind kind) {
        return kind != Environment.Kind.SANDBOX;
    }

    /** The name of the store's entry: the username and the environment (the custom one by its sign-in URL). */
    static String account(Environment env, String username) {
        String where = switch (env.kind()) {
            case PRODUCTION -> "production";
            case SANDBOX -> "sandbox";
            case CUSTOM -> env.authUrl();
        };
        return username + " @ " + where;
    }

    /**
     * Signs the backend's session in with the token kept for this user, and keeps the session from then on.
     *
     * @return false when nothing was kept (nothing was sent)
     * @throws RuntimeException the API's exception; when it is UNAUTHORIZED the token is dead and is removed
     */
    public boolean resume(Backend backend, String username) {
        String account = account(backend.environment(), username);
        Optional<RefreshToken> token = read(account);
        if (token.isEmpty()) {
            return false;
        }
        try {
            backend.session().resume(username, token.get());
        } catch (RuntimeException e) {
            if (Failure.is(e, ErrorKind.UNAUTHORIZED)) {
                LOG.info("The kept sign-in of {} was refused; it is removed", username);
                delete(account);
            }
            throw e;
        }
        keep(backend);
        return true;
    }

    /**
     * Keeps the signed-in session of the backend: its refresh token is written now and after every renewal, and
     * removed when the session is signed out or can no longer be renewed.
     */
    public void keep(Backend backend) {
        SignIn session = backend.session();
        String account = account(backend.environment(), session.username());
        if (kept.add(session)) {
            session.addRefreshTokenListener(token -> {
                if (kept.contains(session)) {
                    write(account, token);
                }
            });
            session.addStateListener(state -> {
                if (state == SessionState.SIGNED_OUT) {
                    kept.remove(session);
                    delete(account);
                } else if (state == SessionState.EXPIRED && kept.contains(session)) {
                    delete(account);
                }
            });
        }
        session.refreshToken().ifPresent(token -> write(account, token));
    }

    /** Removes what is kept for this user in this environment, and stops keeping the backend's session. */
    public void forget(Backend backend, String username) {
        kept.remove(backend.session());
        delete(account(backend.environment(), username));
    }

    /** Whether this session is kept: closing the app then leaves it valid on the server. */
    public boolean keeps(SignIn session) {
        return kept.contains(session);
    }

    private Optional<RefreshToken> read(String account) {
        Optional<String> secret;
        try {
            secret = store.read(account);
        } catch (RuntimeException e) {
            LOG.warn("The credential store could not be read: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
        Optional<RefreshToken> token = secret.flatMap(KeptSignIn::parse);
        if (secret.isPresent() && token.isEmpty()) {
            LOG.warn("A kept sign-in was not in a form this version reads; it is removed");
            delete(account);
        }
        return token;
    }

    private void write(String account, RefreshToken token) {
        try {
            store.write(account, FORMAT + " " + token.obtainedAt().getEpochSecond() + " " + token.value());
        } catch (RuntimeException e) {
            LOG.warn("The sign-in could not be kept: {}", e.getMessage());
        }
    }

    private void delete(String account) {
        try {
            store.delete(account);
        } catch (RuntimeException e) {
            LOG.warn("A kept sign-in could not be removed: {}", e.getMessage());
        }
    }

    /** "v1 1767225600 eyJ..." -> the token and when it was obtained. */
    static Optional<RefreshToken> parse(String secret) {
        String[] parts = secret.split(" ", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT) || parts[2].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RefreshToken(parts[2], Instant.ofEpochSecond(Long.parseLong(parts[1]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
