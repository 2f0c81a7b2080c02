package app.licensedesk.api;

import app.licensedesk.model.Environment;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import retrofit2.Retrofit;

/**
 * The HTTP plumbing for one environment: one connection pool and dispatcher shared by the authentication client
 * and the api client. Refuses plain HTTP to anything but a loopback host.
 */
public final class EnirisConnection implements AutoCloseable {

    /** Below common server idle timeouts, so a pooled connection is rarely found closed by the server. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private final Environment environment;
    private final ClientSettings settings;
    private final OkHttpClient base;
    private final ApiErrors errors;

    private static final String FX_THREAD = "JavaFX Application Thread";

    /** @throws IllegalArgumentException when a base URL is malformed, or plain HTTP to a non-loopback host */
    public EnirisConnection(Environment environment, ClientSettings settings) {
        check("authentication", environment.authUrl());
        check("api", environment.apiUrl());
        this.environment = environment;
        this.settings = settings;
        this.errors = new ApiErrors(settings.clock());
        this.base = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(settings.maxConcurrentRequests(), KEEP_ALIVE.toSeconds(),
                        TimeUnit.SECONDS))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                // Our RetryInterceptor decides every retry; OkHttp's own would also repeat POSTs.
                .retryOnConnectionFailure(false)
                // The API does not redirect. Following one could carry the password (a 307 resends the body) to a
                // host that was never checked, or from HTTPS to plain HTTP: a redirect is an error instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(EnirisConnection::refuseOnUiThread)
                .build();
    }

    /**
     * A call from the JavaFX thread would freeze the window: refuse it loudly, so a slip shows in the first test
     * that makes it rather than as a hang at a user's desk. (By thread name: the api layer knows no JavaFX.)
     */
    private static Response refuseOnUiThread(Interceptor.Chain chain) throws IOException {
        if (FX_THREAD.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("Network call on the JavaFX thread: " + chain.request().method() + " "
                    + chain.request().url().encodedPath());
        }
        return chain.proceed(chain.request());
    }

    public Environment environment() {
        return environment;
    }

    /** A client for the authentication host: retries and a logger that never logs bodies. */
    public AuthClient authClient() {
        OkHttpClient client = base.newBuilder()
                .addInterceptor(new RetryInterceptor(settings, errors))
                .addInterceptor(new HttpLogger(false))
                .build();
        return new AuthClient(retrofit(environment.authUrl(), client).create(AuthApi.class), errors);
    }

    /** A client for the api host with bearer tokens from {@code tokens}, retries and bounded concurrency. */
    public EnirisClient enirisClient(AccessTokenSource tokens) {
        OkHttpClient client = base.newBuilder()
                .addInterceptor(new RetryInterceptor(settings, errors))
                .addInterceptor(new AuthInterceptor(tokens))
                .addInterceptor(new ConcurrencyLimiter(settings.maxConcurrentRequests()))
                .addInterceptor(new HttpLogger(true))
                .build();
        return new EnirisClient(retrofit(environment.apiUrl(), client).create(EnirisApi.class), errors);
    }

    /** Closes idle connections and stops OkHttp's threads; calls in flight may fail. */
    @Override
    public void close() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    private static Retrofit retrofit(String baseUrl, OkHttpClient client) {
        return new Retrofit.Builder()
                .baseUrl(baseUrl + "/")
                .client(client)
                .addConverterFactory(new JsonConverterFactory())
                .validateEagerly(true)
                .build();
    }

    private static void check(String which, String url) {
        String problem = Environment.problemWith(url);
        if (problem != null) {
            throw new IllegalArgumentException("The " + which + " URL is not usable (" + problem + "): " + url);
        }
    }
}
