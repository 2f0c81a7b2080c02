package app.licensedesk.service.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Many reads for the bulk preview at once, on the engine's pool (as large as the client's concurrency bound). Each
 * read is tried again on a transient failure by the client itself, as every read is.
 */
final class ServerReads {

    private final ExecutorService pool;

    ServerReads(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Reads each key on the pool, at most the concurrency bound at a time.
     *
     * @return the values by key, in the keys' order
     * @throws RuntimeException      the first failure; the other reads are then cancelled
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
                return read.apply(key);
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
}
