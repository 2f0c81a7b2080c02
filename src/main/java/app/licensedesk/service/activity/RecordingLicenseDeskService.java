package app.licensedesk.service.activity;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.service.ClaimResult;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.activity.ActivityEntry.Action;
import app.licensedesk.service.activity.ActivityEntry.Outcome;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LicenseDeskService} that writes every change it passes on (activate, claim; also each row of a bulk job
 * that goes through it) to the {@link ActivityLog}: one entry just before the request goes out, one with what came
 * back. Reads pass through unrecorded. A log that cannot be written never stops the change: it is logged instead.
 */
public final class RecordingLicenseDeskService implements LicenseDeskService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingLicenseDeskService.class);

    private final LicenseDeskService delegate;
    private final ActivityLog log;
    private final Environment environment;
    private final Supplier<String> user;
    private final Clock clock;

    /**
     * @param user the signed-in username, asked at each change (e.g. {@code backend.session()::username})
     */
    public RecordingLicenseDeskService(LicenseDeskService delegate, ActivityLog log, Environment environment,
                                       Supplier<String> user, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate);
        this.log = Objects.requireNonNull(log);
        this.environment = Objects.requireNonNull(environment);
        this.user = Objects.requireNonNull(user);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public License activate(String key, Instant at) {
        Change change = begin(Action.ACTIVATE, key, null, at);
        try {
            License activated = delegate.activate(key, at);
            change.done(activated == null ? null : activated.activationDate(), null);
            return activated;
        } catch (RuntimeException e) {
            change.failed(e);
            throw e;
        }
    }

    @Override
    public ClaimResult claim(String licenseKey, String nodeId) {
        Change change = begin(Action.CLAIM, licenseKey, nodeId, null);
        try {
            ClaimResult claimed = delegate.claim(licenseKey, nodeId);
            change.done(null, claimed == null ? null : claimed.nodeId());
            return claimed;
        } catch (RuntimeException e) {
            change.failed(e);
            throw e;
        }
    }

    /**
     * Starts recording one change: writes its {@link Outcome#SENT} entry now. The returned handle writes what came
     * of it, each with the same correlation id, including what a later read-back showed.
     */
    public Change begin(Action action, String key, String nodeId, Instant requestedAt) {
        String username = user.get();
        ActivityEntry sent = new ActivityEntry(UUID.randomUUID().toString(), clock.instant(),
                environment.kind().name(), environment.apiUrl(), username == null ? "" : username, action, key,
                nodeId, requestedAt, Outcome.SENT, null, null, null, 0, null);
        Change change = new Change(sent);
        change.write(sent);
        return change;
    }

    /** The entries still to be written about one change. */
    public final class Change {

        private final ActivityEntry sent;

        private Change(ActivityEntry sent) {
            this.sent = sent;
        }

        /** The server said it was done, reporting this activation date or controller (null when not told). */
        public void done(Instant activatedAt, String claimedTo) {
            write(sent.followUp(clock.instant(), Outcome.DONE).withState(activatedAt, claimedTo));
        }

        /** The call failed: refused, never sent, or with its outcome unknown, according to the failure. */
        public void failed(Throwable failure) {
            write(failureEntry(failure));
        }

        /**
         * The answer is lost and the service starts reading the license back: recorded at once, without the cause
         * (the read-back entry that follows says what is true).
         */
        public void answerLost() {
            write(sent.followUp(clock.instant(), Outcome.UNKNOWN));
        }

        /**
         * What reading the license back showed after an unknown outcome or a refusal: its activation date and
         * controller as now known (null when not).
         */
        public void readBack(Instant activatedAt, String claimedTo) {
            write(sent.followUp(clock.instant(), Outcome.READ_BACK).withState(activatedAt, claimedTo));
        }

        /** The read-back after an unknown outcome failed too: the outcome stays unknown. */
        public void readBackFailed(Throwable failure) {
            ActivityEntry entry = failureEntry(failure);
            write(sent.followUp(entry.time(), Outcome.READ_BACK)
                    .withError(entry.errorKind(), entry.httpStatus(), entry.message()));
        }

        private ActivityEntry failureEntry(Throwable failure) {
            Instant now = clock.instant();
            if (failure instanceof ApiException api) {
                Outcome outcome = isAnswerLost(api) ? Outcome.UNKNOWN
                        : api.kind() == ApiException.Kind.NETWORK ? Outcome.NOT_SENT : Outcome.REFUSED;
                String words = api.serverMessage() != null ? api.serverMessage() : api.getMessage();
                return sent.followUp(now, outcome).withError(api.kind().name(), api.httpStatus(), words);
            }
            // not an answer from the server but a defect on this side, after the request may have gone out;
            // only the class name: a stray message could hold anything
            return sent.followUp(now, Outcome.UNKNOWN).withError("UNEXPECTED", 0, failure.getClass().getName());
        }

        private void write(ActivityEntry entry) {
            try {
                log.append(entry);
            } catch (UncheckedIOException e) {
                LOG.error("Activity log not written ({} {} {}): {}", entry.action(), entry.key(), entry.outcome(),
                        e.getCause() == null ? e.getMessage() : e.getCause().toString());
            }
        }
    }

    /**
     * Whether the request may have reached the server although no usable answer came back (timeout, connection
     * broken after sending, unreadable answer, a gateway that lost it). A connection that could not be opened is
     * not such a case. Keep in step with the client's rule (to be replaced by ApiException.answerLost()).
     */
    static boolean isAnswerLost(ApiException e) {
        return switch (e.kind()) {
            case TIMEOUT, UNREADABLE -> true;
            case NETWORK -> !(e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException
                    || e.getCause() instanceof NoRouteToHostException);
            case SERVER -> e.httpStatus() == 502 || e.httpStatus() == 504;
            default -> false;
        };
    }

    // ---- reads pass through

    @Override
    public List<Customer> customers() {
        return delegate.customers();
    }

    @Override
    public List<Controller> controllers(List<Customer> customers) {
        return delegate.controllers(customers);
    }

    @Override
    public List<License> licensesOfCustomer(Customer customer) {
        return delegate.licensesOfCustomer(customer);
    }

    @Override
    public List<License> licensesOfController(String nodeId) {
        return delegate.licensesOfController(nodeId);
    }

    @Override
    public void loadLicenses(List<Customer> customers, CustomerLicensesListener listener,
                             BooleanSupplier cancelled) {
        delegate.loadLicenses(customers, listener, cancelled);
    }

    @Override
    public Optional<String> knownController(String licenseKey) {
        return delegate.knownController(licenseKey);
    }

    /** Closes the service behind it, when it can be closed. */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
