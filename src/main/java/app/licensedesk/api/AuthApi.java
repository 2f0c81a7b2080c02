package app.licensedesk.api;

import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;

/** The endpoints of the authentication host. Each bearer is passed explicitly: refresh or partial token. */
interface AuthApi {

    String AUTHORIZATION = "Authorization";

    /** Body {@code {"username","password"}}, built by {@link AuthClient} so the password never becomes a String. */
    @POST("auth/login")
    Call<String> login(@Body RequestBody credentials);

    @GET("auth/accesstoken")
    Call<String> accessToken(@Header(AUTHORIZATION) String bearerRefreshToken);

    @GET("auth/refreshtoken")
    Call<String> refreshToken(@Header(AUTHORIZATION) String bearerRefreshToken);

    @GET("auth/refreshtoken/validate")
    Call<Wire.RefreshTokenValidation> validateRefreshToken(@Header(AUTHORIZATION) String bearerRefreshToken);

    @POST("auth/logout")
    Call<Void> logout(@Header(AUTHORIZATION) String bearerRefreshToken);

    @POST("user/2fa/totp/authenticate")
    Call<Wire.TwoFactorTokens> authenticateTotp(@Header(AUTHORIZATION) String bearerPartialToken,
                                                @Body Wire.TotpRequest body);

    @POST("user/2fa/email-otp/challenge")
    Call<Void> emailOtpChallenge(@Header(AUTHORIZATION) String bearerPartialToken, @Body Wire.EmptyRequest body);

    @POST("user/2fa/email-otp/authenticate")
    Call<Wire.TwoFactorTokens> authenticateEmailOtp(@Header(AUTHORIZATION) String bearerPartialToken,
                                                    @Body Wire.OtpRequest body);

    @POST("user/2fa/recovery-code/authenticate")
    Call<Wire.TwoFactorTokens> authenticateRecoveryCode(@Header(AUTHORIZATION) String bearerPartialToken,
                                                        @Body Wire.RecoveryCodeRequest body);
}
