package app.licensedesk.api;

/** Where {@link AuthInterceptor} gets the access token for the api host; the session implements it. */
public interface AccessTokenSource {

    /**
     * A usable access token, renewed first when it is near its expiry.
     *
     * @throws ApiException SIGNED_OUT when there is no session or it can no longer be renewed
     */
    String accessToken();

    /**
     * Called after the api host answered 401 to {@code rejected}: renews the access token unless another request
     * already did since, and returns the newer token.
     *
     * @throws ApiException SIGNED_OUT when the session can no longer be renewed
     */
    String renewAfterRejection(String rejected);
}
