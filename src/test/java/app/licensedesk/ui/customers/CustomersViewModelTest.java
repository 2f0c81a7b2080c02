package app.licensedesk.ui.customers;

import app.licensedesk.model.ErrorKind;
import static app.licensedesk.ui.shared.CannedLicenseDeskService.license;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.model.Claim;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.CannedLicenseDeskService;
import app.licensedesk.ui.shared.LicenseListModel;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.common.RecordingDialogs;
import app.licensedesk.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomersViewModelTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Customer ACME = new Customer(1, "aaaa1111-0000-4000-8000-000000000001", "Acme Energy");
    static final Customer BOLT = new Customer(2, "bbbb2222-0000-4000-8000-000000000002", "Bolt Solar");
    static final Customer NO_UUID = new Customer(3, null, "Cobalt Storage");

    CannedLicenseDeskService service;
    RecordingDialogs dialogs;
    LicenseRegistry registry;
    Directory directory;

    @BeforeAll
    static void english() {
        app.licensedesk.ui.common.I18n.setLocale(Locale.ENGLISH);
    }

    @BeforeEach
    void setUp() {
        service = new CannedLicenseDeskService();
        service.customers.addAll(List.of(ACME, BOLT, NO_UUID));
        service.licensesByCustomerUuid.put(ACME.uuid(), List.of(
                license("ACME-1", Instant.parse("2025-01-01T00:00:00Z"), 12),
                license("ACME-2", Instant.parse("2024-06-15T00:00:00Z"), 12),
                license("ACME-3", null, 12),
                license("ACME-4", Instant.parse("2025-02-01T00:00:00Z"), 0)));
        service.licensesByCustomerUuid.put(BOLT.uuid(), List.of(license("BOLT-1", null, 24)));
        registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        dialogs = new RecordingDialogs(registry);
        directory = new Directory(service, TaskRunner.inline());
    }

    CustomersViewModel viewModel(TaskRunner tasks) {
        CustomersViewModel vm = new CustomersViewModel(service, tasks, registry, directory, dialogs);
        vm.shown();
        return vm;
    }

    @Test
    void searchMatchesNameOrUuidIgnoringCase() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        assertThat(vm.customers()).containsExactly(ACME, BOLT, NO_UUID);
        assertThat(vm.countTextProperty().get()).isEqualTo("3 customers");

        vm.searchTextProperty().set("  sOLAR ");
        assertThat(vm.customers()).containsExactly(BOLT);
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 3 customers");

        vm.searchTextProperty().set("AAAA1111");
        assertThat(vm.customers()).containsExactly(ACME);

        vm.searchTextProperty().set("nothing like it");
        assertThat(vm.customers()).isEmpty();
        assertThat(vm.listPlaceholderProperty().get()).contains("nothing like it");

        vm.searchTextProperty().set("");
        assertThat(vm.customers()).hasSize(3);
    }

    @Test
    void assignOpensTheWorkspaceForTheSelectedCustomerOnly() {
        List<Customer> opened = new ArrayList<>();
        CustomersViewModel vm = new CustomersViewModel(service, TaskRunner.inline(), registry, directory, dialogs,
                opened::add);
        vm.shown();
        vm.assignSelected();
        assertThat(opened).as("nothing without a selection").isEmpty();
        vm.selectedCustomerProperty().set(BOLT);
        vm.assignSelected();
        assertThat(opened).containsExactly(BOLT);
    }

    @Test
    void loadsTheCustomersOnlyTheFirstTimeThePageIsShown() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.shown();
        assertThat(service.customerCalls).isEqualTo(1);
    }

    @Test
    void selectingACustomerLoadsAndRegistersItsLicenses() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(ACME);

        assertThat(service.customerLicenseCalls).containsExactly(ACME.uuid());
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey)
                .containsExactly("ACME-1", "ACME-2", "ACME-3", "ACME-4");
        LicenseRow shown = vm.licenses().rows().get(0);
        assertThat(registry.byKey("ACME-1")).containsSame(shown);
        assertThat(shown.getCustomer()).isEqualTo(ACME);
        assertThat(vm.licenses().loadingProperty().get()).isFalse();
        assertThat(vm.selectedNameProperty().get()).isEqualTo("Acme Energy");
        assertThat(vm.selectedUuidProperty().get()).isEqualTo(ACME.uuid());
    }

    @Test
    void countsTheLicensesByStatus() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(ACME);

        Map<LicenseStatus, Integer> counts = vm.licenses().statusCountsProperty().get();
        assertThat(counts).containsExactly(Map.entry(LicenseStatus.ACTIVE, 2), Map.entry(LicenseStatus.EXPIRING, 1),
                Map.entry(LicenseStatus.NOT_ACTIVATED, 1));
        assertThat(vm.licenses().statusSummaryProperty().get())
                .isEqualTo("2 active \u00b7 1 expiring \u00b7 1 not activated");
    }

    @Test
    void anAnswerForACustomerNoLongerSelectedIsIgnored() {
        Deque<Runnable> queue = new ArrayDeque<>();
        CustomersViewModel vm = viewModel(new TaskRunner(queue::add, Runnable::run));

        vm.selectedCustomerProperty().set(ACME);
        assertThat(vm.licenses().loadingProperty().get()).isTrue();
        vm.selectedCustomerProperty().set(BOLT);
        assertThat(queue).hasSize(2);

        queue.removeFirst().run(); // Acme answers late: Bolt is selected now
        assertThat(vm.licenses().rows()).isEmpty();
        assertThat(vm.licenses().loadingProperty().get()).isTrue();
        assertThat(registry.byKey("ACME-1")).isEmpty();

        queue.removeFirst().run();
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("BOLT-1");
        assertThat(vm.licenses().loadingProperty().get()).isFalse();
    }

    @Test
    void theRowsOfThePreviousCustomerAreClearedAtOnceAndStaleFailuresIgnored() {
        Deque<Runnable> queue = new ArrayDeque<>();
        CustomersViewModel vm = viewModel(new TaskRunner(queue::add, Runnable::run));
        vm.selectedCustomerProperty().set(ACME);
        queue.removeFirst().run();
        assertThat(vm.licenses().rows()).hasSize(4);

        service.failures.put(ACME.uuid(), new ApiException(ErrorKind.NETWORK, "down", null));
        vm.refresh();
        vm.selectedCustomerProperty().set(BOLT);
        assertThat(vm.licenses().rows()).isEmpty();
        queue.removeFirst().run(); // the failing Acme reload
        queue.removeFirst().run(); // Bolt
        assertThat(vm.licenses().errorProperty().get()).isEmpty();
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("BOLT-1");
    }

    @Test
    void forbiddenShowsNoAccessInlineAndNoDialog() {
        service.failures.put(ACME.uuid(), new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden",
                "no access", null, null));
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(ACME);

        assertThat(vm.licenses().errorProperty().get()).isEqualTo("No access to this customer.");
        assertThat(vm.licenses().rows()).isEmpty();
        assertThat(dialogs.errorHeaders).isEmpty();

        vm.selectedCustomerProperty().set(BOLT);
        assertThat(vm.licenses().errorProperty().get()).isEmpty();
    }

    @Test
    void otherApiFailuresAreInlineAndUnexpectedOnesGoToADialog() {
        service.failures.put(ACME.uuid(), new ApiException(ErrorKind.NETWORK, "refused", null));
        service.failures.put(BOLT.uuid(), new IllegalStateException("bug"));
        CustomersViewModel vm = viewModel(TaskRunner.inline());

        vm.selectedCustomerProperty().set(ACME);
        assertThat(vm.licenses().errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(dialogs.errorHeaders).isEmpty();

        vm.selectedCustomerProperty().set(BOLT);
        assertThat(vm.licenses().errorProperty().get()).isEmpty();
        assertThat(dialogs.errorHeaders).containsExactly("The licenses of Bolt Solar could not be loaded.");
    }

    @Test
    void retryLoadsTheSameCustomerAgain() {
        service.failures.put(ACME.uuid(), new ApiException(ErrorKind.TIMEOUT, "slow", null));
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(ACME);
        service.failures.clear();

        vm.licenses().reload();

        assertThat(service.customerLicenseCalls).containsExactly(ACME.uuid(), ACME.uuid());
        assertThat(vm.licenses().errorProperty().get()).isEmpty();
        assertThat(vm.licenses().rows()).hasSize(4);
    }

    @Test
    void aCustomerWithoutUuidIsListedButHasNoLicenseView() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(NO_UUID);

        assertThat(service.customerLicenseCalls).isEmpty();
        assertThat(vm.licenses().rows()).isEmpty();
        assertThat(vm.licenses().emptyTextProperty().get()).contains("has no UUID");
        assertThat(vm.selectedUuidProperty().get()).isEmpty();
    }

    @Test
    void activateIsOfferedOnlyForALicenseWithoutActivationDateAndRepaintsTheRow() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(ACME);
        LicenseListModel licenses = vm.licenses();
        assertThat(licenses.canActivateProperty().get()).isFalse();

        licenses.selectedLicenseProperty().set(registry.byKey("ACME-1").orElseThrow());
        assertThat(licenses.canActivateProperty().get()).isFalse();
        licenses.activateSelected();
        assertThat(dialogs.activated).isEmpty();

        LicenseRow unactivated = registry.byKey("ACME-3").orElseThrow();
        licenses.selectedLicenseProperty().set(unactivated);
        assertThat(licenses.canActivateProperty().get()).isTrue();
        License activated = license("ACME-3", Instant.parse("2025-05-01T00:00:00Z"), 12);
        dialogs.activationResult = activated;
        licenses.activateSelected();

        assertThat(dialogs.activated).containsExactly("ACME-3");
        assertThat(unactivated.getStatus()).isEqualTo(LicenseStatus.ACTIVE);
        assertThat(licenses.canActivateProperty().get()).isFalse();
        assertThat(licenses.statusSummaryProperty().get()).isEqualTo("3 active \u00b7 1 expiring");
    }

    @Test
    void claimOpensTheDialogWithTheKeyAndRecordsTheController() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(BOLT);
        LicenseRow row = vm.licenses().rows().get(0);
        vm.licenses().selectedLicenseProperty().set(row);
        dialogs.claimResult = () -> new Claim("id-BOLT-1", "BOLT-1", "node-7");

        vm.licenses().claimSelected();

        assertThat(dialogs.claimKeys).containsExactly("BOLT-1");
        assertThat(dialogs.claimControllers).containsExactly((app.licensedesk.model.Controller) null);
        assertThat(row.getController()).isEqualTo("node-7");
        assertThat(vm.licenses().selectedKey()).isEqualTo("BOLT-1");
    }

    @Test
    void refreshReloadsTheDirectoryAndTheSelectedCustomersLicensesAndKeepsTheSelection() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(ACME);
        List<License> more = new ArrayList<>(service.licensesByCustomerUuid.get(ACME.uuid()));
        more.add(license("ACME-5", null, 12));
        service.licensesByCustomerUuid.put(ACME.uuid(), more);

        vm.refresh();

        assertThat(service.customerCalls).isEqualTo(2);
        assertThat(vm.selectedCustomerProperty().get()).isEqualTo(ACME);
        assertThat(service.customerLicenseCalls).last().isEqualTo(ACME.uuid());
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).contains("ACME-5");
    }

    @Test
    void aCustomerGoneAfterAReloadIsDeselected() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedCustomerProperty().set(BOLT);
        service.customers.remove(BOLT);

        vm.refresh();

        assertThat(vm.selectedCustomerProperty().get()).isNull();
        assertThat(vm.licenses().rows()).isEmpty();
        assertThat(vm.licenses().emptyTextProperty().get()).isEqualTo("Select a customer to see its licenses.");
    }

    @Test
    void aFailedCustomerListShowsItsErrorAndRetryLoadsIt() {
        service.customersFailure = new ApiException(ErrorKind.SERVER, 503, null, null, null, null);
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        assertThat(vm.customersErrorProperty().get()).contains("HTTP 503");
        assertThat(vm.customers()).isEmpty();

        service.customersFailure = null;
        vm.retryCustomers();

        assertThat(vm.customersErrorProperty().get()).isEmpty();
        assertThat(vm.customers()).hasSize(3);
    }

    @Test
    void revealSelectsTheCustomerAndClearsOnlyASearchThatHidesIt() {
        CustomersViewModel vm = viewModel(TaskRunner.inline());
        vm.searchTextProperty().set("energy");

        vm.reveal(ACME);
        assertThat(vm.searchTextProperty().get()).isEqualTo("energy"); // it shows ACME: kept
        assertThat(vm.selectedCustomerProperty().get()).isEqualTo(ACME);
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).contains("ACME-1");

        vm.reveal(BOLT);
        assertThat(vm.searchTextProperty().get()).isEmpty();
        assertThat(vm.customers()).contains(BOLT);
        assertThat(vm.selectedCustomerProperty().get()).isEqualTo(BOLT);
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("BOLT-1");
    }
}
