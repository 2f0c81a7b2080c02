package app.licensedesk.service;

import app.licensedesk.model.RefreshToken;
import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sign-in port the screens drive for one environment: password, second factor, sign-out, and the state of the
 * session behind it (whose tokens and renewal the screens never see). Blocking methods: call them off the JavaFX
 * thread. They throw the API's exception on failure; {@code ErrorMessages} turns it into words.
 */
public interface SignIn {

    /**
     * Signs in with a username and password. The password array is not kept.
     *
     * @return {@link SessionState#SIGNED_IN}, or {@link SessionState#TWO_FACTOR_REQUIRED} when a second factor is
     *         needed
     */
    SessionState signIn(String username, char[] password);

    /** Asks the server to e-mail a one-time code (state must be TWO_FACTOR_REQUIRED). */
    void requestEmailCode();

    /** Completes sign-in with a second factor; afterwards the state is SIGNED_IN. */
    void completeTwoFactor(TwoFactorMethod method, String code);

    /**
     * Signs in with a refresh token kept from an earlier run (renewed first when older than seven days).
     *
     * @throws RuntimeException the API's exception; UNAUTHORIZED when the token has expired or was revoked
     */
    SessionState resume(String username, RefreshToken kept);

    /** The refresh token held now, for "keep me signed in"; empty when not signed in. */
    Optional<RefreshToken> refreshToken();

    /** Adds a listener told of every new refresh token (sign-in, resume, renewal), on the thread that got it. */
    void addRefreshTokenListener(Consumer<RefreshToken> listener);

    /** Calls /auth/logout when there is a refresh token (best effort) and forgets every token. */
    void signOut();

    SessionState state();

    /** The username of the last sign-in, or null. */
    String username();

    /** Adds a listener that is told of each state change, on the thread that made it. */
    void addStateListener(Consumer<SessionState> listener);
}
