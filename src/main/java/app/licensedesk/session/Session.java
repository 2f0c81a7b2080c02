package app.licensedesk.session;

import java.util.function.Consumer;

/**
 * A signed-in (or signing-in) user's tokens for one environment: sign-in, 2FA, renewal and sign-out.
 * Blocking methods: call them off the JavaFX thread. All of them throw
 * {@link app.licensedesk.api.ApiException} on failure.
 */
public interface Session {

    /** The states a session goes through; listeners hear every change. */
    enum State {
        /** No tokens; a sign-in is needed. */
        SIGNED_OUT,
        /** The password was accepted; a 2FA code is needed to continue. */
        TWO_FACTOR_REQUIRED,
        /** Tokens are held and can be renewed. */
        SIGNED_IN,
        /** The session was signed in but could not be renewed (refresh token expired or revoked). */
        EXPIRED
    }

    /** The second factors the contract offers. */
    enum TwoFactorMethod { TOTP, EMAIL_OTP, RECOVERY_CODE }

    /**
     * Signs in with a username and password. The password array is not kept.
     *
     * @return {@link State#SIGNED_IN}, or {@link State#TWO_FACTOR_REQUIRED} when a second factor is needed
     */
    State signIn(String username, char[] password);

    /** Asks the server to e-mail a one-time code (state must be TWO_FACTOR_REQUIRED). */
    void requestEmailCode();

    /** Completes sign-in with a second factor; afterwards the state is SIGNED_IN. */
    void completeTwoFactor(TwoFactorMethod method, String code);

    /** Calls /auth/logout when there is a refresh token (best effort) and forgets every token. */
    void signOut();

    State state();

    /** The username of the last sign-in, or null. */
    String username();

    /** Adds a listener that is told of each state change, on the thread that made it. */
    void addStateListener(Consumer<State> listener);
}
