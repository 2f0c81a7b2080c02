package app.licensedesk.service.bulk;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.bulk.PlannedRow.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bulk claim and activation from a file: a preview that checks every row against what the user can see before
 * anything is sent, then runs that send the rows with bounded concurrency, exactly once (see {@link BulkRun} and
 * {@link BulkJournal}). Blocking: call it off the JavaFX thread. One engine per signed-in service; close it when
 * done.
 */
public final class BulkEngine implements AutoCloseable {

    private final LicenseDeskService service;
    private final ClientSettings settings;
    private final FailureWords words;
    private final ExecutorService pool;
    private final ServerReads reads;

    /**
     * @param settings the client's settings: its concurrency bound, backoff and clock are used here too
     * @param words    why a row's step failed, in ErrorMessages' words ({@code ErrorMessages.forBulk()})
     */
    public BulkEngine(LicenseDeskService service, ClientSettings settings, FailureWords words) {
        this.service = Objects.requireNonNull(service);
        this.settings = settings;
        this.words = Objects.requireNonNull(words);
        this.pool = Executors.newFixedThreadPool(settings.maxConcurrentRequests(), daemonThreads());
        this.reads = new ServerReads(pool);
    }

    /**
     * Checks every row: the file's own problems, unknown controllers (against the controllers of every customer the
     * user sees), and what the server already has (the licenses of the customers and controllers involved).
     *
     * @param replay    what an earlier run of this file recorded ({@link BulkJournal#read})
     * @param cancelled stops the reads when it says so
     * @throws IllegalArgumentException when the file has file-level problems
     * @throws RuntimeException         the API's failure when the server cannot be read (after the client's
     *                                  retries), also when a customer's controllers could not be read and a row
     *                                  names a controller not found among the others
     */
    public BulkPreview preview(BulkFile file, BulkJournal.Replay replay, BooleanSupplier cancelled) {
        if (!file.problems().isEmpty()) {
            throw new IllegalArgumentException("The file has problems: " + String.join(" ", file.problems()));
        }
        List<Customer> customers = service.customers();
        ControllerList listed = service.controllers(customers);
        Map<String, Controller> controllers = new HashMap<>();
        listed.controllers().forEach(c -> controllers.put(c.nodeId(), c));

        List<PlannedRow> planned = new ArrayList<>();
        List<BulkRow> candidates = new ArrayList<>();
        for (BulkRow row : file.rows()) {
            BulkJournal.History history = replay.of(row);
            RowResult earlier = history == null ? null : history.result();
            if (earlier != null && (earlier.outcome() == RowResult.Outcome.DONE
                    || earlier.outcome() == RowResult.Outcome.SKIPPED)) {
                planned.add(new PlannedRow(row, Verdict.FINISHED, List.of(),
                        BulkTexts.t("bulk.plan.finished", earlier.summary()), false, false, earlier.claimedTo(),
                        earlier.activatedAt(), earlier));
                continue;
            }
            List<String> problems = new ArrayList<>(row.problems());
            if (!row.nodeId().isEmpty() && !controllers.containsKey(row.nodeId())) {
                if (!listed.failures().isEmpty()) {
                    // it may belong to a customer whose controllers could not be read: unknown is not known
                    throw listed.failures().values().iterator().next();
                }
                problems.add(BulkTexts.t("bulk.problem.unknownController", row.nodeId()));
            }
            if (!problems.isEmpty()) {
                planned.add(new PlannedRow(row, Verdict.INVALID, problems, String.join(" ", problems), false,
                        false, null, null, null));
                continue;
            }
            planned.add(null); // decided below, once the licenses are known
            candidates.add(row);
        }

        // The licenses of the customers the rows' controllers belong to; if a key is not there, of all the others.
        Map<String, License> byKey = new HashMap<>();
        Set<Customer> involved = new LinkedHashSet<>();
        candidates.forEach(r -> involved.addAll(controllers.get(r.nodeId()).customers()));
        readCustomers(involved, byKey, cancelled);
        if (candidates.stream().anyMatch(r -> !byKey.containsKey(r.key()))) {
            List<Customer> others = customers.stream().filter(c -> !involved.contains(c)).toList();
            readCustomers(others, byKey, cancelled);
        }
        // Which controller a claimed license is claimed to shows only in the controller's list: read those.
        Set<String> nodeIds = new LinkedHashSet<>();
        for (BulkRow row : candidates) {
            License known = byKey.get(row.key());
            BulkJournal.History history = replay.of(row);
            if (known == null || !known.datalinks().isEmpty() || history != null) {
                nodeIds.add(row.nodeId());
            }
        }
        Map<String, Map<String, License>> claimed = reads.each(nodeIds, this::claimedTo, cancelled);

        int next = 0;
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i) == null) {
                BulkRow row = candidates.get(next++);
                License here = claimed.getOrDefault(row.nodeId(), Map.of()).get(row.key());
                planned.set(i, plan(row, here, byKey.get(row.key()), replay.of(row)));
            }
        }
        return new BulkPreview(file, planned, replay);
    }

    private void readCustomers(Iterable<Customer> customers, Map<String, License> byKey, BooleanSupplier cancelled) {
        List<Customer> list = new ArrayList<>();
        customers.forEach(c -> {
            if (c.hasLicenseView()) {
                list.add(c);
            }
        });
        reads.each(list, c -> orEmpty(() -> service.licensesOfCustomer(c)), cancelled).values()
                .forEach(licenses -> licenses.forEach(l -> {
                    if (l.key() != null) {
                        byKey.put(l.key(), l);
                    }
                }));
    }

    /** The licenses claimed to a controller, by key; none when it is unknown or out of reach. */
    private Map<String, License> claimedTo(String nodeId) {
        Map<String, License> out = new HashMap<>();
        for (License l : orEmpty(() -> service.licensesOfController(nodeId))) {
            if (l.key() != null) {
                out.put(l.key(), l);
            }
        }
        return out;
    }

    /** A customer or controller the user may not see (403) or that is gone (404) has nothing for us. */
    private static List<License> orEmpty(Supplier<List<License>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (Failure.is(e, ErrorKind.FORBIDDEN) || Failure.is(e, ErrorKind.NOT_FOUND)) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * @param here    the license as the row's controller lists it, when it is claimed there
     * @param known   the license as its customer lists it, when found
     * @param history what the journal says about the row, or null
     */
    private static PlannedRow plan(BulkRow row, License here, License known, BulkJournal.History history) {
        ActivationTime activation = row.activation();
        boolean wanted = activation.requested();
        String when = activation.kind() == ActivationTime.Kind.NOW ? BulkTexts.t("bulk.plan.now")
                : String.valueOf(activation.at());
        if (here != null) {
            Instant activated = here.activationDate();
            boolean claimSent = sent(history, BulkJournal.Step.CLAIM);
            boolean activationSent = wanted && sent(history, BulkJournal.Step.ACTIVATE);
            if ((!wanted || activated != null) && (claimSent || activationSent)) {
                // an earlier run sent it and the server applied it (the journal may say "sending": it read back)
                RowResult done = new RowResult(row, RowResult.Outcome.DONE,
                        RowResult.doneDetail(claimSent, wanted, activationSent, activated), row.nodeId(), activated);
                return new PlannedRow(row, Verdict.FINISHED, List.of(),
                        BulkTexts.t("bulk.plan.finished", done.summary()), false, false, row.nodeId(), activated,
                        done);
            }
            if (!wanted) {
                return plan(row, Verdict.SKIP, BulkTexts.t("bulk.plan.skipClaimed"), false, false, row.nodeId(),
                        activated);
            }
            if (activated != null) {
                return plan(row, Verdict.SKIP, BulkTexts.t("bulk.plan.skipActivated", activated), false, false,
                        row.nodeId(), activated);
            }
            return plan(row, Verdict.READY, BulkTexts.t("bulk.plan.activate", row.nodeId(), when), false, true,
                    row.nodeId(), null);
        }
        if (known != null && !known.datalinks().isEmpty()) {
            return plan(row, Verdict.CONFLICT, BulkTexts.t("bulk.plan.conflict"), false, false, null,
                    known.activationDate());
        }
        Instant activated = known == null ? null : known.activationDate();
        String unknown = known == null ? BulkTexts.t("bulk.plan.unknownLicense") : "";
        if (wanted && activated != null) {
            return plan(row, Verdict.READY, BulkTexts.t("bulk.plan.claimActivated", row.nodeId(), activated)
                    + unknown, true, false, null, activated);
        }
        String message = wanted ? BulkTexts.t("bulk.plan.claimActivate", row.nodeId(), when)
                : BulkTexts.t("bulk.plan.claim", row.nodeId());
        return plan(row, Verdict.READY, message + unknown, true, wanted, null, activated);
    }

    /** The journal shows a request for this step that may have been applied. */
    private static boolean sent(BulkJournal.History history, BulkJournal.Step step) {
        BulkJournal.StepState state = history == null ? null : history.state(step);
        return state != null && state != BulkJournal.StepState.NOT_APPLIED;
    }

    private static PlannedRow plan(BulkRow row, Verdict verdict, String message, boolean claim, boolean activate,
                                   String claimedTo, Instant activatedAt) {
        return new PlannedRow(row, verdict, List.of(), message, claim, activate, claimedTo, activatedAt, null);
    }

    /**
     * A run of a preview. Nothing is sent until {@link BulkRun#execute()}.
     *
     * @param journal  the file's journal, opened for appending ({@link BulkJournal#open})
     * @param listener told of each row as it ends, on the run's threads
     */
    public BulkRun newRun(BulkPreview preview, BulkJournal journal, BulkRun.Listener listener) {
        return new BulkRun(new RowSender(service, settings, journal, words), pool, settings.maxConcurrentRequests(),
                preview, listener);
    }

    /** Stops the engine's threads; does not sign out. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "license-desk-bulk-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
