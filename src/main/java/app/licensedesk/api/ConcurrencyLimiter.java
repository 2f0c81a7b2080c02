package app.licensedesk.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Bounds the requests in flight toward the API. OkHttp's Dispatcher limits only {@code enqueue}d calls and we call
 * {@code execute()}, so a fair semaphore does it; a permit is held until the response body is closed.
 */
final class ConcurrencyLimiter implements Interceptor {

    private final Semaphore permits;

    ConcurrencyLimiter(int maxConcurrentRequests) {
        this.permits = new Semaphore(maxConcurrentRequests, true);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a free request slot");
        }
        Permit permit = new Permit();
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException | Error e) {
            permit.release();
            throw e;
        }
        return response.newBuilder().body(new PermitBody(response.body(), permit)).build();
    }

    /** Releases its permit exactly once. */
    private final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }

    /** A response body that gives the permit back when it is closed. */
    private static final class PermitBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        PermitBody(ResponseBody delegate, Permit permit) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        permit.release();
                    }
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
