package app.licensedesk.service;

import app.licensedesk.model.ErrorKind;
import app.licensedesk.api.ApiException;
import app.licensedesk.model.Claim;
import app.licensedesk.api.ClientSettings;
import app.licensedesk.api.EnirisClient;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.License.Field;
import app.licensedesk.service.LicenseOutcome.Action;
import app.licensedesk.service.LicenseOutcome.Status;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
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
    private static final Comparator<Customer> BY_NAME = Comparator.comparing(Customer::name, BY_TEXT)
            .thenComparingLong(Customer::id);

    private final EnirisClient client;
    private final List<String> controllerNodeTypes;
    private final ExecutorService pool;
    private final AutoCloseable resources;
    private final Audit audit;

    /**
     * @param environment where the service talks to, for the audit log
     * @param resources   closed with this service (the connection), or null
     */
    public ApiLicenseDeskService(EnirisClient client, ClientSettings settings, Environment environment,
                                 AutoCloseable resources) {
        this.client = Objects.requireNonNull(client);
        this.audit = new Audit(environment);
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
        customers.sort(BY_NAME);
        return customers;
    }

    /**
     * What a page's first load does with the answers, on made-up answers and sending nothing: reads a company list
     * and a license list and sorts the customers by name. A fresh JVM runs this code interpreted and loads it the
     * first time, the collator's compare costing most; {@link Backends} runs this in the background after the
     * process's first sign-in ({@link WarmUp}), so the first load finds it loaded and compiled.
     */
    void warmUp() {
        new ArrayList<>(client.readMadeUpAnswers()).sort(BY_NAME);
    }

    @Override
    public ControllerList controllers(List<Customer> customers) {
        List<Future<List<Controller>>> futures = new ArrayList<>();
        for (Customer customer : customers) {
            futures.add(pool.submit(() -> controllersOf(customer)));
        }
        // one device seen through two companies is one controller, owned by both
        Map<String, Controller> byNodeId = new LinkedHashMap<>();
        Map<Customer, RuntimeException> failures = new LinkedHashMap<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    for (Controller c : await(futures.get(i))) {
                        byNodeId.merge(c.nodeId(), c, (known, again) -> known.alsoOwnedBy(again.customers()));
                    }
                } catch (ApiException e) {
                    if (e.kind() == ErrorKind.SIGNED_OUT || Thread.currentThread().isInterrupted()) {
                        throw e; // the whole list is asked for again after signing in; a cancel ends it
                    }
                    failures.put(customers.get(i), e);
                } catch (RuntimeException e) {
                    LOG.error("Loading the controllers of company {} failed", customers.get(i).id(), e);
                    failures.put(customers.get(i), e);
                }
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        List<Controller> all = new ArrayList<>(byNodeId.values());
        all.sort(Comparator.comparing(Controller::name, BY_TEXT).thenComparing(Controller::nodeId, BY_TEXT));
        return new ControllerList(all, failures);
    }

    private List<Controller> controllersOf(Customer customer) {
        try {
            return client.controllers(customer, controllerNodeTypes, null).orElse(List.of());
        } catch (ApiException e) {
            if (e.kind() == ErrorKind.FORBIDDEN) {
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
        return client.licensesOfController(nodeId);
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
    public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        LicenseOutcome outcome;
        try {
            License answer = client.activate(key, at);
            if (answer.activationDate() == null) {
                // a success without the license: the read-back tells the activation date the server chose
                ReadBack now = readBack(key, seen);
                answer = now.found() ? answer.mergedWith(now.license()) : answer;
            }
            outcome = new LicenseOutcome(Action.ACTIVATE, Status.DONE, key, null, answer, null, null);
        } catch (ApiException e) {
            outcome = afterFailedActivation(key, seen, checking, e);
        }
        audit.record(outcome);
        return outcome;
    }

    private LicenseOutcome afterFailedActivation(String key, LicenseContext seen, Runnable checking,
                                                 ApiException e) {
        if (e.kind() == ErrorKind.VALIDATION) {
            // "already activated" is one reason for a 400; the read-back says whether it is this one, and since when
            License now = readBack(key, seen).license();
            Status status = now != null && now.activationDate() != null ? Status.ALREADY : Status.REFUSED;
            return new LicenseOutcome(Action.ACTIVATE, status, key, null, now, null, Failure.from(e));
        }
        if (!e.answerLost()) {
            audit.failed(Action.ACTIVATE, key, null, e);
            throw e;
        }
        checking.run();
        License now = readBack(key, seen).license();
        Status status;
        if (now == null) {
            status = Status.LOST_UNKNOWN; // not read, or in none of the lists it was read from
        } else {
            status = now.activationDate() != null ? Status.LOST_DONE : Status.LOST_NOT_DONE;
        }
        return new LicenseOutcome(Action.ACTIVATE, status, key, null, now, null, Failure.from(e));
    }

    @Override
    public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
        LicenseOutcome outcome;
        try {
            Claim claimed = client.claim(licenseKey, nodeId);
            License license = new License(claimed.licenseId(), claimed.key(), null, null, null, null, null, null,
                    null, null, null, List.of(), claimed.licenseId() == null ? EnumSet.of(Field.KEY)
                    : EnumSet.of(Field.ID, Field.KEY));
            outcome = new LicenseOutcome(Action.CLAIM, Status.DONE, claimed.key(), nodeId, license,
                    claimed.nodeId(), null);
        } catch (ApiException e) {
            outcome = afterFailedClaim(licenseKey, nodeId, seen, checking, e);
        }
        audit.record(outcome);
        return outcome;
    }

    private LicenseOutcome afterFailedClaim(String key, String nodeId, LicenseContext seen, Runnable checking,
                                            ApiException e) {
        if (e.kind() == ErrorKind.VALIDATION) {
            // "already claimed" is one reason for a 400: to this controller, or to one the license was seen under
            List<String> candidates = new ArrayList<>();
            candidates.add(nodeId);
            seen.controllers().stream().filter(c -> !c.equals(nodeId)).forEach(candidates::add);
            ReadBack listed = readBack(key, new LicenseContext(null, candidates));
            return listed.found()
                    ? new LicenseOutcome(Action.CLAIM, Status.ALREADY, key, nodeId, listed.license(),
                            listed.listedUnder(), Failure.from(e))
                    : new LicenseOutcome(Action.CLAIM, Status.REFUSED, key, nodeId, null, null, Failure.from(e));
        }
        if (!e.answerLost()) {
            audit.failed(Action.CLAIM, key, nodeId, e);
            throw e;
        }
        checking.run();
        ReadBack listed = readBack(key, new LicenseContext(null, List.of(nodeId)));
        Failure lost = Failure.from(e);
        if (!listed.read()) {
            return new LicenseOutcome(Action.CLAIM, Status.LOST_UNKNOWN, key, nodeId, null, null, lost);
        }
        return listed.found()
                ? new LicenseOutcome(Action.CLAIM, Status.LOST_DONE, key, nodeId, listed.license(), nodeId, lost)
                : new LicenseOutcome(Action.CLAIM, Status.LOST_NOT_DONE, key, nodeId, null, null, lost);
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
            throw new ApiException(ErrorKind.NETWORK, "Interrupted", e);
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
