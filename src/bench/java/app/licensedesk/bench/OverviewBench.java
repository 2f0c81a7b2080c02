package app.licensedesk.bench;

import app.licensedesk.api.ClientSettings;
import app.licensedesk.model.Claim;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.licenses.LicensesView;
import app.licensedesk.ui.licenses.LicensesViewModel;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Target 4: the Licenses page's load as the user meets it. The real page (LicensesViewModel and LicensesView in a
 * headless Monocle stage, the app's TaskRunner on a cached pool with results on the FX thread) is signed in to a
 * sandbox with 500 customers and 50 ms added to every request; the sandbox runs in a process of its own that
 * {@link OverviewFigures} has warmed, like a real server. One invocation is one load (the page's F5: the company
 * list, then every customer's licenses), timed on the FX thread from the refresh until the last customer's rows are
 * in the page's list; the first invocation in a JVM is the session's first, cold load, right after the sign-in and
 * the page's building (the warm-up that the sign-in starts runs meanwhile, as in the app). The time until the first
 * rows are in the list is appended to {@code bench.firstRows} as "index ms" (index 0: the JVM's first load).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class OverviewBench {

    static final int CUSTOMERS = 500;
    static final int LATENCY_MS = 50;

    @Param({"8"})
    public int concurrency;

    private Backend backend;
    private ExecutorService background;
    private LicensesViewModel vm;
    // held here: rows() is a new unmodifiable view per call, which listens to the page's list only weakly
    private ObservableList<LicenseRow> rows;
    private Stage stage;
    private int invocation;
    private final StringBuilder firstRows = new StringBuilder();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ClientSettings d = ClientSettings.defaults();
        ClientSettings settings = new ClientSettings(concurrency, d.controllerNodeTypes(), d.connectTimeout(),
                d.readTimeout(), d.maxRetries(), d.retryBaseDelay(), d.retryMaxDelay(), d.accessTokenMaxAge(),
                d.accessTokenRenewalMargin(), d.refreshTokenRenewAfter(), d.clock(), d.sleeper());
        backend = Backends.connect(Environment.sandbox(System.getProperty("bench.sandboxUrl")), settings);
        // the toolkit first, as the app has it up (the sign-in window) before the sign-in: between the sign-in (and
        // the warm-up it starts) and the first refresh there is then only the page's building, as in the app
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        background = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "bench-task");
            thread.setDaemon(true);
            return thread;
        });
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            TaskRunner tasks = new TaskRunner(background, Platform::runLater);
            LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.systemUTC());
            vm = new LicensesViewModel(backend.service(), tasks, registry, new Directory(backend.service(), tasks),
                    noDialogs());
            rows = vm.rows();
            LicensesView view = new LicensesView(vm, tasks);
            Scene scene = new Scene(view.root(), 1360, 820);
            scene.getStylesheets().add(LicensesView.class.getResource("/app/licensedesk/ui/app.css")
                    .toExternalForm());
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onFx(() -> stage.close());
        backend.close();
        background.shutdownNow();
        String file = System.getProperty("bench.firstRows");
        if (file != null) {
            Files.writeString(Path.of(file), firstRows.toString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Benchmark
    public int loadAll() throws Exception {
        AtomicLong start = new AtomicLong();
        AtomicLong first = new AtomicLong(-1);
        CountDownLatch done = new CountDownLatch(1);
        ListChangeListener<LicenseRow> rowsIn = c -> {
            if (first.get() < 0 && !rows.isEmpty()) {
                first.set(System.nanoTime() - start.get());
            }
        };
        ChangeListener<Boolean> finished = (o, was, loading) -> {
            if (!loading) {
                done.countDown();
            }
        };
        onFx(() -> {
            rows.addListener(rowsIn);
            vm.loadingProperty().addListener(finished);
            start.set(System.nanoTime());
            vm.refresh();
        });
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the load did not finish within 5 minutes");
        }
        int[] count = new int[1];
        onFx(() -> {
            rows.removeListener(rowsIn);
            vm.loadingProperty().removeListener(finished);
            count[0] = rows.size();
            if (vm.failedCountProperty().get() > 0 || !vm.errorTextProperty().get().isEmpty() || count[0] == 0
                    || first.get() < 0) {
                throw new IllegalStateException(vm.failedCountProperty().get() + " customers failed, "
                        + count[0] + " rows; " + vm.errorTextProperty().get());
            }
        });
        firstRows.append(invocation++).append(' ').append(first.get() / 1_000_000.0).append('\n');
        return count[0];
    }

    /** No dialog is expected; a failed load also sets the error line, which the check after each load reads. */
    private static DialogService noDialogs() {
        return new DialogService() {
            @Override
            public void showError(String header, Throwable error) {
            }

            @Override
            public boolean confirm(String title, String question, String action, String keep) {
                return false;
            }

            @Override
            public Optional<License> activate(String key) {
                return Optional.empty();
            }

            @Override
            public Optional<Claim> claim(String key, Controller controller) {
                return Optional.empty();
            }
        };
    }

    private static void onFx(Runnable work) throws InterruptedException, IOException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                ran.countDown();
            }
        });
        if (!ran.await(60, TimeUnit.SECONDS)) {
            throw new IOException("the FX thread did not answer within 60 s");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
