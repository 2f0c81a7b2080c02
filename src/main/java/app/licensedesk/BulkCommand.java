package app.licensedesk;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Environment;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.service.Backend;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.service.activity.RecordingLicenseDeskService;
import app.licensedesk.service.Backends;
import app.licensedesk.service.bulk.BulkCsv;
import app.licensedesk.service.bulk.BulkEngine;
import app.licensedesk.service.bulk.BulkFile;
import app.licensedesk.service.bulk.BulkJournal;
import app.licensedesk.service.bulk.BulkPreview;
import app.licensedesk.service.bulk.BulkRun;
import app.licensedesk.service.bulk.JournalException;
import app.licensedesk.service.bulk.PlannedRow;
import app.licensedesk.service.bulk.RowResult;
import app.licensedesk.service.Failure;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import ch.qos.logback.classic.Logger;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The headless {@code bulk} command for IT automation: claims and activates licenses from a CSV file with the
 * same engine as the app, signing in through the same session code. Exit 0 when every row is done or skipped, 1
 * when any failed or is not sent yet, 2 when the options, the file or a row is invalid (then nothing is sent).
 */
final class BulkCommand {

    static final String PASSWORD_VARIABLE = "LICENSE_DESK_PASSWORD";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;


    /** The person at the keyboard, when there is one. */
    interface Terminal {
        char[] readPassword(String prompt);

        String readLine(String prompt);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final ClientSettings settings;
    private final ZoneId defaultZone;
    private final boolean stopOnInterrupt;
    private final Path dataFolder;

    /**
     * @param terminal        the console, or null when there is none
     * @param stopOnInterrupt on Ctrl+C, let the requests in flight finish and record them before the JVM ends
     * @param dataFolder      where the activity log is: each claim and activation of a run is in it, as from the app
     */
    BulkCommand(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
                ClientSettings settings, ZoneId defaultZone, boolean stopOnInterrupt, Path dataFolder) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
        this.settings = settings;
        this.defaultZone = defaultZone;
        this.stopOnInterrupt = stopOnInterrupt;
        this.dataFolder = dataFolder;
    }

