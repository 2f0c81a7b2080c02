package app.licensedesk.ui.licenses;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Target 3, run in a JVM of its own (BenchSuite's MemoryFigures starts it with the launchers' -Xmx): the heap
 * retained by 100,000 bare License records, then by the Licenses page's rows for them (registry, rows, sorted and
 * filtered lists), each measured after full collections. Prints {@code records B}, {@code rows B} (per license),
 * {@code heap MB}, {@code rss MB}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int customers = FilterBench.CUSTOMERS;
        int perCustomer = FilterBench.PER_CUSTOMER;
        int total = customers * perCustomer;
        long empty = usedAfterGc();
        FakeLicenseDeskService service = new FakeLicenseDeskService();
        Random random = new Random(42);
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        List<Customer> list = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            Customer customer = new Customer(c + 1, "uuid-" + c, String.format(Locale.ROOT, "Customer %04d", c));
            list.add(customer);
            List<License> licenses = new ArrayList<>(perCustomer);
            for (int i = 0; i < perCustomer; i++) {
                licenses.add(FilterBench.license(random, FilterBench.randomKey(random), now));
            }
            service.licenses.put(customer.id(), licenses);
        }
        service.customers = list;
        long records = usedAfterGc();

        TaskRunner tasks = TaskRunner.inline();
        LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(now, ZoneOffset.UTC));
        LicensesViewModel vm = new LicensesViewModel(service, tasks, registry, new Directory(service, tasks),
                new FilterBench.NoDialogs());
        vm.shown();
        if (vm.rows().size() != total) {
            throw new IllegalStateException("loaded " + vm.rows().size());
        }
        long rows = usedAfterGc();
        System.out.println("records " + (records - empty) / total);
        System.out.println("rows " + (rows - records) / total);
        System.out.println("heap " + rows / (1024 * 1024));
        System.out.println("maxheap " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("rss " + rssMegabytes());
        // keep everything reachable until here
        System.out.println("kept " + vm.filtered().size() + " " + service.licenses.size());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
