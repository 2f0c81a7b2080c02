package app.licensedesk.ui.expiring;

import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.licenses.LicensesLoad;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every license of every customer as shared rows of the {@link LicenseRegistry}, loaded by the Licenses page's
 * {@link LicensesLoad} (bounded concurrency, customer by customer, the failed ones named, the signed-out ones
 * loaded again after the password prompt); this class is where its rows go.
 */
final class AllLicenses implements LicensesLoad.Rows {

    private final LicenseRegistry registry;
    private final LicensesLoad load;
    private final ObservableList<LicenseRow> rows = FXCollections.observableArrayList();
    private final Set<LicenseRow> known = new HashSet<>();
    // what the page is told when a shown row really changes (an activation in a dialog), not when another page
    // loads the same license again: that sets equal values, and 100,000 recomputations would freeze the window
    private final Runnable rowChanged;
    private final ChangeListener<Instant> endChanged = (o, before, now) -> {
        if (!Objects.equals(before, now)) {
            changed();
        }
    };
    private final ChangeListener<License> licenseChanged = (o, before, now) -> {
        if (before == null || now == null || !Objects.equals(before.type(), now.type())
                || !Capacity.of(before).equals(Capacity.of(now))) {
            changed();
        }
    };
    // the progress line shows only while loading
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");

    /**
     * @param rowChanged told when the end, type or a capacity of a loaded row changes
     */
    AllLicenses(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry, Directory directory,
                Runnable rowChanged) {
        this.rowChanged = rowChanged;
        this.registry = registry;
        this.load = new LicensesLoad(service, tasks, directory, null, I18n.t("expiring.task"), this);
        progressText.bind(Bindings.when(load.loadingProperty()).then(load.progressTextProperty()).otherwise(""));
    }

    /** Loads everything again; a load still running is cancelled and its answers dropped. */
    void load() {
        load.start();
    }

    @Override
    public void clear() {
        for (LicenseRow row : rows) {
            row.endProperty().removeListener(endChanged);
            row.licenseProperty().removeListener(licenseChanged);
        }
        rows.clear();
        known.clear();
    }

    @Override
    public void expect(List<Customer> customers) {
        // the page groups and sorts the rows itself: the order they arrive in does not matter
    }

    @Override
    public void arrived(Customer customer, List<License> licenses) {
        List<LicenseRow> added = new ArrayList<>(licenses.size());
        for (License license : licenses) {
            LicenseRow row = registry.put(license, customer);
            if (known.add(row)) {
                added.add(row);
                row.endProperty().addListener(endChanged);
                row.licenseProperty().addListener(licenseChanged);
            }
        }
        rows.addAll(added);
    }

    @Override
    public int size() {
        return rows.size();
    }

    private void changed() {
        rowChanged.run();
    }

    ObservableList<LicenseRow> rows() {
        return rows;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return load.loadingProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty warningTextProperty() {
        return load.warningTextProperty();
    }

    ReadOnlyStringProperty errorTextProperty() {
        return load.errorTextProperty();
    }
}
