package app.licensedesk.ui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link LicenseTable#sortRows}: the table sorts the rows by the columns' values as the user asks (ascending,
 * descending, two columns), a filtered view of the sorted rows keeps that order, and a filter change does not sort
 * again (the sort policy keeps the comparator it set).
 */
class LicenseTableSortTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW,
            ZoneOffset.UTC));
    private final Customer acme = new Customer(1, "u-1", "Acme");

    @BeforeEach
    void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private LicenseRow row(String key, int gridKw) {
        return registry.put(new License("id-" + key, key, gridKw, 1, 1, null, NOW, null, 12, null, "residential",
                List.of()), acme);
    }

    private static List<String> keys(List<LicenseRow> rows) {
        return rows.stream().map(LicenseRow::getKey).toList();
    }

    @Test
    void rowsFollowTheSortOrderAndAFilteredViewKeepsIt() throws Exception {
        ObservableList<LicenseRow> rows = FXCollections.observableArrayList(row("SG1-B", 20), row("SG1-C", 10),
                row("SG1-A", 20));
        SortedList<LicenseRow> sorted = new SortedList<>(rows);
        FilteredList<LicenseRow> visible = new FilteredList<>(sorted);
        WaitForAsyncUtils.asyncFx(() -> {
            LicenseTable table = new LicenseTable();
            table.setItems(visible);
            table.sortRows(sorted);
            TableColumn<LicenseRow, ?> key = column(table, "col-key");
            TableColumn<LicenseRow, ?> grid = column(table, "col-gridKw");

            table.getSortOrder().setAll(key);
            assertThat(keys(visible)).containsExactly("SG1-A", "SG1-B", "SG1-C");
            key.setSortType(TableColumn.SortType.DESCENDING);
            assertThat(keys(visible)).containsExactly("SG1-C", "SG1-B", "SG1-A");

            grid.setSortType(TableColumn.SortType.DESCENDING);
            key.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(grid, key));
            assertThat(keys(visible)).containsExactly("SG1-A", "SG1-B", "SG1-C");

            Comparator<? super LicenseRow> comparator = sorted.getComparator();
            visible.setPredicate(r -> !r.getKey().equals("SG1-B"));
            assertThat(keys(visible)).containsExactly("SG1-A", "SG1-C");
            assertThat(sorted.getComparator()).as("a filter change does not sort again").isSameAs(comparator);

            table.getSortOrder().clear();
            assertThat(sorted.getComparator()).isNull();
            assertThat(keys(visible)).containsExactly("SG1-C", "SG1-A");
        }).get();
    }

    @Test
    void aRowKnowsItsLowerCaseKeyAndMakesItsPropertiesOnlyWhenAsked() {
        LicenseRow row = row("SG1-RES-AbC1", 5);
        assertThat(row.searchKey()).isEqualTo("sg1-res-abc1");
        List<Instant> ends = new ArrayList<>();
        row.endProperty().addListener((o, old, end) -> ends.add(end));
        assertThat(row.licenseProperty().get()).isSameAs(row.getLicense());
        assertThat(row.statusProperty().get()).isEqualTo(row.getStatus());
        // an activation the server reports reaches a property made before it
        registry.put(new License("id-SG1-RES-AbC1", "SG1-RES-AbC1", 5, 1, 1, null, NOW, NOW, 12, null,
                "residential", List.of()), null);
        assertThat(row.licenseProperty().get().activationDate()).isEqualTo(NOW);
        assertThat(row.statusProperty().get()).isEqualTo(row.getStatus());
        assertThat(ends).containsExactly(row.getEnd());
    }

    private static TableColumn<LicenseRow, ?> column(LicenseTable table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
