package app.licensedesk.ui.expiring;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.common.UserSettings;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpiringViewModelTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static final Customer BETA = new Customer(2, "u-2", "Beta NV");
    private static final Customer GAMMA = new Customer(3, "u-3", "Gamma GmbH");

    private final EstateService service = new EstateService();
    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), CLOCK);
    private final TaskRunner tasks = TaskRunner.inline();

    static License license(String key, String type, String end, Integer grid, Integer solar, Integer battery,
                           Integer ev) {
        return EstateService.license(key, type, end, grid, solar, battery, ev);
    }

    @BeforeEach
    void estate() {
        service.licenses.put(ACME, List.of(
                license("A-JUL", "commercial", "2026-07-20T00:00:00Z", 100, 50, null, 11),
                license("A-JUN", "residential", "2026-06-20T00:00:00Z", 10, 5, 4, null),
                license("A-SEP", "commercial", "2026-09-10T00:00:00Z", 30, null, null, null),
                // already ended, and without an end: never in the list
                license("A-OLD", "residential", "2026-06-01T00:00:00Z", 10, 10, 10, 10),
                new License("id-A-NOEND", "A-NOEND", 5, 5, 5, 5, NOW, null, 12, null, "residential", List.of())));
        service.licenses.put(BETA, List.of(
                license("B-JUN", "residential", "2026-06-16T00:00:00Z", 3, 3, 3, 3),
                license("B-AUG", "residential", "2026-08-10T00:00:00Z", 7, 0, 0, 0),
                // the 12th month (May 2027) is the chart's last; June 2027 is past it
                license("B-MAY", "commercial", "2027-05-31T00:00:00Z", 1, 1, 1, 1),
                license("B-JUN27", "commercial", "2027-06-01T00:00:00Z", 1, 1, 1, 1)));
        service.licenses.put(GAMMA, List.of(license("G-JUL", "pilot", "2026-07-01T00:00:00Z", 20, 20, 0, 0)));
    }

    private ExpiringViewModel vm(int days) {
        ExpiringViewModel vm = new ExpiringViewModel(service, tasks, registry, new Directory(service, tasks), CLOCK,
                days);
        vm.shown();
        return vm;
    }

    private static List<String> keys(List<LicenseRow> rows) {
        return rows.stream().map(LicenseRow::getKey).toList();
    }

    @Test
    void listsWhatEndsWithinTheDaysGroupedByCustomerAndSortedByEnd() {
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);

        // Beta ends first (16 June), then Acme (20 June), then Gamma (1 July); each group by end
        assertThat(keys(vm.licenses())).containsExactly("B-JUN", "B-AUG", "A-JUN", "A-JUL", "G-JUL");
        assertThat(vm.groups()).extracting(CustomerGroup::name, CustomerGroup::count, CustomerGroup::firstEnd)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Beta NV", 2, Instant.parse("2026-06-16T00:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("Acme BV", 2, Instant.parse("2026-06-20T00:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("Gamma GmbH", 1, Instant.parse("2026-07-01T00:00:00Z")));
        // each capacity and the total; a capacity the server did not send counts as 0
        CustomerGroup acme = vm.groups().get(1);
        assertThat(acme.capacity()).isEqualTo(new Capacity(110, 55, 4, 11));
        assertThat(acme.capacity().totalKw()).isEqualTo(180);
        assertThat(vm.groups().get(0).capacity()).isEqualTo(new Capacity(10, 3, 3, 3));
        assertThat(vm.summaryProperty().get()).isEqualTo("5 licenses of 3 customers end within 60 days \u00b7 239 kW");
        assertThat(vm.filteredProperty().get()).isFalse();
        assertThat(service.loadCalls).isEqualTo(1);
    }

    @Test
    void theLookAheadIsASetting() {
        ExpiringViewModel vm = vm(10);
        assertThat(keys(vm.licenses())).containsExactly("B-JUN", "A-JUN");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 licenses of 2 customers end within 10 days \u00b7 31 kW");
    }

    @Test
    void monthBucketsCoverTheNextTwelveMonthsFromThisOne() {
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);

        assertThat(vm.months()).extracting(MonthBar::month).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 12).mapToObj(i -> YearMonth.of(2026, 6).plusMonths(i)).toList());
        Map<YearMonth, Integer> counts = new LinkedHashMap<>();
        vm.months().forEach(m -> counts.put(m.month(), m.count()));
        assertThat(counts).containsEntry(YearMonth.of(2026, 6), 2).containsEntry(YearMonth.of(2026, 7), 2)
                .containsEntry(YearMonth.of(2026, 8), 1).containsEntry(YearMonth.of(2026, 9), 1)
                .containsEntry(YearMonth.of(2027, 5), 1).containsEntry(YearMonth.of(2026, 12), 0);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
    }

    @Test
    void capacityPerTypeCoversThePeriodWithTheKnownTypesAlwaysShown() {
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);
        assertThat(vm.types()).containsExactly(
                new TypeBar("residential", 3, new Capacity(20, 8, 7, 3)),
                new TypeBar("commercial", 1, new Capacity(100, 50, 0, 11)),
                new TypeBar("pilot", 1, new Capacity(20, 20, 0, 0)));
        vm.toggleCustomer(GAMMA);
        assertThat(vm.types()).extracting(TypeBar::type, TypeBar::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("residential", 0),
                        org.assertj.core.groups.Tuple.tuple("commercial", 0),
                        org.assertj.core.groups.Tuple.tuple("pilot", 1));
    }

    @Test
    void clickingAMonthBarShowsThatMonthAndClickingAgainClearsIt() {
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);

        vm.toggleMonth(YearMonth.of(2026, 9)); // beyond the 60 days: the month decides
        assertThat(keys(vm.licenses())).containsExactly("A-SEP");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 license of 1 customer ends in September 2026 \u00b7 30 kW");
        assertThat(vm.filterTextProperty().get()).isEqualTo("Showing only: ending in September 2026");
        assertThat(vm.filteredProperty().get()).isTrue();
        // the month chart keeps every month, so another can be clicked
        assertThat(vm.months()).hasSize(12);

        vm.toggleMonth(YearMonth.of(2026, 9));
        assertThat(keys(vm.licenses())).hasSize(5);
        assertThat(vm.filterTextProperty().get()).isEmpty();
    }

    @Test
    void clickingATypeBarFiltersTheListTheGroupsAndTheMonthChartButNotTheTypeChart() {
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);

        vm.toggleType("residential");
        assertThat(keys(vm.licenses())).containsExactly("B-JUN", "B-AUG", "A-JUN");
        assertThat(vm.groups()).extracting(CustomerGroup::name).containsExactly("Beta NV", "Acme BV");
        assertThat(vm.months().get(0).count()).isEqualTo(2);
        assertThat(vm.months().get(1).count()).isZero(); // July: commercial and pilot only
        assertThat(vm.types()).hasSize(3);
        assertThat(vm.filterTextProperty().get()).isEqualTo("Showing only: Residential");

        vm.toggleMonth(YearMonth.of(2026, 8));
        vm.toggleCustomer(BETA);
        assertThat(keys(vm.licenses())).containsExactly("B-AUG");
        assertThat(vm.filterTextProperty().get())
                .isEqualTo("Showing only: ending in August 2026 \u00b7 Residential \u00b7 Beta NV");

        vm.clearFilter();
        assertThat(keys(vm.licenses())).hasSize(5);
        assertThat(vm.filteredProperty().get()).isFalse();
    }

    @Test
    void aLicenseActivatedElsewhereMovesOutOfTheList() {
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);
        // the same license, renewed: the server now says it ends a year later
        registry.put(license("A-JUN", "residential", "2027-06-20T00:00:00Z", 10, 5, 4, null), null);
        // and Acme, whose first end is now 20 July, comes after Gamma (1 July)
        assertThat(keys(vm.licenses())).containsExactly("B-JUN", "B-AUG", "G-JUL", "A-JUL");
    }

    @Test
    void aLicenseLoadedAgainUnchangedByAnotherPageCostsNoRecomputation() {
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);
        int[] recomputed = {0};
        vm.licenses().addListener((javafx.collections.ListChangeListener<LicenseRow>) c -> recomputed[0]++);
        // the Licenses page reloads: every row is put again with what the server said, unchanged
        service.licenses.forEach((customer, list) -> list.forEach(license -> registry.put(license, customer)));
        assertThat(recomputed[0]).isZero();

        // a capacity the server now reports differently counts at once
        registry.put(license("A-JUL", "commercial", "2026-07-20T00:00:00Z", 200, 50, null, 11), ACME);
        assertThat(recomputed[0]).isEqualTo(1);
        assertThat(vm.groups().get(1).capacity().gridKw()).isEqualTo(210);
    }

    @Test
    void loadsOnceUntilRefreshedAndNamesCustomersThatFailed() {
        service.failures.put(GAMMA, new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden", "no", null,
                null));
        ExpiringViewModel vm = vm(UserSettings.DEFAULT_LOOK_AHEAD_DAYS);
        vm.shown();
        assertThat(service.loadCalls).isEqualTo(1);
        assertThat(keys(vm.licenses())).doesNotContain("G-JUL");
        assertThat(vm.warningTextProperty().get())
                .isEqualTo("1 customer could not be loaded (Gamma GmbH): No access to this customer.");
        assertThat(vm.loadingProperty().get()).isFalse();

        service.failures.clear();
        vm.refresh();
        assertThat(service.loadCalls).isEqualTo(2);
        assertThat(keys(vm.licenses())).contains("G-JUL");
        assertThat(vm.warningTextProperty().get()).isEmpty();
    }
}
