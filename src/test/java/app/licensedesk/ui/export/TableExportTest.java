package app.licensedesk.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.shared.LicenseTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The export of a real license table: what it shows, in the order it shows it. */
class TableExportTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static TimeZone zoneBefore;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        zoneBefore = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Brussels"));
    }

    @AfterAll
    static void zone() {
        TimeZone.setDefault(zoneBefore);
    }

    private static License license(String key, Integer gridKw, Instant activation) {
        return new License("id-" + key, key, gridKw, 8, null, null, Instant.parse("2025-01-05T09:00:00Z"),
                activation, 12, null, "commercial", List.of());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            result.set(work.call());
            return null;
        }).get();
        return result.get();
    }

    @Test
    void exportsTheVisibleColumnsInTheUsersOrderAndOnlyTheFilteredRowsAsSorted() throws Exception {
        LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        ObservableList<LicenseRow> all = FXCollections.observableArrayList(
                registry.put(license("K-B", 1234, Instant.parse("2026-01-01T00:00:00Z")), ACME),
                registry.put(license("K-A", 10, null), ACME),
                registry.put(license("K-C", null, Instant.parse("2025-06-01T00:00:00Z")), ACME));
        FilteredList<LicenseRow> filtered = new FilteredList<>(all, row -> !row.getKey().equals("K-C"));
        SortedList<LicenseRow> sorted = new SortedList<>(filtered);

        List<List<String>> exported = onFx(() -> {
            LicenseTable table = new LicenseTable(LicenseTable.Option.CUSTOMER_COLUMN);
            table.setItems(sorted);
            sorted.comparatorProperty().bind(table.comparatorProperty());
            TableColumn<LicenseRow, ?> key = table.getColumns().get(0);
            key.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(key));
            // the user hides most columns and drags "Ends" and "Status" before "Key"
            List<String> keep = List.of("col-key", "col-status", "col-gridKw", "col-endDate");
            table.getColumns().forEach(c -> c.setVisible(c.getId() != null && keep.contains(c.getId())));
            TableColumn<LicenseRow, ?> status = column(table, "col-status");
            TableColumn<LicenseRow, ?> ends = column(table, "col-endDate");
            table.getColumns().removeAll(List.of(status, ends));
            table.getColumns().add(0, status);
            table.getColumns().add(0, ends);
            List<List<String>> out = new java.util.ArrayList<>();
            out.add(TableExport.header(table));
            out.addAll(TableExport.rows(table, TableExport::cellText));
            return out;
        });

        assertThat(exported).containsExactly(
                List.of("Ends", "Status", "Key", "Grid kW"),
                List.of("", "Not activated", "K-A", "10"),
                // no digit grouping; the end in the user's zone (Brussels: UTC+1 in January)
                List.of("2027-01-01 01:00", "Active", "K-B", "1234"));
    }

    @Test
    void cellTextForTheValueKinds() {
        assertThat(TableExport.cellText(null)).isEmpty();
        assertThat(TableExport.cellText(LicenseStatus.EXPIRING)).isEqualTo("Expiring");
        assertThat(TableExport.cellText(Instant.parse("2026-07-01T06:05:00Z"))).isEqualTo("2026-07-01 08:05");
        assertThat(TableExport.cellText(123456)).isEqualTo("123456");
        assertThat(TableExport.cellText("as is")).isEqualTo("as is");
    }

    private static TableColumn<LicenseRow, ?> column(LicenseTable table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