    public static void main(String[] args) {
        // stdout carries one line per row: the log goes to its file only
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender("CONSOLE");
        Console console = System.console();
        Terminal terminal = console == null ? null : new Terminal() {
            @Override
            public char[] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }
        };
        int code = new BulkCommand(System.out, System.err, System.getenv(), terminal, ClientSettings.defaults(),
                ZoneId.systemDefault(), true, UserFolders.data()).run(args);
        System.exit(code);
    }

    int run(String... args) {
        BulkOptions options;
        try {
            options = BulkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("license-desk bulk: " + e.getMessage());
            err.println("Run license-desk bulk --help for the options.");
            return INVALID;
        }
        if (options.help()) {
            out.print(BulkOptions.USAGE.replace("{zone}", defaultZone.getId()));
            return OK;
        }
        if (options.template() != null) {
            try {
                BulkCsv.writeTemplate(options.template(), ',');
                err.println("Template written to " + options.template());
                return OK;
            } catch (IOException e) {
                err.println("license-desk bulk: cannot write " + options.template() + ": " + e.getMessage());
                return INVALID;
            }
        }
        BulkFile file;
        try {
            file = BulkCsv.read(options.file(), options.zone() != null ? options.zone() : defaultZone);
        } catch (NoSuchFileException e) {
            err.println("license-desk bulk: no such file: " + options.file());
            return INVALID;
        } catch (IOException e) {
            err.println("license-desk bulk: cannot read " + options.file() + ": " + e.getMessage());
            return INVALID;
        }
        if (!file.problems().isEmpty()) {
            file.problems().forEach(p -> err.println(file.name() + ": " + p));
            err.println("Nothing was sent.");
            return INVALID;
        }
        Path journalPath = options.journal() != null ? options.journal() : BulkJournal.defaultPath(options.file());
        BulkJournal.Replay replay;
        try {
            replay = BulkJournal.read(journalPath, file);
        } catch (JournalException e) {
            err.println("license-desk bulk: " + e.getMessage());
            return INVALID;
        }
        char[] password = password(options);
        if (password == null) {
            err.println("license-desk bulk: no password: set " + PASSWORD_VARIABLE + " or run it in a terminal.");
            return INVALID;
        }
        LocalSandbox sandbox = options.kind() == Environment.Kind.SANDBOX
                ? new LocalSandbox(SandboxOptions.defaults()) : null;
        try {
            Environment environment = switch (options.kind()) {
                case SANDBOX -> Environment.sandbox(sandbox.baseUrl());
                case PRODUCTION -> Environment.production();
                case CUSTOM -> new Environment(Environment.Kind.CUSTOM, options.authUrl(), options.apiUrl());
            };
            try (Backend backend = Backends.connect(environment, settings)) {
                return signedIn(options, file, journalPath, replay, backend, password);
            }
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private int signedIn(BulkOptions options, BulkFile file, Path journalPath, BulkJournal.Replay replay,
                         Backend backend, char[] password) {
        if (!signIn(backend, options, password)) {
            return FAILED;
        }
        // the Activity page shows a headless run's claims and activations too
        LicenseDeskService service = new RecordingLicenseDeskService(backend.service(), new ActivityLog(dataFolder),
                backend.environment(), backend.session()::username, Clock.systemUTC());
        try (BulkEngine engine = new BulkEngine(service, settings, ErrorMessages.forBulk())) {
            BulkPreview preview;
            try {
                preview = engine.preview(file, replay, () -> false);
            } catch (RuntimeException e) {
                if (Failure.of(e).isEmpty()) {
                    throw e;
                }
                err.println("license-desk bulk: the server could not be read: "
                        + ErrorMessages.describe(e, ErrorMessages.Action.GENERAL) + " Nothing was sent.");
                return FAILED;
            }
            err.println(preview.summary());
            List<PlannedRow> invalid = preview.invalidRows();
            if (!invalid.isEmpty()) {
                for (PlannedRow row : invalid) {
                    err.println("line " + row.row().line() + ": " + String.join(" ", row.problems()));
                }
                err.println((invalid.size() == 1 ? "1 row is" : invalid.size() + " rows are")
                        + " invalid. Nothing was sent.");
                return INVALID;
            }
            return run(options, file, journalPath, backend, engine, preview);
        } finally {
            backend.session().signOut();
        }
    }

    private int run(BulkOptions options, BulkFile file, Path journalPath, Backend backend, BulkEngine engine,
                    BulkPreview preview) {
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = null;
        try {
            Progress progress = new Progress(preview.rows().size());
            BulkRun run;
            try (BulkJournal journal = BulkJournal.open(journalPath, file, Clock.systemUTC())) {
                run = engine.newRun(preview, journal, result -> {
                    out.println(result.line());
                    progress.finished(result.outcome());
                });
                if (stopOnInterrupt) {
                    hook = stopOnInterrupt(run, ended);
                }
                BulkRun.Status status = execute(run, backend, options);
                progress.print();
                if (status == BulkRun.Status.CONNECTION_LOST) {
                    err.println("The connection to the server was lost. Run the same command again to continue.");
                } else if (status == BulkRun.Status.CANCELLED) {
                    err.println("Stopped. Run the same command again to continue.");
                }
            } catch (JournalException e) {
                // it could not be created where --journal says: nothing was sent
                err.println("license-desk bulk: " + e.getMessage());
                return INVALID;
            } catch (UncheckedIOException e) {
                err.println("license-desk bulk: " + e.getCause().getMessage());
                return FAILED;
            } catch (IOException e) {
                err.println("license-desk bulk: closing the journal failed: " + e.getMessage());
                return FAILED;
            }
            List<RowResult> results = run.results();
            if (options.report() != null) {
                try {
                    BulkCsv.writeReport(options.report(), file, results);
                    err.println("Results written to " + options.report());
                } catch (IOException e) {
                    err.println("license-desk bulk: cannot write " + options.report() + ": " + e.getMessage());
                    return FAILED;
                }
            }
            boolean allWell = results.stream().allMatch(r -> r.outcome() == RowResult.Outcome.DONE
                    || r.outcome() == RowResult.Outcome.SKIPPED);
            return allWell ? OK : FAILED;
        } finally {
            ended.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is ending (Ctrl+C): the hook was waiting for this
                }
            }
        }
    }

    /**
     * On Ctrl+C the run is cancelled: the requests in flight finish and are recorded, the report is written, and
     * then the JVM ends (after 10 s at most).
     */
    private static Thread stopOnInterrupt(BulkRun run, CountDownLatch ended) {
        Thread hook = new Thread(() -> {
            run.cancel();
            try {
                ended.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "license-desk-bulk-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Runs until the end; when the session ends on the way, signs in again and carries on. */
    private BulkRun.Status execute(BulkRun run, Backend backend, BulkOptions options) {
        while (true) {
            try {
                return run.execute();
            } catch (RuntimeException e) {
                if (!Failure.is(e, ErrorKind.SIGNED_OUT)) {
                    throw e;
                }
                err.println("The session ended. Sign in again to continue.");
                char[] password = password(options);
                if (password == null || !signIn(backend, options, password)) {
                    err.println("Not signed in. Run the same command again to continue.");
                    return BulkRun.Status.CANCELLED;
                }
            }
        }
    }

    private char[] password(BulkOptions options) {
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        return terminal == null ? null : terminal.readPassword("Password for " + options.username() + ": ");
    }

    /** Signs in, with the second factor when the account has one; says why when it cannot. */
    private boolean signIn(Backend backend, BulkOptions options, char[] password) {
        try {
            SessionState state = backend.session().signIn(options.username(), password);
            if (state == SessionState.TWO_FACTOR_REQUIRED) {
                String code = options.totp();
                if (code == null && terminal != null) {
                    code = terminal.readLine("Two-step verification code (authenticator app, or a recovery code): ");
                }
                if (code == null || code.isBlank()) {
                    err.println("license-desk bulk: this account needs a two-step verification code: pass --totp.");
                    return false;
                }
                String trimmed = code.strip();
                backend.session().completeTwoFactor(trimmed.matches("\\d{6}") ? TwoFactorMethod.TOTP
                        : TwoFactorMethod.RECOVERY_CODE, trimmed);
                return true;
            }
            return true;
        } catch (RuntimeException e) {
            if (Failure.of(e).isEmpty()) {
                throw e;
            }
            ErrorMessages.Action action = backend.session().state() == SessionState.TWO_FACTOR_REQUIRED
                    ? ErrorMessages.Action.TWO_FACTOR : ErrorMessages.Action.SIGN_IN;
            err.println("license-desk bulk: " + ErrorMessages.describe(e, action));
            return false;
        }
    }

    /** Counts on stderr, at most once a second and at the end. */
    private final class Progress {
        private final int total;
        private int done;
        private int skipped;
        private int failed;
        private Instant last = Instant.EPOCH;

        Progress(int total) {
            this.total = total;
        }

        synchronized void finished(RowResult.Outcome outcome) {
            switch (outcome) {
                case DONE -> done++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
                case PENDING -> {
                }
            }
            Instant now = Instant.now();
            if (Duration.between(last, now).toMillis() >= 1000) {
                last = now;
                print();
            }
        }

        synchronized void print() {
            err.println(I18n.t("bulk.progress", done + skipped + failed, total, done, skipped, failed));
        }
    }
}
