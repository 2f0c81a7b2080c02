package app.licensedesk.service.bulk;

import app.licensedesk.api.ApiException;
import app.licensedesk.api.ApiException.Kind;
import app.licensedesk.api.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads for the bulk engine: each one tried again on a transient failure (the client does not retry a timeout or
 * an answer it cannot read, and one lost read should not fail a preview of a thousand rows), many of them at once
 * on the engine's pool, which is as large as the client's concurrency bound.
 */
final class ServerReads {

    /** Failures after which trying again may work. */
    static final Set<Kind> TRANSIENT = EnumSet.of(Kind.NETWORK, Kind.TIMEOUT, Kind.UNREADABLE, Kind.SERVER,
            Kind.RATE_LIMITED);

    private final ClientSettings settings;
    private final ExecutorService pool;

    ServerReads(ClientSettings settings, ExecutorService pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /** One read, tried up to 1 + maxRetries times while it fails transiently. */
    <T> T once(Supplier<T> read) {
        for (int attempt = 0; ; attempt++) {
            try {
                return read.get();
            } catch (ApiException e) {
                if (!TRANSIENT.contains(e.kind()) || attempt >= settings.maxRetries() || !pause(e, attempt)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Reads each key on the pool, at most the concurrency bound at a time, each read tried as {@link #once}.
     *
     * @return the values by key, in the keys' order
     * @throws ApiException the first failure; the other reads are then cancelled
     * @throws CancellationException when {@code cancelled} said so
     */
    <K, V> Map<K, V> each(Collection<K> keys, Function<K, V> read, BooleanSupplier cancelled) {
        List<K> order = new ArrayList<>(keys);
        List<Future<V>> futures = new ArrayList<>();
        for (K key : order) {
            futures.add(pool.submit(() -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled");
                }
                return once(() -> read.apply(key));
            }));
        }
        Map<K, V> out = new LinkedHashMap<>();
        try {
            for (int i = 0; i < order.size(); i++) {
                out.put(order.get(i), futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return out;
    }

    /** Waits before the next attempt; false when the server asks for a longer wait than we are willing to block. */
    boolean pause(ApiException e, int attempt) {
        Duration wait = backoff(attempt);
        if (e.retryAfter() != null) {
            if (e.retryAfter().compareTo(settings.retryMaxDelay()) > 0) {
                return false;
            }
            wait = e.retryAfter().compareTo(wait) > 0 ? e.retryAfter() : wait;
        }
        try {
            settings.sleeper().sleep(wait);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** retryBaseDelay * 2^attempt, capped at retryMaxDelay. */
    Duration backoff(int attempt) {
        Duration delay = settings.retryBaseDelay();
        for (int i = 0; i < attempt && delay.compareTo(settings.retryMaxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.retryMaxDelay()) > 0 ? settings.retryMaxDelay() : delay;
    }
}
