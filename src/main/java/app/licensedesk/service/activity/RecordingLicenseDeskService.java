package app.licensedesk.service.activity;

import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.activity.ActivityEntry.Action;
import app.licensedesk.service.activity.ActivityEntry.Outcome;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
public final class RecordingLicenseDeskService implements LicenseDeskService {

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
    public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
        Change change = begin(Action.ACTIVATE, key, null, at);
        try {
            return change.ended(delegate.activate(key, at, seen, change.checking(checking)));
        } catch (RuntimeException e) {
            change.failed(e);
            throw e;
        }
    }

    @Override
    public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
        Change change = begin(Action.CLAIM, licenseKey, nodeId, null);
        try {
            return change.ended(delegate.claim(licenseKey, nodeId, seen, change.checking(checking)));
        } catch (RuntimeException e) {
            change.failed(e);
            throw e;
        }
    }

    /** Starts recording one change: writes its {@link Outcome#SENT} entry now. */
    private Change begin(Action action, String key, String nodeId, Instant requestedAt) {
        String username = user.get();
        ActivityEntry sent = new ActivityEntry(UUID.randomUUID().toString(), clock.instant(),
                environment.kind().name(), environment.apiUrl(), username == null ? "" : username, action, key,
                nodeId, requestedAt, Outcome.SENT, null, null, null, 0, null);
        Change change = new Change(sent);
        change.write(sent);
        return change;
    }

    /** The entries still to be written about one change, each with the correlation id of its SENT entry. */
    private final class Change {

        private final ActivityEntry sent;

        private Change(ActivityEntry sent) {
            this.sent = sent;
        }

        /**
         * The caller's {@code checking}, preceded by the "outcome unknown" entry: the service calls it when the
         * answer was lost, before its read-back, so the log says so at once, even if the app ends mid-read-back.
         */
        Runnable checking(Runnable callers) {
            return () -> {
                write(sent.followUp(clock.instant(), Outcome.UNKNOWN));
                callers.run();
            };
        }

        /** Writes what the service's outcome says (the UNKNOWN entry of a lost answer is already written). */
        LicenseOutcome ended(LicenseOutcome outcome) {
            switch (outcome.status()) {
                case DONE -> write(state(Outcome.DONE, outcome));
                case REFUSED -> write(refused(outcome.failure()));
                case ALREADY -> {
                    // refused, and the read-back shows why: it already is so
                    write(refused(outcome.failure()));
                    write(state(Outcome.READ_BACK, outcome));
                }
                case LOST_DONE, LOST_NOT_DONE -> write(state(Outcome.READ_BACK, outcome));
                // the service reports the failure that lost the answer, not why the read-back did not settle it
                case LOST_UNKNOWN -> write(error(sent.followUp(clock.instant(), Outcome.READ_BACK),
                        outcome.failure()));
            }
            return outcome;
        }

        /**
         * The service threw: the server said why it did not do it, or the request never left (by the service's
         * contract a lost answer is read back, never thrown). Anything else is a defect on this side after the
         * request may have gone out: outcome unknown, and only the class name, since a stray message could hold
         * anything.
         */
        void failed(RuntimeException e) {
            Instant now = clock.instant();
            write(Failure.of(e).map(f -> error(sent.followUp(now,
                            f.kind() == ErrorKind.NETWORK ? Outcome.NOT_SENT : Outcome.REFUSED), f))
                    .orElseGet(() -> sent.followUp(now, Outcome.UNKNOWN)
                            .withError("UNEXPECTED", 0, e.getClass().getName())));
        }

        private ActivityEntry state(Outcome what, LicenseOutcome outcome) {
            return sent.followUp(clock.instant(), what).withState(outcome.activatedAt(), outcome.claimedTo());
        }

        private ActivityEntry refused(Failure failure) {
            return error(sent.followUp(clock.instant(), Outcome.REFUSED), failure);
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

    /** The entry with the failure's kind, status and words (the server's, else the client's one line). */
    private static ActivityEntry error(ActivityEntry entry, Failure failure) {
        if (failure == null) {
            return entry;
        }
        String words = failure.serverMessage() != null ? failure.serverMessage() : failure.summary();
        return entry.withError(failure.kind().name(), failure.httpStatus(), words);
    }

    // ---- reads pass through

    @Override
    public List<Customer> customers() {
        return delegate.customers();
    }

    @Override
    public ControllerList controllers(List<Customer> customers) {
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
}
