package app.licensedesk.api;

import app.licensedesk.model.ErrorKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The calls of the authentication host, one method per endpoint. Blocking; every failure is an
 * {@link ApiException}. Tokens are passed and returned as they are, never logged.
 */
public final class AuthClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final AuthApi api;
    private final ApiErrors errors;

    AuthClient(AuthApi api, ApiErrors errors) {
        this.api = api;
        this.errors = errors;
    }

    /**
     * {@code POST /auth/login}. A 401 that asks for a second factor (2FA rule (a)) is not an error: it gives a
     * partial token.
     *
     * @throws ApiException e.g. UNAUTHORIZED with errorCode PASSWORD_INCORRECT, RATE_LIMITED with retryAfter
     */
    public LoginResult login(String username, char[] password) {
        byte[] body = credentialsJson(username, password);
        try {
            Call<String> call = api.login(RequestBody.create(body, JSON));
            Response<String> response;
            try {
                response = call.execute();
            } catch (IOException e) {
                throw ApiErrors.fromIOException(e);
            }
            if (response.isSuccessful()) {
                return new LoginResult(requireToken(response.body()), false);
            }
            String errorText = errorText(response);
            String partial = TwoFactorDetector.partialTokenOfLoginRefusal(response.code(),
                    ApiErrors.parseErrorBody(errorText));
            if (partial != null) {
                return new LoginResult(partial, true);
            }
            throw errors.fromResponse(response.code(), response.headers(), errorText);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** {@code GET /auth/accesstoken}: a new access token for a refresh token (401 when it is no longer valid). */
    public String accessToken(String refreshToken) {
        return requireToken(errors.body(api.accessToken(bearer(refreshToken))));
    }

    /** {@code GET /auth/refreshtoken}: a new refresh token for a still valid one. */
    public String renewRefreshToken(String refreshToken) {
        return requireToken(errors.body(api.refreshToken(bearer(refreshToken))));
    }

    /** {@code GET /auth/refreshtoken/validate}: the user id the refresh token belongs to. */
    public long validateRefreshToken(String refreshToken) {
        Wire.RefreshTokenValidation validation = errors.body(api.validateRefreshToken(bearer(refreshToken)));
        if (validation.userId() == null) {
            throw new ApiException(ErrorKind.UNREADABLE, "The validation answer has no userId", null);
        }
        return validation.userId();
    }

    /** {@code POST /auth/logout}: 204 (invalidated) and 401 (already invalid) both mean the token is dead. */
    public void logout(String refreshToken) {
        try {
            errors.execute(api.logout(bearer(refreshToken)));
        } catch (ApiException e) {
            if (e.kind() != ErrorKind.UNAUTHORIZED) {
                throw e;
            }
        }
    }

    /** {@code POST /user/2fa/email-otp/challenge} with {@code {}}: the server e-mails a one-time code. */
    public void requestEmailCode(String partialToken) {
        errors.execute(api.emailOtpChallenge(bearer(partialToken), new Wire.EmptyRequest()));
    }

    /** {@code POST /user/2fa/totp/authenticate} with {@code {"totp"}}. */
    public SessionTokens authenticateTotp(String partialToken, String totp) {
        return tokens(errors.body(api.authenticateTotp(bearer(partialToken), new Wire.TotpRequest(totp))));
    }

    /** {@code POST /user/2fa/email-otp/authenticate} with {@code {"otp"}}. */
    public SessionTokens authenticateEmailOtp(String partialToken, String otp) {
        return tokens(errors.body(api.authenticateEmailOtp(bearer(partialToken), new Wire.OtpRequest(otp))));
    }

    /** {@code POST /user/2fa/recovery-code/authenticate} with {@code {"recoveryCode"}}. */
    public SessionTokens authenticateRecoveryCode(String partialToken, String recoveryCode) {
        return tokens(errors.body(api.authenticateRecoveryCode(bearer(partialToken),
                new Wire.RecoveryCodeRequest(recoveryCode))));
    }

    private static SessionTokens tokens(Wire.TwoFactorTokens wire) {
        String refresh = TextTokens.unquote(wire.refreshToken());
        if (refresh == null) {
            throw new ApiException(ErrorKind.UNREADABLE, "The 2FA answer has no refresh token", null);
        }
        return new SessionTokens(TextTokens.unquote(wire.accessToken()), refresh,
                TextTokens.unquote(wire.sudoToken()));
    }

    private static String requireToken(String token) {
        if (token == null) {
            throw new ApiException(ErrorKind.UNREADABLE, "The response holds no token", null);
        }
        return token;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String errorText(Response<?> response) {
        try (var body = response.errorBody()) {
            return body == null ? null : body.string();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code {"username":..,"password":..}} as UTF-8 bytes, built without turning the password into a String. */
    static byte[] credentialsJson(String username, char[] password) {
        StringBuilder json = new StringBuilder(32 + username.length() + 2 * password.length);
        json.append("{\"username\":");
        appendJsonString(json, username);
        json.append(",\"password\":");
        appendJsonString(json, CharBuffer.wrap(password));
        json.append('}');
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(json));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        } finally {
            for (int i = 0; i < json.length(); i++) {
                json.setCharAt(i, '\0');
            }
        }
    }

    private static void appendJsonString(StringBuilder out, CharSequence value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
