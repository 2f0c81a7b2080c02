package app.licensedesk.ui.licenses;

import app.licensedesk.model.Claim;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Target 2: the Licenses page with 100,000 licenses, the real {@link LicensesView} (a real TableView under Monocle,
 * headless, PrimerLight and app.css) with the key column sorted. One invocation is one user action, run on the FX
 * thread together with the CSS and layout pass it causes; the JMH thread waits for it, so the figures include the
 * hand-over to the FX thread (a few microseconds).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class FilterBench {

    static final int CUSTOMERS = 2_000;
    static final int PER_CUSTOMER = 50;
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final LicenseStatus[] STATUS_CYCLE = {LicenseStatus.ACTIVE, null, LicenseStatus.NOT_ACTIVATED,
        null, LicenseStatus.EXPIRED, LicenseStatus.EXPIRING, null};

    private LicensesViewModel vm;
    private LicensesView view;
    private Stage stage;
    private List<String> typed;
    private int keystroke;
    private int statusChange;
    /** The lower-case keys in a plain array: the floor of a search, one contains per license and nothing else. */
    private String[] lowerKeys;
    private int floorQuery;
    private int pageScroll;
    private TableView<?> table;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        FxToolkit.start();
        FakeLicenseDeskService service = new FakeLicenseDeskService();
        Random random = new Random(42);
        List<Customer> customers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            Customer customer = new Customer(c + 1, "uuid-" + c, String.format(Locale.ROOT, "Customer %04d", c));
            customers.add(customer);
            List<License> licenses = new ArrayList<>(PER_CUSTOMER);
            for (int i = 0; i < PER_CUSTOMER; i++) {
                String key = randomKey(random);
                keys.add(key);
                licenses.add(license(random, key, NOW));
            }
            service.licenses.put(customer.id(), licenses);
        }
        service.customers = customers;
        typed = typing(keys, random);
        lowerKeys = keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        FxToolkit.onFx(() -> {
            TaskRunner tasks = TaskRunner.inline();
            LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
            vm = new LicensesViewModel(service, tasks, registry, new Directory(service, tasks), new NoDialogs());
            view = new LicensesView(vm, tasks);
            stage = new Stage();
            Scene scene = new Scene(view.root(), 1360, 820);
            scene.getStylesheets().add(LicensesView.class.getResource("/app/licensedesk/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            view.shown();
            table = (TableView<?>) scene.lookup("#licensesTable");
            TableColumn<?, ?> keyColumn = table.getColumns().stream()
                    .filter(col -> "col-key".equals(col.getId())).findFirst().orElseThrow();
            sortBy(table, keyColumn);
            layout();
        });
        if (vm.rows().size() != CUSTOMERS * PER_CUSTOMER) {
            throw new IllegalStateException("loaded " + vm.rows().size() + " rows");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortBy(TableView table, TableColumn column) {
        table.getSortOrder().setAll(column);
    }

    /** The FX thread's CPU time is noted in JMH's measurement iterations only, as JMH times them. */
    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        FxToolkit.recording = params.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        FxToolkit.onFx(() -> stage.close());
        FxToolkit.writeCpuTimes();
    }

    /** A user types a part of a key, one character at a time, and deletes it again. */
    @Benchmark
    public int keySearchKeystroke() throws Exception {
        String query = typed.get(keystroke++ % typed.size());
        FxToolkit.timedOnFx("keySearchKeystroke", () -> {
            vm.searchProperty().set(query);
            layout();
        });
        return vm.filtered().size();
    }

    /** A user picks another status in the status filter. */
    @Benchmark
    public int statusChange() throws Exception {
        LicenseStatus status = STATUS_CYCLE[statusChange++ % STATUS_CYCLE.length];
        FxToolkit.timedOnFx("statusChange", () -> {
            vm.statusFilterProperty().set(status);
            layout();
        });
        return vm.filtered().size();
    }

    /**
     * The toolkit's floor for a table that shows other rows: the same table, unfiltered, scrolled to another page
     * (every visible row refilled with other licenses, as after a filter change, but no filter and no change of
     * the row count).
     */
    @Benchmark
    public int pageScroll() throws Exception {
        int to = (int) ((pageScroll++ * 7_919L) % vm.filtered().size()); // JMH runs it in a fork of its own: no filter
        FxToolkit.timedOnFx("pageScroll", () -> {
            table.scrollTo(to);
            layout();
        });
        return to;
    }

    /** The floor: one {@code contains} per license over a plain array, on the FX thread, nothing else. */
    @Benchmark
    public int floorScan() throws Exception {
        String query = typed.get(floorQuery++ % typed.size());
        int[] found = new int[1];
        FxToolkit.timedOnFx("floorScan", () -> {
            int n = 0;
            for (String key : lowerKeys) {
                if (key.contains(query)) {
                    n++;
                }
            }
            found[0] = n;
        });
        return found[0];
    }

    /**
     * What a pulse does before painting, as {@code Scene.pulse} does it: its CSS pass (the nodes marked dirty, not
     * the whole scene) then its layout pass; and once more, for what the layout marked dirty, which the next pulse
     * would do. An earlier version called {@code root.applyCss()}, which restyles every node of the scene (the
     * forced update goes down to every child) and is work no frame does: about 2 ms of each action here.
     */
    private void layout() {
        Scene scene = stage.getScene();
        for (int pass = 0; pass < 2; pass++) {
            try {
                CSS_PASS.invoke(scene);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            scene.getRoot().layout();
        }
    }

    /** {@code Scene.doCSSPass()}: private; the bench runs on the class path, where it can be opened. */
    private static final Method CSS_PASS = cssPass();

    private static Method cssPass() {
        try {
            Method method = Scene.class.getDeclaredMethod("doCSSPass");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "SG1-RES-7K2Q-M9XD": the seed's shape. */
    static String randomKey(Random random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder key = new StringBuilder(random.nextBoolean() ? "SG1-RES-" : "SG1-COM-");
        for (int i = 0; i < 9; i++) {
            key.append(i == 4 ? '-' : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    static License license(Random random, String key, Instant now) {
        Instant created = now.minusSeconds(86_400L * (30 + random.nextInt(2_000)));
        int kind = random.nextInt(4);
        Instant activation = switch (kind) {
            case 0 -> null;
            case 1 -> now.minusSeconds(86_400L * random.nextInt(300));
            case 2 -> now.minusSeconds(86_400L * (400 + random.nextInt(1_500)));
            default -> now.minusSeconds(86_400L * (340 + random.nextInt(20)));
        };
        return new License("id-" + key, key, 10 + random.nextInt(40), random.nextInt(20), random.nextInt(15), null,
                created, activation, 12, null, key.startsWith("SG1-RES") ? "residential" : "commercial", List.of());
    }

    /** Keystrokes: the four characters after "SG1-RES-" of a key typed one by one in lower case, then deleted. */
    private static List<String> typing(List<String> keys, Random random) {
        List<String> out = new ArrayList<>();
        for (int word = 0; word < 64; word++) {
            String part = keys.get(random.nextInt(keys.size())).substring(8, 12).toLowerCase(Locale.ROOT);
            for (int i = 1; i <= part.length(); i++) {
                out.add(part.substring(0, i));
            }
            for (int i = part.length() - 1; i >= 0; i--) {
                out.add(part.substring(0, i));
            }
        }
        return out;
    }

    /** The page opens no dialog in this benchmark. */
    static final class NoDialogs implements DialogService {
        @Override
        public void showError(String header, Throwable error) {
            throw new IllegalStateException(header, error);
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
    }

    /** The JavaFX toolkit of this JVM (Monocle, headless: see the JMH options in BenchSuite) with the app's theme. */
    static final class FxToolkit {
        private static boolean started;
        /** Whether {@link #timedOnFx} notes CPU times (JMH's measurement iterations; a plain caller: always). */
        static volatile boolean recording = true;

        static synchronized void start() throws InterruptedException {
            if (started) {
                return;
            }
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(up::countDown);
            up.await();
            Platform.setImplicitExit(false);
            onFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
            started = true;
        }

        /** The FX thread's CPU time per timed action, in nanoseconds, by benchmark: written at tear-down. */
        private static final Map<String, List<Long>> CPU = new ConcurrentHashMap<>();

        /**
         * Runs the action on the FX thread and notes the CPU time that thread spent on it: on a machine shared
         * with other builds the wall time also counts the time the thread waited for a core.
         */
        static void timedOnFx(String name, Runnable work) throws InterruptedException {
            if (!recording) {
                onFx(work);
                return;
            }
            onFx(() -> {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long start = threads.getCurrentThreadCpuTime();
                work.run();
                CPU.computeIfAbsent(name, k -> new ArrayList<>()).add(threads.getCurrentThreadCpuTime() - start);
            });
        }

        /** Appends each benchmark's CPU times to {@code bench.cpuDir}/NAME.txt (one number a line), if set. */
        static void writeCpuTimes() throws IOException {
            String dir = System.getProperty("bench.cpuDir");
            if (dir == null) {
                return;
            }
            for (Map.Entry<String, List<Long>> entry : CPU.entrySet()) {
                String lines = entry.getValue().stream().map(String::valueOf).collect(Collectors.joining("\n"));
                Files.writeString(Path.of(dir, entry.getKey() + ".txt"), lines + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            CPU.clear();
        }

        static void onFx(Runnable work) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Platform.runLater(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            });
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the FX thread did not answer within 60 s");
            }
            if (failure.get() != null) {
                throw new IllegalStateException(failure.get());
            }
        }
    }
}
