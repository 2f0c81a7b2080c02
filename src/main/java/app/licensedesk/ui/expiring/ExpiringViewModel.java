package app.licensedesk.ui.expiring;

import app.licensedesk.model.Customer;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Expiring page: licenses that end within the next N days, sorted by end and grouped by customer with counts
 * and capacities, for a follow-up; the licenses ending per month over the next 12 months and the capacities per
 * license type as charts, whose bars filter the list. The rows are the shared rows of the {@link LicenseRegistry}.
 */
public final class ExpiringViewModel {

    /** How many months the month chart covers, this one included. */
    static final int MONTHS = 12;

    private final Clock clock;
    private final int days;
    private final AllLicenses all;
    // inputs: a clicked bar, a picked customer
    private final ObjectProperty<YearMonth> monthFilter = new SimpleObjectProperty<>(this, "monthFilter");
    private final StringProperty typeFilter = new SimpleStringProperty(this, "typeFilter");
    private final ObjectProperty<Customer> customerFilter = new SimpleObjectProperty<>(this, "customerFilter");
    // outputs, recomputed together whenever a row or a filter changes
    private final ObservableList<LicenseRow> licenses = FXCollections.observableArrayList();
    private final ObservableList<CustomerGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<MonthBar> months = FXCollections.observableArrayList();
    private final ObservableList<TypeBar> types = FXCollections.observableArrayList();
    // one read-only view each, kept here: a view made per call listens weakly and can be collected with a listener
    private final ObservableList<LicenseRow> licensesView = FXCollections.unmodifiableObservableList(licenses);
    private final ObservableList<CustomerGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObservableList<MonthBar> monthsView = FXCollections.unmodifiableObservableList(months);
    private final ObservableList<TypeBar> typesView = FXCollections.unmodifiableObservableList(types);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper filterText = new ReadOnlyStringWrapper(this, "filterText", "");
    private final BooleanBinding filtered = monthFilter.isNotNull().or(typeFilter.isNotNull())
            .or(customerFilter.isNotNull());
    private boolean started;

