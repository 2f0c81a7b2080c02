package app.licensedesk.model;

/** The states a sign-in goes through; the session, the service's sign-in port and the screens share these words. */
public enum SessionState {
    /** No tokens; a sign-in is needed. */
    SIGNED_OUT,
    /** The password was accepted; a 2FA code is needed to continue. */
    TWO_FACTOR_REQUIRED,
    /** Tokens are held and can be renewed. */
    SIGNED_IN,
    /** The session was signed in but could not be renewed (refresh token expired or revoked). */
    EXPIRED
}
