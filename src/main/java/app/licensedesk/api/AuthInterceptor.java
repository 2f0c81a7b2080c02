package app.licensedesk.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds the bearer access token to api host requests, and renews it once and retries once on a 401. */
final class AuthInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(AuthInterceptor.class);

    private final AccessTokenSource tokens;

    AuthInterceptor(AccessTokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String token = tokens.accessToken();
        Response response = chain.proceed(withBearer(request, token));
        if (response.code() != 401) {
            return response;
        }
        response.close();
        LOG.info("{} {} answered 401; renewing the access token once", request.method(),
                request.url().encodedPath());
        String renewed = tokens.renewAfterRejection(token);
        return chain.proceed(withBearer(request, renewed));
    }

    private static Request withBearer(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