    /**
     * @param clock the clock and the zone that decide what "within N days" and "this month" mean
     * @param days  the look-ahead in days: the preference {@code UserSettings.lookAheadDays}, read at sign-in
     */
    public ExpiringViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                             Directory directory, Clock clock, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        this.clock = clock;
        this.days = days;
        this.all = new AllLicenses(service, tasks, registry, directory, this::recompute);
        InvalidationListener recompute = o -> recompute();
        all.rows().addListener(recompute);
        monthFilter.addListener(recompute);
        typeFilter.addListener(recompute);
        customerFilter.addListener(recompute);
        recompute();
    }

    /** The page became visible: loads every license the first time. */
    public void shown() {
        if (!started) {
            started = true;
            all.load();
        }
    }

    /** Loads every license again (F5); the filters stay. */
    public void refresh() {
        started = true;
        all.load();
    }

    /** A click on a month's bar: shows the licenses ending that month; a second click clears it. */
    public void toggleMonth(YearMonth month) {
        monthFilter.set(Objects.equals(monthFilter.get(), month) ? null : month);
    }

    /** A click on a license type's bar: shows only that type; a second click clears it. */
    public void toggleType(String type) {
        typeFilter.set(Objects.equals(typeFilter.get(), type) ? null : type);
    }

    /** A customer picked in the groups: shows only its licenses; picking it again clears it. */
    public void toggleCustomer(Customer customer) {
        customerFilter.set(Objects.equals(customerFilter.get(), customer) ? null : customer);
    }

    public void clearFilter() {
        monthFilter.set(null);
        typeFilter.set(null);
        customerFilter.set(null);
    }

    private void recompute() {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        YearMonth first = YearMonth.from(now.atZone(zone));
        YearMonth month = monthFilter.get();
        String type = typeFilter.get();
        Customer customer = customerFilter.get();
        Instant horizon = now.plus(Duration.ofDays(days));
        Instant chartEnd = first.plusMonths(MONTHS).atDay(1).atStartOfDay(zone).toInstant();

        Predicate<LicenseRow> inPeriod = month == null
                ? row -> !row.getEnd().isAfter(horizon)
                : row -> YearMonth.from(row.getEnd().atZone(zone)).equals(month);
        Predicate<LicenseRow> ofType = row -> type == null || type.equals(row.getLicense().type());
        Predicate<LicenseRow> ofCustomer = row -> customer == null || customer.equals(row.getCustomer());

        List<LicenseRow> ending = all.rows().stream().filter(r -> r.getEnd() != null && r.getEnd().isAfter(now))
                .toList();
        // the charts filter the list, and each chart shows the other filters' choice
        Map<YearMonth, Integer> perMonth = new LinkedHashMap<>();
        for (int i = 0; i < MONTHS; i++) {
            perMonth.put(first.plusMonths(i), 0);
        }
        ending.stream().filter(r -> r.getEnd().isBefore(chartEnd)).filter(ofType.and(ofCustomer))
                .forEach(r -> perMonth.merge(YearMonth.from(r.getEnd().atZone(zone)), 1, Integer::sum));
        months.setAll(perMonth.entrySet().stream().map(e -> new MonthBar(e.getKey(), e.getValue())).toList());

        List<LicenseRow> period = ending.stream().filter(inPeriod).toList();
        types.setAll(typeBars(period.stream().filter(ofCustomer).toList()));
        List<CustomerGroup> customerGroups = groupsOf(period.stream().filter(ofType).toList());
        groups.setAll(customerGroups);
        Map<Customer, Integer> groupOrder = new HashMap<>();
        for (int i = 0; i < customerGroups.size(); i++) {
            groupOrder.put(customerGroups.get(i).customer(), i);
        }
        licenses.setAll(period.stream().filter(ofType.and(ofCustomer))
                .sorted(Comparator.<LicenseRow>comparingInt(r -> groupOrder.getOrDefault(r.getCustomer(), 0))
                        .thenComparing(LicenseRow::getEnd).thenComparing(LicenseRow::getKey))
                .toList());

        Capacity shownCapacity = licenses.stream().map(r -> Capacity.of(r.getLicense()))
                .reduce(Capacity.NONE, Capacity::plus);
        long customersShown = licenses.stream().map(LicenseRow::getCustomer).distinct().count();
        summary.set(month == null
                ? I18n.t("expiring.summary.days", licenses.size(), customersShown, shownCapacity.totalKw(), days)
                : I18n.t("expiring.summary.month", licenses.size(), customersShown, shownCapacity.totalKw(),
                        monthName(month)));
        filterText.set(describeFilter(month, type, customer));
    }

    private static List<TypeBar> typeBars(List<LicenseRow> rows) {
        Map<String, TypeBar> byType = new LinkedHashMap<>();
        byType.put("residential", new TypeBar("residential", 0, Capacity.NONE));
        byType.put("commercial", new TypeBar("commercial", 0, Capacity.NONE));
        for (LicenseRow row : rows) {
            String type = row.getLicense().type() == null ? "" : row.getLicense().type();
            TypeBar bar = byType.getOrDefault(type, new TypeBar(type, 0, Capacity.NONE));
            byType.put(type, new TypeBar(type, bar.count() + 1, bar.capacity().plus(Capacity.of(row.getLicense()))));
        }
        return List.copyOf(byType.values());
    }

    /** Customers by their first end, each with its count and capacities. */
    private static List<CustomerGroup> groupsOf(List<LicenseRow> rows) {
        Map<Customer, CustomerGroup> byCustomer = new LinkedHashMap<>();
        for (LicenseRow row : rows) {
            CustomerGroup group = byCustomer.get(row.getCustomer());
            Capacity capacity = Capacity.of(row.getLicense());
            byCustomer.put(row.getCustomer(), group == null
                    ? new CustomerGroup(row.getCustomer(), 1, capacity, row.getEnd())
                    : new CustomerGroup(row.getCustomer(), group.count() + 1, group.capacity().plus(capacity),
                            row.getEnd().isBefore(group.firstEnd()) ? row.getEnd() : group.firstEnd()));
        }
        List<CustomerGroup> list = new ArrayList<>(byCustomer.values());
        list.sort(Comparator.comparing(CustomerGroup::firstEnd).thenComparing(CustomerGroup::name));
        return list;
    }

    private static String describeFilter(YearMonth month, String type, Customer customer) {
        List<String> parts = new ArrayList<>();
        if (month != null) {
            parts.add(I18n.t("expiring.filter.month", monthName(month)));
        }
        if (type != null) {
            parts.add(I18n.t("expiring.filter.type", typeName(type)));
        }
        if (customer != null) {
            parts.add(I18n.t("expiring.filter.customer", customer.name()));
        }
        return parts.isEmpty() ? "" : I18n.t("expiring.filter", String.join(I18n.t("expiring.filter.and"), parts));
    }

    /** "September 2027" in the chosen language. */
    static String monthName(YearMonth month) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", I18n.locale()).format(month);
    }

    /** "Sep 27", for a bar's label. */
    static String monthLabel(YearMonth month) {
        return DateTimeFormatter.ofPattern("LLL yy", I18n.locale()).format(month);
    }

    /** A license type for people: "Residential", or the server's word for a type the app does not know. */
    static String typeName(String type) {
        return switch (type) {
            case "" -> I18n.t("expiring.type.none");
            case "residential", "commercial" -> I18n.t("license.type." + type);
            default -> type;
        };
    }

    /** The licenses the list shows, grouped by customer (first end first), each group by end. */
    public ObservableList<LicenseRow> licenses() {
        return licensesView;
    }

    public ObservableList<CustomerGroup> groups() {
        return groupsView;
    }

    /** The next 12 months, this one first, with the licenses ending in each. */
    public ObservableList<MonthBar> months() {
        return monthsView;
    }

    /** The capacities per license type of the licenses ending in the period. */
    public ObservableList<TypeBar> types() {
        return typesView;
    }

    public ObjectProperty<YearMonth> monthFilterProperty() {
        return monthFilter;
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<Customer> customerFilterProperty() {
        return customerFilter;
    }

    /** True while a bar or a customer narrows the list. */
    public BooleanBinding filteredProperty() {
        return filtered;
    }

    /** "12 licenses of 5 customers end within 60 days · 340 kW". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Showing: ending in September 2027 · Commercial", or "". */
    public ReadOnlyStringProperty filterTextProperty() {
        return filterText.getReadOnlyProperty();
    }

    public int days() {
        return days;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return all.loadingProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return all.progressTextProperty();
    }

    /** Customers that could not be loaded, named, or "". */
    public ReadOnlyStringProperty warningTextProperty() {
        return all.warningTextProperty();
    }

    /** Why nothing could be loaded, or "". */
    public ReadOnlyStringProperty errorTextProperty() {
        return all.errorTextProperty();
    }
}
