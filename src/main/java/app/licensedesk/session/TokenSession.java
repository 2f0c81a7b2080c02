package app.licensedesk.session;

import app.licensedesk.model.RefreshToken;
import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import app.licensedesk.api.AccessTokenSource;
import app.licensedesk.api.ApiException;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.AuthClient;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.LoginResult;
import app.licensedesk.api.SessionTokens;
import app.licensedesk.api.TwoFactorDetector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session of one user against one environment: sign-in with 2FA, access tokens renewed ahead of expiry and
 * on demand (one renewal at a time serves every waiting request), the refresh token renewed when it gets old,
 * and sign-out. Tokens live in memory only; a listener may keep the refresh token elsewhere ("keep me signed in"),
 * and {@link #resume} picks such a token up again. Thread-safe.
 */
public final class TokenSession implements AccessTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(TokenSession.class);

    private final AuthClient auth;
    private final Clock clock;
    private final TokenLifetime lifetime;
    private final Duration refreshTokenRenewAfter;
    /** Guards every state change and every renewal, so only one renewal runs at a time. */
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Consumer<SessionState>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RefreshToken>> refreshListeners = new CopyOnWriteArrayList<>();

    private volatile SessionState state = SessionState.SIGNED_OUT;
    private volatile String username;
    /** Non-null only in SIGNED_IN. */
    private volatile Tokens tokens;
    /** Non-null only in TWO_FACTOR_REQUIRED. */
    private volatile String partialToken;

    public TokenSession(AuthClient auth, ClientSettings settings) {
        this.auth = Objects.requireNonNull(auth);
        this.clock = settings.clock();
        this.lifetime = new TokenLifetime(settings.accessTokenMaxAge(), settings.accessTokenRenewalMargin());
        this.refreshTokenRenewAfter = settings.refreshTokenRenewAfter();
    }

    /** The refresh and access token with their times. Its text form never shows the tokens. */
    private record Tokens(String refresh, Instant refreshObtainedAt, String access, Instant accessRenewAt) {
        @Override
        public String toString() {
            return "Tokens[renewAt=" + accessRenewAt + "]";
        }
    }

    /**
     * {@inheritDoc} The password array is zeroed once it has been sent. On failure the session keeps the state it
     * had (an EXPIRED session stays EXPIRED, so the user can try again).
     */
    public SessionState signIn(String username, char[] password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        lock.lock();
        try {
            LoginResult login;
            try {
                login = auth.login(username, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            if (login.partial()) {
                return awaitSecondFactor(username, login.token());
            }
            Instant obtainedAt = clock.instant();
            String access;
            try {
                access = auth.accessToken(login.token());
            } catch (ApiException e) {
                if (TwoFactorDetector.isTwoFactorRefusal(e)) {
                    return awaitSecondFactor(username, login.token());
                }
                throw e;
            }
            signedIn(username, login.token(), access, obtainedAt);
            return SessionState.SIGNED_IN;
        } finally {
            lock.unlock();
        }
    }

    public void requestEmailCode() {
        auth.requestEmailCode(requirePartialToken());
    }

    public void completeTwoFactor(TwoFactorMethod method, String code) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(code, "code");
        lock.lock();
        try {
            String partial = requirePartialToken();
            String trimmed = code.strip();
            SessionTokens result = switch (method) {
                case TOTP -> auth.authenticateTotp(partial, trimmed);
                case EMAIL_OTP -> auth.authenticateEmailOtp(partial, trimmed);
                case RECOVERY_CODE -> auth.authenticateRecoveryCode(partial, trimmed);
            };
            Instant obtainedAt = clock.instant();
            String access = result.accessToken() != null ? result.accessToken()
                    : auth.accessToken(result.refreshToken());
            signedIn(username, result.refreshToken(), access, obtainedAt);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Signs in with a refresh token kept from an earlier run: renews it first when it is older than the renewal age
     * (seven days by default), then asks for an access token. On a refusal (401: expired or revoked) the session
     * stays signed out and the exception is thrown; the caller asks for the password then.
     */
    public SessionState resume(String username, RefreshToken kept) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(kept, "kept");
        lock.lock();
        try {
            Instant now = clock.instant();
            String refresh = kept.value();
            Instant obtainedAt = kept.obtainedAt();
            if (!now.isBefore(obtainedAt.plus(refreshTokenRenewAfter))) {
                try {
                    refresh = auth.renewRefreshToken(refresh);
                    obtainedAt = now;
                } catch (ApiException e) {
                    if (e.kind() == ErrorKind.UNAUTHORIZED) {
                        throw e;
                    }
                    LOG.warn("Could not renew the kept refresh token ({}); trying it as it is", e.kind());
                }
            }
            String access = auth.accessToken(refresh);
            signedIn(username, refresh, access, obtainedAt);
            return SessionState.SIGNED_IN;
        } finally {
            lock.unlock();
        }
    }

    /** The refresh token held now, or empty when not signed in. */
    public Optional<RefreshToken> refreshToken() {
        Tokens current = tokens;
        return current == null ? Optional.empty()
                : Optional.of(new RefreshToken(current.refresh(), current.refreshObtainedAt()));
    }

    /**
     * Adds a listener told of every new refresh token (after a sign-in, a resume and each renewal), on the thread
     * that got it. It is told nothing at sign-out or expiry: the state listeners say that.
     */
    public void addRefreshTokenListener(Consumer<RefreshToken> listener) {
        refreshListeners.add(Objects.requireNonNull(listener));
    }

    public void signOut() {
        Tokens old;
        lock.lock();
        try {
            old = tokens;
            tokens = null;
            partialToken = null;
            changeState(SessionState.SIGNED_OUT);
        } finally {
            lock.unlock();
        }
        if (old != null) {
            try {
                auth.logout(old.refresh());
            } catch (ApiException e) {
                LOG.warn("Sign-out could not reach the server ({}); the tokens are forgotten here", e.kind());
            }
        }
    }

    public SessionState state() {
        return state;
    }

    public String username() {
        return username;
    }

    public void addStateListener(Consumer<SessionState> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public String accessToken() {
        Tokens current = tokens;
        if (current != null && clock.instant().isBefore(current.accessRenewAt())) {
            return current.access();
        }
        return renew(current == null ? null : current.access(), false);
    }

    @Override
    public String renewAfterRejection(String rejected) {
        return renew(rejected, true);
    }

    /**
     * Renews the access token unless someone else did since {@code seen} was handed out; callers queue on the lock
     * meanwhile, so one {@code /auth/accesstoken} call serves them all.
     */
    private String renew(String seen, boolean rejected) {
        lock.lock();
        try {
            Tokens current = tokens;
            if (current == null) {
                throw signedOut(null);
            }
            Instant now = clock.instant();
            boolean fresh = now.isBefore(current.accessRenewAt());
            if (fresh && (!rejected || !current.access().equals(seen))) {
                return current.access();
            }
            String refresh = current.refresh();
            Instant refreshObtainedAt = current.refreshObtainedAt();
            if (!now.isBefore(refreshObtainedAt.plus(refreshTokenRenewAfter))) {
                try {
                    refresh = auth.renewRefreshToken(refresh);
                    refreshObtainedAt = now;
                } catch (ApiException e) {
                    if (e.kind() == ErrorKind.UNAUTHORIZED) {
                        throw expire(e);
                    }
                    // The old refresh token is valid for days yet; try renewing it again next time.
                    LOG.warn("Could not renew the refresh token ({}); keeping the current one", e.kind());
                }
            }
            String access;
            try {
                access = auth.accessToken(refresh);
            } catch (ApiException e) {
                if (e.kind() == ErrorKind.UNAUTHORIZED) {
                    throw expire(e);
                }
                throw e;
            }
            boolean renewedRefresh = !refresh.equals(current.refresh());
            tokens = new Tokens(refresh, refreshObtainedAt, access, lifetime.renewAt(access, now));
            LOG.debug("Access token renewed");
            if (renewedRefresh) {
                tellRefreshToken(new RefreshToken(refresh, refreshObtainedAt));
            }
            return access;
        } finally {
            lock.unlock();
        }
    }

    private SessionState awaitSecondFactor(String user, String partial) {
        username = user;
        tokens = null;
        partialToken = partial;
        changeState(SessionState.TWO_FACTOR_REQUIRED);
        return SessionState.TWO_FACTOR_REQUIRED;
    }

    private void signedIn(String user, String refresh, String access, Instant obtainedAt) {
        username = user;
        partialToken = null;
        tokens = new Tokens(refresh, obtainedAt, access, lifetime.renewAt(access, obtainedAt));
        changeState(SessionState.SIGNED_IN);
        LOG.info("Signed in as {}", user);
        tellRefreshToken(new RefreshToken(refresh, obtainedAt));
    }

    private void tellRefreshToken(RefreshToken token) {
        for (Consumer<RefreshToken> listener : refreshListeners) {
            try {
                listener.accept(token);
            } catch (RuntimeException e) {
                // the message only: a listener's exception might quote what it was given
                LOG.warn("A refresh token listener failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private ApiException expire(ApiException cause) {
        tokens = null;
        LOG.info("The session of {} can no longer be renewed; a new sign-in is needed", username);
        changeState(SessionState.EXPIRED);
        return signedOut(cause);
    }

    private String requirePartialToken() {
        String partial = partialToken;
        if (state != SessionState.TWO_FACTOR_REQUIRED || partial == null) {
            throw new IllegalStateException("No sign-in is waiting for a second factor");
        }
        return partial;
    }

    private static ApiException signedOut(ApiException cause) {
        return new ApiException(ErrorKind.SIGNED_OUT, 0, null, "Not signed in, or the session has ended", null, cause);
    }

    private void changeState(SessionState next) {
        if (state == next) {
            return;
        }
        state = next;
        for (Consumer<SessionState> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A session state listener failed", e);
            }
        }
    }
}
