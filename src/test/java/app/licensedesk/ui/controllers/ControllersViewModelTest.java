package app.licensedesk.ui.controllers;

import app.licensedesk.model.ErrorKind;
import static app.licensedesk.ui.shared.CannedLicenseDeskService.license;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.model.Claim;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.CannedLicenseDeskService;
import app.licensedesk.ui.common.I18n;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControllersViewModelTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Customer ACME = new Customer(1, "aaaa1111-0000-4000-8000-000000000001", "Acme Energy");
    static final Customer BOLT = new Customer(2, "bbbb2222-0000-4000-8000-000000000002", "Bolt Solar");
    static final Controller NORTH = controller(11, "sgc-north-01", "North Site", ACME);
    static final Controller SOUTH = controller(12, "sgc-south-02", "South Site", ACME);
    static final Controller HARBOUR = controller(13, "sgc-harbour-03", "Harbour North", BOLT);

    CannedLicenseDeskService service;
    RecordingDialogs dialogs;
    LicenseRegistry registry;
    Directory directory;

    static Controller controller(long id, String nodeId, String name, Customer customer) {
        return new Controller(id, nodeId, name, "smartgridControllerSite", List.of(customer),
                Instant.parse("2025-05-30T08:00:00Z"));
    }

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @BeforeEach
    void setUp() {
        service = new CannedLicenseDeskService();
        service.customers.addAll(List.of(ACME, BOLT));
        service.controllers.addAll(List.of(HARBOUR, NORTH, SOUTH));
        service.licensesByNodeId.put(NORTH.nodeId(), List.of(
                license("N-1", Instant.parse("2025-01-01T00:00:00Z"), 12), license("N-2", null, 12)));
        service.licensesByNodeId.put(SOUTH.nodeId(), List.of(license("S-1", null, 6)));
        registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        dialogs = new RecordingDialogs(registry);
        directory = new Directory(service, TaskRunner.inline());
    }

    ControllersViewModel viewModel(TaskRunner tasks) {
        ControllersViewModel vm = new ControllersViewModel(service, tasks, registry, directory, dialogs);
        vm.shown();
        return vm;
    }

    @Test
    void firstShownLoadsTheControllersOnce() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.shown();

        assertThat(service.controllerCalls).isEqualTo(1);
        assertThat(service.customerCalls).isEqualTo(1);
        assertThat(vm.controllers()).containsExactly(HARBOUR, NORTH, SOUTH);
        assertThat(vm.countTextProperty().get()).isEqualTo("3 controllers");
        assertThat(vm.customerChoices()).containsExactly(vm.allCustomers(), ACME, BOLT);
        assertThat(vm.allCustomers().name()).isEqualTo("All customers");
    }

    @Test
    void searchesByNameOrNodeIdCombinedWithTheCustomerFilter() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());

        vm.searchTextProperty().set("NORTH");
        assertThat(vm.controllers()).containsExactly(HARBOUR, NORTH);
        assertThat(vm.countTextProperty().get()).isEqualTo("2 of 3 controllers");

        vm.customerFilterProperty().set(ACME);
        assertThat(vm.controllers()).containsExactly(NORTH);

        vm.searchTextProperty().set("sgc-");
        assertThat(vm.controllers()).containsExactly(NORTH, SOUTH);

        vm.searchTextProperty().set("harbour-03");
        assertThat(vm.controllers()).isEmpty();
        assertThat(vm.tablePlaceholderProperty().get()).startsWith("No controller matches");

        vm.customerFilterProperty().set(vm.allCustomers());
        assertThat(vm.controllers()).containsExactly(HARBOUR);
        vm.searchTextProperty().set("");
        assertThat(vm.controllers()).hasSize(3);
    }

    @Test
    void aControllerOfTwoCustomersShowsBothAndPassesEitherFilter() {
        Controller shared = new Controller(14, "sgc-shared-04", "Shared Site", "smartgridControllerSite",
                List.of(ACME, BOLT), null);
        service.controllers.add(shared);
        ControllersViewModel vm = viewModel(TaskRunner.inline());

        assertThat(shared.customerName()).isEqualTo("Acme Energy, Bolt Solar");
        vm.customerFilterProperty().set(ACME);
        assertThat(vm.controllers()).contains(shared);
        vm.customerFilterProperty().set(BOLT);
        assertThat(vm.controllers()).containsExactly(HARBOUR, shared);

        // its licenses are not put under either customer: the row keeps the customer it is listed under
        service.licensesByNodeId.put(shared.nodeId(), List.of(license("SH-1", null, 12)));
        vm.selectedControllerProperty().set(shared);
        assertThat(registry.byKey("SH-1").orElseThrow().getCustomer()).isNull();
    }

    @Test
    void aPartialListIsShownWithTheFailedCustomersNamed() {
        service.controllers.remove(HARBOUR);
        service.controllerFailures.put(BOLT, new ApiException(ErrorKind.TIMEOUT, "slow", null));
        ControllersViewModel vm = viewModel(TaskRunner.inline());

        assertThat(vm.controllers()).containsExactly(NORTH, SOUTH);
        assertThat(vm.controllersErrorProperty().get()).isEmpty();
        assertThat(vm.controllersWarningProperty().get()).contains("Bolt Solar").contains("did not answer in time");

        service.controllerFailures.clear();
        service.controllers.add(HARBOUR);
        vm.retryControllers();
        assertThat(vm.controllersWarningProperty().get()).isEmpty();
        assertThat(vm.controllers()).hasSize(3);
    }

    @Test
    void selectingAControllerLoadsItsLicensesAndLinksThemInTheRegistry() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedControllerProperty().set(NORTH);

        assertThat(service.controllerLicenseCalls).containsExactly("sgc-north-01");
        assertThat(vm.headerTextProperty().get()).isEqualTo("Licenses linked to North Site (sgc-north-01)");
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("N-1", "N-2");
        LicenseRow row = registry.byKey("N-2").orElseThrow();
        assertThat(vm.licenses().rows()).contains(row);
        assertThat(row.getController()).isEqualTo("sgc-north-01");
        assertThat(row.getCustomer()).isEqualTo(ACME);
        assertThat(vm.licenses().statusSummaryProperty().get()).isEqualTo("1 active \u00b7 1 not activated");
    }

    @Test
    void openingAControllerKeepsTheDatalinksTheCustomerAnswerGave() {
        // loaded first from the customer endpoint, with its datalinks
        LicenseRow row = registry.put(new License("id-N-2", "N-2", 10, 5, null, null,
                Instant.parse("2024-01-01T00:00:00Z"), null, 12, null, "commercial", List.of("dl-9")), ACME);
        // the controller endpoint carries no datalinks
        service.licensesByNodeId.put(NORTH.nodeId(), List.of(new License("id-N-2", "N-2", 10, 5, null, null,
                Instant.parse("2024-01-01T00:00:00Z"), null, 12, null, "commercial", List.of(),
                EnumSet.complementOf(EnumSet.of(License.Field.DATALINKS)))));
        ControllersViewModel vm = viewModel(TaskRunner.inline());

        vm.selectedControllerProperty().set(NORTH);

        assertThat(vm.licenses().rows()).containsExactly(row);
        assertThat(row.getLicense().datalinks()).containsExactly("dl-9");
        assertThat(row.getController()).isEqualTo(NORTH.nodeId());
    }

    @Test
    void anUnknownControllerIsReportedInline() {
        service.failures.put(SOUTH.nodeId(), new ApiException(ErrorKind.NOT_FOUND, 404, "Not Found",
                "controller not found", null, null));
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedControllerProperty().set(SOUTH);

        assertThat(vm.licenses().errorProperty().get()).isEqualTo("This controller does not exist (any more).");
        assertThat(vm.licenses().rows()).isEmpty();
        assertThat(dialogs.errorHeaders).isEmpty();
    }

    @Test
    void anAnswerForAControllerNoLongerSelectedIsIgnored() {
        Deque<Runnable> queue = new ArrayDeque<>();
        ControllersViewModel vm = viewModel(new TaskRunner(queue::add, Runnable::run));
        vm.selectedControllerProperty().set(NORTH);
        vm.selectedControllerProperty().set(SOUTH);

        queue.removeLast().run(); // South first
        queue.removeLast().run(); // then North's late answer
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("S-1");
        assertThat(registry.byKey("N-1")).isEmpty();
    }

    @Test
    void claimOpensTheDialogForTheControllerAndReloadsItsLicenses() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        assertThat(vm.canClaimProperty().get()).isFalse();
        vm.selectedControllerProperty().set(SOUTH);
        assertThat(vm.canClaimProperty().get()).isTrue();
        dialogs.claimResult = () -> {
            // what the server now knows: the license is linked to South
            List<License> linked = new ArrayList<>(service.licensesByNodeId.get(SOUTH.nodeId()));
            linked.add(license("NEW-9", null, 12));
            service.licensesByNodeId.put(SOUTH.nodeId(), linked);
            return new Claim("id-NEW-9", "NEW-9", SOUTH.nodeId());
        };

        vm.claim();

        assertThat(dialogs.claimKeys).containsExactly((String) null);
        assertThat(dialogs.claimControllers).containsExactly(SOUTH);
        assertThat(service.controllerLicenseCalls).containsExactly(SOUTH.nodeId(), SOUTH.nodeId());
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("S-1", "NEW-9");
        assertThat(registry.byKey("NEW-9").orElseThrow().getController()).isEqualTo(SOUTH.nodeId());
    }

    @Test
    void aControllerTheSearchOrFilterHidesIsNoLongerShownInThePane() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedControllerProperty().set(NORTH);
        assertThat(vm.licenses().rows()).hasSize(2);

        vm.searchTextProperty().set("north"); // still matches
        assertThat(vm.selectedControllerProperty().get()).isEqualTo(NORTH);

        vm.customerFilterProperty().set(BOLT);
        assertThat(vm.selectedControllerProperty().get()).isNull();
        assertThat(vm.headerTextProperty().get()).isEmpty();
        assertThat(vm.licenses().rows()).isEmpty();
        assertThat(vm.licenses().emptyTextProperty().get()).isEqualTo(I18n.t("controllers.selectHint"));
    }

    @Test
    void aClaimMadeOnAnotherPageShowsInTheShownControllerAtOnce() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedControllerProperty().set(SOUTH);
        // a license the Licenses page loaded, claimed there to South
        LicenseRow elsewhere = registry.put(license("L-7", null, 12), BOLT);
        RecordingDialogs licensesPageDialogs = new RecordingDialogs(registry);
        licensesPageDialogs.claimResult = () -> new Claim("id-L-7", "L-7", SOUTH.nodeId());

        licensesPageDialogs.claim("L-7", null);

        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("S-1", "L-7");
        assertThat(vm.licenses().rows()).contains(elsewhere);
        assertThat(service.controllerLicenseCalls).containsExactly(SOUTH.nodeId()); // no second request
        assertThat(vm.licenses().statusSummaryProperty().get()).isEqualTo("2 not activated");

        // a claim to another controller does not show here
        licensesPageDialogs.claimResult = () -> new Claim("id-L-8", "L-8", NORTH.nodeId());
        licensesPageDialogs.claim("L-8", null);
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("S-1", "L-7");
    }

    @Test
    void aCancelledClaimLoadsNothing() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.claim();
        assertThat(dialogs.claimControllers).isEmpty();

        vm.selectedControllerProperty().set(SOUTH);
        vm.claim();
        assertThat(dialogs.claimControllers).containsExactly(SOUTH);
        assertThat(service.controllerLicenseCalls).containsExactly(SOUTH.nodeId());
    }

    @Test
    void activateAndCopyKeyWorkOnTheSelectedLicenseRow() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedControllerProperty().set(NORTH);
        LicenseRow unactivated = registry.byKey("N-2").orElseThrow();
        vm.licenses().selectedLicenseProperty().set(unactivated);
        dialogs.activationResult = license("N-2", Instant.parse("2025-05-01T00:00:00Z"), 12);

        vm.licenses().activateSelected();

        assertThat(dialogs.activated).containsExactly("N-2");
        assertThat(unactivated.getLicense().activationDate()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(vm.licenses().statusSummaryProperty().get()).isEqualTo("2 active");
        assertThat(vm.licenses().selectedKey()).isEqualTo("N-2");
    }

    @Test
    void refreshReloadsControllersAndTheSelectedControllersLicensesKeepingTheSelection() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.selectedControllerProperty().set(NORTH);
        Controller renamed = controller(11, "sgc-north-01", "North Site (new roof)", ACME);
        service.controllers.set(service.controllers.indexOf(NORTH), renamed);

        vm.refresh();

        assertThat(service.controllerCalls).isEqualTo(2);
        assertThat(vm.selectedControllerProperty().get()).isEqualTo(renamed);
        assertThat(vm.headerTextProperty().get()).contains("North Site (new roof)");
        assertThat(service.controllerLicenseCalls).last().isEqualTo(NORTH.nodeId());
        assertThat(vm.licenses().rows()).hasSize(2);
        assertThat(vm.licenses().loadingProperty().get()).isFalse();
    }

    @Test
    void theCountIsBlankWhileTheFirstListLoads() {
        Deque<Runnable> queue = new ArrayDeque<>();
        directory = new Directory(service, new TaskRunner(queue::add, Runnable::run));
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        assertThat(vm.controllersLoadingProperty().get()).isTrue();
        assertThat(vm.countTextProperty().get()).isEmpty();
        assertThat(vm.tablePlaceholderProperty().get()).isEqualTo("Loading controllers\u2026");

        queue.removeFirst().run(); // customers
        queue.removeFirst().run(); // controllers
        assertThat(vm.countTextProperty().get()).isEqualTo("3 controllers");
    }

    @Test
    void theCustomerFilterSurvivesAReload() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.customerFilterProperty().set(BOLT);
        Customer renamed = new Customer(2, BOLT.uuid(), "Bolt Solar NV");
        service.customers.set(1, renamed);

        vm.refresh();

        assertThat(vm.customerChoices()).containsExactly(vm.allCustomers(), ACME, renamed);
        assertThat(vm.customerFilterProperty().get()).isSameAs(renamed);
        assertThat(vm.controllers()).containsExactly(HARBOUR);
    }

    @Test
    void aFailedControllerListShowsItsErrorAndRetryLoadsIt() {
        service.customersFailure = new ApiException(ErrorKind.NETWORK, "down", null);
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        assertThat(vm.controllersErrorProperty().get()).startsWith("Cannot reach the server");

        service.customersFailure = null;
        vm.retryControllers();

        assertThat(vm.controllersErrorProperty().get()).isEmpty();
        assertThat(vm.controllers()).hasSize(3);
    }

    @Test
    void revealSelectsTheControllerAndClearsASearchOrFilterThatHidesIt() {
        ControllersViewModel vm = viewModel(TaskRunner.inline());
        vm.customerFilterProperty().set(ACME);
        vm.searchTextProperty().set("south");

        vm.reveal(HARBOUR);

        assertThat(vm.searchTextProperty().get()).isEmpty();
        assertThat(vm.customerFilterProperty().get()).isSameAs(vm.allCustomers());
        assertThat(vm.controllers()).contains(HARBOUR);
        assertThat(vm.selectedControllerProperty().get()).isEqualTo(HARBOUR);

        vm.searchTextProperty().set("north");
        vm.reveal(NORTH); // shown by the search: it stays
        assertThat(vm.searchTextProperty().get()).isEqualTo("north");
        assertThat(vm.selectedControllerProperty().get()).isEqualTo(NORTH);
        assertThat(vm.licenses().rows()).extracting(LicenseRow::getKey).containsExactly("N-1", "N-2");
    }
}
