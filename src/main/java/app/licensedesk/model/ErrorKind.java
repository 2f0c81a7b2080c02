package app.licensedesk.model;

/** What went wrong in a call to the Eniris API, independent of the endpoint: the words every layer shares. */
public enum ErrorKind {
    /** 400: malformed input, or the server refused the request (e.g. already claimed / activated). */
    VALIDATION,
    /** 401: wrong password, invalid or expired token, wrong 2FA code. */
    UNAUTHORIZED,
    /** The session can no longer be renewed: the user must sign in again. */
    SIGNED_OUT,
    /** 2FA is required to finish signing in. */
    TWO_FACTOR_REQUIRED,
    /** 403: no right to do this. */
    FORBIDDEN,
    /** 404: unknown license, controller or customer. */
    NOT_FOUND,
    /** 409: e.g. a 2FA method that is not set up. */
    CONFLICT,
    /** 429: too many requests or failed checks; see {@link #retryAfter()}. */
    RATE_LIMITED,
    /** 5xx. */
    SERVER,
    /** The server could not be reached or the connection broke. */
    NETWORK,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The server answered something the client cannot read. */
    UNREADABLE
}
