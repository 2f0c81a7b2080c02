package app.licensedesk.sandbox;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The authentication host's paths: login, token renewal and validation, logout and the three 2FA methods. */
final class AuthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    /** Failed checks allowed per user and method before 429, and the window they are counted in. */
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration EMAIL_CODE_TTL = Duration.ofMinutes(10);

    /** The contract's decision (b): the message that tells a client a partial token needs a second factor. */
    static final String TWO_FACTOR_REQUIRED = "2FA_REQUIRED: complete two-factor authentication";

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private record EmailCode(String code, Instant expires) {
    }

    private final Tokens tokens;
    private final Clock clock;
    private final long seed;
    private final AttemptLimiter limiter;
    private final Map<Integer, Set<String>> unusedRecoveryCodes = new HashMap<>();
    private final Map<Integer, EmailCode> pendingEmailCodes = new HashMap<>();
    private final Map<String, String> lastEmailCodes = new HashMap<>();
    private final List<BiConsumer<String, String>> emailListeners = new ArrayList<>();
    private long challenges;

    AuthRoutes(Tokens tokens, SandboxOptions options) {
        this.tokens = tokens;
        this.clock = options.clock();
        this.seed = options.seed();
        this.limiter = new AttemptLimiter(clock, MAX_FAILURES, FAILURE_WINDOW);
        for (Account a : Account.ALL) {
            unusedRecoveryCodes.put(a.userId(), new LinkedHashSet<>(a.recoveryCodes()));
        }
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/auth/login", this::login),
                new Route("GET", "/auth/accesstoken", this::accessToken),
                new Route("GET", "/auth/refreshtoken", this::refreshToken),
                new Route("GET", "/auth/refreshtoken/validate", this::validate),
                new Route("POST", "/auth/logout", this::logout),
                new Route("POST", "/user/2fa/totp/authenticate", this::totp),
                new Route("POST", "/user/2fa/email-otp/challenge", this::emailChallenge),
                new Route("POST", "/user/2fa/email-otp/authenticate", this::emailOtp),
                new Route("POST", "/user/2fa/recovery-code/authenticate", this::recoveryCode));
    }

    synchronized String lastEmailCode(String username) {
        return lastEmailCodes.get(username.trim().toLowerCase(Locale.ROOT));
    }

    synchronized void onEmailCode(BiConsumer<String, String> listener) {
        emailListeners.add(listener);
    }

    private Response login(Request request) {
        JsonObject body = request.jsonObject();
        String username = Json.string(body, "username", 1, 256);
        String password = Json.string(body, "password", 1, 256);
        String limitKey = "login:" + username.trim().toLowerCase(Locale.ROOT);
        requireNotLocked(limitKey, "TOO_MANY_FAILED_PASSWORD_CHECKS");
        Account account = Account.byUsername(username);
        // Unknown users get the same answer as a wrong password, so usernames cannot be probed.
        if (account == null || !MessageDigest.isEqual(account.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            limiter.recordFailure(limitKey);
            LOG.info("Sign-in refused for {}", username);
            throw ApiError.unauthorized("PASSWORD_INCORRECT");
        }
        limiter.reset(limitKey);
        String session = Tokens.newSession();
        if (account.hasTwoFactor()) {
            LOG.info("{} signed in with a password; a second factor is required", account.username());
            return Response.quoted(tokens.issue(account, Tokens.Type.PARTIAL, session));
        }
        LOG.info("{} signed in", account.username());
        return Response.quoted(tokens.issue(account, Tokens.Type.REFRESH, session));
    }

    private Response accessToken(Request request) {
        Tokens.Claims claims = tokens.check(request.bearer());
        if (claims != null && claims.type() == Tokens.Type.PARTIAL) {
            throw ApiError.unauthorized(TWO_FACTOR_REQUIRED);
        }
        claims = requireRefresh(request);
        return Response.quoted(tokens.issue(Account.byId(claims.userId()), Tokens.Type.ACCESS, claims.sessionId()));
    }

    private Response refreshToken(Request request) {
        Tokens.Claims claims = requireRefresh(request);
        return Response.quoted(tokens.issue(Account.byId(claims.userId()), Tokens.Type.REFRESH, claims.sessionId()));
    }

    private Response validate(Request request) {
        JsonObject out = new JsonObject();
        out.addProperty("userId", requireRefresh(request).userId());
        return Response.json(200, out);
    }

    private Response logout(Request request) {
        Tokens.Claims claims = requireRefresh(request);
        tokens.revoke(claims.sessionId());
        LOG.info("{} signed out", claims.subject());
        return Response.noContent();
    }

    private Response totp(Request request) {
        Tokens.Claims claims = requireSecondFactorBearer(request);
        Account account = Account.byId(claims.userId());
        if (account.totpSecret() == null) {
            throw ApiError.conflict("TOTP is not set up for this account");
        }
        String code = sixDigits(request.jsonObject(), "totp");
        String limitKey = "totp:" + account.userId();
        requireNotLocked(limitKey, "TOO_MANY_TOTP_CHECKS");
        // One step either side tolerates a clock that is up to 30 s off, as authenticator apps expect.
        if (!Totp.verify(account.totpSecret(), code, clock.instant(), 1)) {
            limiter.recordFailure(limitKey);
            throw ApiError.unauthorized("TOTP_INCORRECT");
        }
        limiter.reset(limitKey);
        return completeSignIn(account, claims);
    }

    private Response emailChallenge(Request request) {
        Tokens.Claims claims = requireSecondFactorBearer(request);
        Account account = Account.byId(claims.userId());
        if (!account.emailOtp()) {
            throw ApiError.conflict("Email codes are not set up for this account");
        }
        request.jsonObjectOrEmpty();
        String code;
        List<BiConsumer<String, String>> listeners;
        synchronized (this) {
            // Deterministic for a seed, yet different for every challenge.
            code = String.format(Locale.ROOT, "%06d",
                    new Random(seed * 1_000_003L + ++challenges).nextInt(1_000_000));
            pendingEmailCodes.put(account.userId(), new EmailCode(code, clock.instant().plus(EMAIL_CODE_TTL)));
            lastEmailCodes.put(account.username(), code);
            listeners = List.copyOf(emailListeners);
        }
        // The sandbox sends no mail: the code is logged instead (a one-time sandbox code, not a credential).
        LOG.info("Sandbox email code for {}: {}", account.username(), code);
        listeners.forEach(l -> l.accept(account.username(), code));
        return Response.noContent();
    }

    private Response emailOtp(Request request) {
        Tokens.Claims claims = requireSecondFactorBearer(request);
        Account account = Account.byId(claims.userId());
        if (!account.emailOtp()) {
            throw ApiError.conflict("Email codes are not set up for this account");
        }
        String code = sixDigits(request.jsonObject(), "otp");
        String limitKey = "email:" + account.userId();
        requireNotLocked(limitKey, "TOO_MANY_OTP_CHECKS");
        boolean ok;
        synchronized (this) {
            EmailCode pending = pendingEmailCodes.get(account.userId());
            ok = pending != null && clock.instant().isBefore(pending.expires()) && MessageDigest.isEqual(
                    pending.code().getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
            if (ok) {
                pendingEmailCodes.remove(account.userId());
            }
        }
        if (!ok) {
            limiter.recordFailure(limitKey);
            throw ApiError.unauthorized("OTP_INCORRECT");
        }
        limiter.reset(limitKey);
        return completeSignIn(account, claims);
    }

    private Response recoveryCode(Request request) {
        Tokens.Claims claims = requireSecondFactorBearer(request);
        Account account = Account.byId(claims.userId());
        if (account.recoveryCodes().isEmpty()) {
            throw ApiError.conflict("Recovery codes are not set up for this account");
        }
        String code = Json.string(request.jsonObject(), "recoveryCode", 1, 64).trim().toUpperCase(Locale.ROOT);
        String limitKey = "recovery:" + account.userId();
        requireNotLocked(limitKey, "TOO_MANY_RECOVERY_CODE_CHECKS");
        boolean ok;
        synchronized (this) {
            // Removing the code is what makes each one work only once.
            ok = unusedRecoveryCodes.get(account.userId()).remove(code);
        }
        if (!ok) {
            limiter.recordFailure(limitKey);
            throw ApiError.unauthorized("RECOVERY_CODE_INCORRECT");
        }
        limiter.reset(limitKey);
        return completeSignIn(account, claims);
    }

    private Response completeSignIn(Account account, Tokens.Claims claims) {
        if (claims.type() == Tokens.Type.PARTIAL) {
            // A partial token completes one sign-in only.
            tokens.revoke(claims.sessionId());
        }
        String session = Tokens.newSession();
        JsonObject out = new JsonObject();
        out.addProperty("accessToken", tokens.issue(account, Tokens.Type.ACCESS, session));
        out.addProperty("refreshToken", tokens.issue(account, Tokens.Type.REFRESH, session));
        out.addProperty("sudoToken", tokens.issue(account, Tokens.Type.SUDO, session));
        LOG.info("{} completed two-factor authentication", account.username());
        return Response.json(200, out);
    }

    private Tokens.Claims requireRefresh(Request request) {
        Tokens.Claims claims = tokens.check(request.bearer(), Tokens.Type.REFRESH);
        if (claims == null) {
            throw ApiError.unauthorized(request.bearer() == null ? "Missing bearer refresh token"
                    : "Invalid, expired or revoked refresh token");
        }
        return claims;
    }

    /** 2FA endpoints take the partial token from login, or a refresh token (re-authentication for sudo). */
    private Tokens.Claims requireSecondFactorBearer(Request request) {
        Tokens.Claims claims = tokens.check(request.bearer());
        if (claims == null || (claims.type() != Tokens.Type.PARTIAL && claims.type() != Tokens.Type.REFRESH)) {
            throw ApiError.unauthorized(request.bearer() == null ? "Missing bearer token"
                    : "Invalid or expired partial token");
        }
        return claims;
    }

    private void requireNotLocked(String limitKey, String message) {
        long retryAfter = limiter.retryAfterSeconds(limitKey);
        if (retryAfter > 0) {
            throw ApiError.tooMany(message, retryAfter);
        }
    }

    private static String sixDigits(JsonObject body, String name) {
        String code = Json.string(body, name, 1, 64).trim();
        if (!SIX_DIGITS.matcher(code).matches()) {
            throw ApiError.badRequest(name + " must be 6 digits");
        }
        return code;
    }
}
