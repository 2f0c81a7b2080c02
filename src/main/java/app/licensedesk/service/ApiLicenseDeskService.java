package app.licensedesk.service;

import app.licensedesk.api.ApiException.Kind;
import app.licensedesk.api.ApiException;
import app.licensedesk.api.ClaimedLicense;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.EnirisClient;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LicenseDeskService} over the Eniris API. Per-customer requests run on a pool as large as the client's
 * concurrency bound; the client bounds the requests in flight in any case.
 */
public final class ApiLicenseDeskService implements LicenseDeskService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiLicenseDeskService.class);
    // names as people sort them ("Bäckerei" with the Bs, case ignored), not by code point
    private static final Comparator<String> BY_TEXT = Comparator.nullsLast(collator()::compare);

    private final EnirisClient client;
    private final List<String> controllerNodeTypes;
    private final ExecutorService pool;
    private final AutoCloseable resources;
    private final Map<String, String> controllerByKey = new ConcurrentHashMap<>();

    /**
     * @param resources closed with this service (the connection), or null
     */
    public ApiLicenseDeskService(EnirisClient client, ClientSettings settings, AutoCloseable resources) {
        this.client = Objects.requireNonNull(client);
        this.controllerNodeTypes = settings.controllerNodeTypes();
        this.pool = Executors.newFixedThreadPool(settings.maxConcurrentRequests(), daemonThreads());
        this.resources = resources;
    }

    private static Collator collator() {
        Collator collator = Collator.getInstance();
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    @Override
    public List<Customer> customers() {
        List<Customer> customers = new ArrayList<>(client.companies());
        customers.sort(Comparator.comparing(Customer::name, BY_TEXT).thenComparingLong(Customer::id));
        return customers;
    }

    @Override
    public List<Controller> controllers(List<Customer> customers) {
        List<Future<List<Controller>>> futures = new ArrayList<>();
        for (Customer customer : customers) {
            futures.add(pool.submit(() -> controllersOf(customer)));
        }
        List<Controller> all = new ArrayList<>();
        try {
            for (Future<List<Controller>> future : futures) {
                all.addAll(await(future));
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        all.sort(Comparator.comparing(Controller::name, BY_TEXT).thenComparing(Controller::nodeId, BY_TEXT));
        return all;
    }

    private List<Controller> controllersOf(Customer customer) {
        try {
            return client.controllers(customer, controllerNodeTypes, null).orElse(List.of());
        } catch (ApiException e) {
            if (e.kind() == Kind.FORBIDDEN) {
                LOG.info("No right to see the devices of company {}; skipped", customer.id());
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public List<License> licensesOfCustomer(Customer customer) {
        if (!customer.hasLicenseView()) {
            return List.of();
        }
        return client.licensesOfCustomer(customer.uuid(), true);
    }

    @Override
    public List<License> licensesOfController(String nodeId) {
        List<License> licenses = client.licensesOfController(nodeId);
        for (License license : licenses) {
            if (license.key() != null) {
                controllerByKey.put(license.key(), nodeId);
            }
        }
        return licenses;
    }

    /**
     * {@inheritDoc} Blocks until every customer has been reported. A customer skipped because {@code cancelled}
     * said so is reported through {@code failed} with a {@link CancellationException}.
     */
    @Override
    public void loadLicenses(List<Customer> customers, CustomerLicensesListener listener,
                             BooleanSupplier cancelled) {
        List<Future<?>> futures = new ArrayList<>();
        for (Customer customer : customers) {
            futures.add(pool.submit(() -> loadOne(customer, listener, cancelled)));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
        } catch (ExecutionException e) {
            throw new IllegalStateException("A license load task failed", e.getCause()); // loadOne catches all
        }
    }

    private void loadOne(Customer customer, CustomerLicensesListener listener, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            tell(() -> listener.failed(customer, new CancellationException("Loading was cancelled")));
            return;
        }
        List<License> licenses;
        try {
            licenses = licensesOfCustomer(customer);
        } catch (RuntimeException e) {
            tell(() -> listener.failed(customer, e));
            return;
        }
        tell(() -> listener.loaded(customer, licenses));
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A license load listener failed", e);
        }
    }

    @Override
    public License activate(String key, Instant at) {
        return client.activate(key, at);
    }

    @Override
    public ClaimResult claim(String licenseKey, String nodeId) {
        ClaimedLicense claimed = client.claim(licenseKey, nodeId);
        controllerByKey.put(licenseKey, claimed.nodeId());
        if (!licenseKey.equals(claimed.key())) {
            controllerByKey.put(claimed.key(), claimed.nodeId());
        }
        return new ClaimResult(claimed.licenseId(), claimed.key(), claimed.nodeId());
    }

    @Override
    public Optional<String> knownController(String licenseKey) {
        return licenseKey == null ? Optional.empty() : Optional.ofNullable(controllerByKey.get(licenseKey));
    }

    /** Stops the pool and closes the connection; does not sign out. */
    @Override
    public void close() {
        pool.shutdownNow();
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                LOG.warn("Closing the connection failed", e);
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(Kind.NETWORK, "Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "license-desk-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
