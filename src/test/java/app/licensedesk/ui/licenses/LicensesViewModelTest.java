package app.licensedesk.ui.licenses;

import app.licensedesk.model.ErrorKind;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.model.Claim;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicensesViewModelTest {

    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static final Customer BETA = new Customer(2, "u-2", "Beta NV");
    private static final Customer GAMMA = new Customer(3, "u-3", "Gamma GmbH");
    private static final Customer NO_UUID = new Customer(4, null, "Legacy Ltd");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final FakeLicenseDeskService service = new FakeLicenseDeskService();
    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    void setUp() {
        service.customers = List.of(ACME, BETA, GAMMA, NO_UUID);
        service.licenses.put(ACME.id(), List.of(
                FakeLicenseDeskService.license("SG1-RES-AAA1", "residential", null),
                FakeLicenseDeskService.license("SG1-COM-AAA2", "commercial", Instant.parse("2026-01-01T00:00:00Z")),
                FakeLicenseDeskService.license("SG1-RES-AAA3", "residential", Instant.parse("2025-01-01T00:00:00Z"))));
        service.licenses.put(BETA.id(), List.of(
                FakeLicenseDeskService.license("SG1-RES-BBB1", "residential", Instant.parse("2025-06-15T00:00:00Z")),
                FakeLicenseDeskService.license("SG1-IND-BBB2", "industrial", null)));
        service.failures.put(GAMMA.id(), new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden", "no access",
                null, null));
    }

    private LicensesViewModel vm(TaskRunner tasks) {
        return new LicensesViewModel(service, tasks, registry, new Directory(service, tasks), dialogs);
    }

    private static List<String> keys(List<LicenseRow> rows) {
        return rows.stream().map(LicenseRow::getKey).toList();
    }

    @Test
    void rowsAppearCustomerByCustomerWithProgress() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        List<String> seen = new ArrayList<>();
        service.afterEach = c -> seen.add(c.name() + ": " + vm.rows().size() + " rows, "
                + vm.customersDoneProperty().get() + "/" + vm.customersTotalProperty().get());

        vm.shown();

        assertThat(seen).containsExactly("Acme BV: 3 rows, 1/3", "Beta NV: 5 rows, 2/3", "Gamma GmbH: 5 rows, 3/3");
        assertThat(service.requested).containsExactly("Acme BV", "Beta NV", "Gamma GmbH");
        // in the customers' order, each customer's by key
        assertThat(keys(vm.rows())).containsExactly("SG1-COM-AAA2", "SG1-RES-AAA1", "SG1-RES-AAA3", "SG1-IND-BBB2",
                "SG1-RES-BBB1");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get()).isEqualTo("Loaded 3 of 3 customers \u00b7 5 licenses");
        assertThat(vm.countTextProperty().get()).isEqualTo("5 of 5 licenses");
        // every row is the registry's shared row, with its customer and derived status
        LicenseRow bbb1 = registry.byKey("SG1-RES-BBB1").orElseThrow();
        assertThat(vm.rows()).contains(bbb1);
        assertThat(bbb1.getCustomer()).isEqualTo(BETA);
        assertThat(bbb1.getStatus()).isEqualTo(LicenseStatus.EXPIRING);
        assertThat(vm.types()).containsExactly("residential", "commercial", "industrial");
    }

    @Test
    void failedCustomersAreCountedInAWarningLineNotADialog() {
        service.failures.put(BETA.id(), new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden", "no", null,
                null));
        LicensesViewModel vm = vm(TaskRunner.inline());

        vm.shown();

        assertThat(vm.failedCountProperty().get()).isEqualTo(2);
        assertThat(vm.warningTextProperty().get())
                .isEqualTo("2 customers could not be loaded (Beta NV, Gamma GmbH): No access to this customer.");
        assertThat(vm.errorTextProperty().get()).isEmpty();
        assertThat(dialogs.calls).isEmpty();
        assertThat(vm.progressTextProperty().get()).isEqualTo("Loaded 3 of 3 customers \u00b7 3 licenses");
    }

    @Test
    void reloadFailedAsksOnlyTheFailedCustomersAgainAndKeepsTheOtherRows() {
        service.failures.put(BETA.id(), new ApiException(ErrorKind.TIMEOUT, "slow", null));
        LicensesViewModel vm = vm(TaskRunner.inline());
        vm.shown();
        assertThat(vm.failedCountProperty().get()).isEqualTo(2);
        assertThat(vm.canReloadFailedProperty().get()).isTrue();
        LicenseRow acmeRow = registry.byKey("SG1-RES-AAA1").orElseThrow();
        service.failures.clear();
        service.requested.clear();

        vm.reloadFailed();

        assertThat(service.requested).containsExactly("Beta NV", "Gamma GmbH");
        assertThat(vm.failedCountProperty().get()).isZero();
        assertThat(vm.warningTextProperty().get()).isEmpty();
        assertThat(vm.canReloadFailedProperty().get()).isFalse();
        assertThat(vm.rows()).contains(acmeRow);
        // still in the customers' order, then by key
        assertThat(keys(vm.rows())).containsExactly("SG1-COM-AAA2", "SG1-RES-AAA1", "SG1-RES-AAA3",
                "SG1-IND-BBB2", "SG1-RES-BBB1");
        assertThat(vm.progressTextProperty().get()).isEqualTo("Loaded 3 of 3 customers \u00b7 5 licenses");
        assertThat(vm.loadingProperty().get()).isFalse();

        // nothing failed: nothing to do
        vm.reloadFailed();
        assertThat(service.requested).hasSize(2);
    }

    @Test
    void aCustomerThatFailsAgainIsNamedAgain() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        vm.shown();
        vm.reloadFailed();
        assertThat(vm.failedCountProperty().get()).isEqualTo(1);
        assertThat(vm.warningTextProperty().get()).contains("Gamma GmbH");
        assertThat(vm.customersDoneProperty().get()).isEqualTo(3);
    }

    @Test
    void reloadFailedWaitsForARunningLoad() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        LicensesViewModel vm = vm(new TaskRunner(background::add, Runnable::run));
        vm.shown();
        background.poll().run(); // the customers; the licenses are queued
        assertThat(vm.canReloadFailedProperty().get()).isFalse();
        vm.reloadFailed();
        assertThat(background).hasSize(1);
    }

    @Test
    void customersWhoseSessionEndedAreLoadedAgainAfterSigningIn() {
        ApiException ended = new ApiException(ErrorKind.SIGNED_OUT, "session ended", null);
        service.failures.put(BETA.id(), ended);
        TaskRunner tasks = TaskRunner.inline();
        List<String> prompts = new ArrayList<>();
        tasks.setReauthenticator((retry, giveUp) -> {
            prompts.add("password asked");
            service.failures.remove(BETA.id()); // the user signed in again
            retry.run();
        });
        LicensesViewModel vm = vm(tasks);

        vm.shown();

        assertThat(prompts).hasSize(1);
        // Beta was asked twice (once refused, once after the password); nobody else was asked again
        assertThat(service.requested).containsExactly("Acme BV", "Beta NV", "Gamma GmbH", "Beta NV");
        assertThat(vm.rows()).extracting(LicenseRow::getKey).contains("SG1-RES-BBB1", "SG1-IND-BBB2");
        assertThat(vm.failedCountProperty().get()).isEqualTo(1); // Gamma's 403 only
        assertThat(vm.progressTextProperty().get()).isEqualTo("Loaded 3 of 3 customers \u00b7 5 licenses");
    }

    @Test
    void refreshAlsoAsksForTheCustomersAgain() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        vm.shown();
        Customer delta = new Customer(5, "u-5", "Delta SA");
        service.customers = List.of(ACME, BETA, GAMMA, NO_UUID, delta);
        service.licenses.put(delta.id(), List.of(FakeLicenseDeskService.license("SG1-RES-DDD1", "residential", null)));

        vm.refresh();

        assertThat(vm.rows()).extracting(LicenseRow::getKey).contains("SG1-RES-DDD1");
        assertThat(vm.customersTotalProperty().get()).isEqualTo(4);
    }

    @Test
    void rowsStayInTheCustomersOrderThenByKeyHoweverTheAnswersArrive() {
        service.answerInReverse = true;
        LicensesViewModel vm = vm(TaskRunner.inline());

        vm.shown();

        assertThat(vm.rows()).extracting(LicenseRow::getKey)
                .containsExactly("SG1-COM-AAA2", "SG1-RES-AAA1", "SG1-RES-AAA3", "SG1-IND-BBB2", "SG1-RES-BBB1");
        assertThat(vm.sorted()).extracting(LicenseRow::getKey).startsWith("SG1-COM-AAA2");
    }

    @Test
    void shownLoadsOnlyTheFirstTime() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        vm.shown();
        vm.shown();
        assertThat(service.loadCalls).isEqualTo(1);
        assertThat(vm.rows()).hasSize(5);
    }

    @Test
    void filtersByStatusTypeCustomerAndKeyAndTheirCombination() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        vm.shown();

        vm.statusFilterProperty().set(LicenseStatus.NOT_ACTIVATED);
        assertThat(keys(vm.filtered())).containsExactly("SG1-RES-AAA1", "SG1-IND-BBB2");
        vm.statusFilterProperty().set(LicenseStatus.EXPIRED);
        assertThat(keys(vm.filtered())).containsExactly("SG1-RES-AAA3");
        vm.statusFilterProperty().set(null);

        vm.typeFilterProperty().set("residential");
        assertThat(keys(vm.filtered())).containsExactly("SG1-RES-AAA1", "SG1-RES-AAA3", "SG1-RES-BBB1");
        vm.typeFilterProperty().set("industrial");
        assertThat(keys(vm.filtered())).containsExactly("SG1-IND-BBB2");
        vm.typeFilterProperty().set(null);

        vm.customerFilterProperty().set(BETA);
        assertThat(keys(vm.filtered())).containsExactly("SG1-IND-BBB2", "SG1-RES-BBB1");
        vm.customerFilterProperty().set(null);

        vm.searchProperty().set("bbb");
        assertThat(keys(vm.filtered())).containsExactly("SG1-IND-BBB2", "SG1-RES-BBB1");
        vm.searchProperty().set(" sg1-com-AAA2 ");
        assertThat(keys(vm.filtered())).containsExactly("SG1-COM-AAA2");
        vm.searchProperty().set("res");

        vm.statusFilterProperty().set(LicenseStatus.NOT_ACTIVATED);
        assertThat(keys(vm.filtered())).containsExactly("SG1-RES-AAA1");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 5 licenses");
        vm.typeFilterProperty().set("residential");
        assertThat(keys(vm.filtered())).containsExactly("SG1-RES-AAA1");
        vm.customerFilterProperty().set(BETA);
        assertThat(vm.filtered()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("0 of 5 licenses");

        vm.searchProperty().set("");
        vm.statusFilterProperty().set(null);
        vm.typeFilterProperty().set(null);
        vm.customerFilterProperty().set(null);
        assertThat(vm.filtered()).hasSize(5);
    }

    @Test
    void refreshCancelsTheRunningLoadAndStartsAgainFromAnEmptyList() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        TaskRunner tasks = new TaskRunner(background::add, Runnable::run);
        LicensesViewModel vm = vm(tasks);
        List<Integer> rowsRightAfterRefresh = new ArrayList<>();
        service.afterEach = c -> {
            if (service.loadCalls == 1) {
                // F5 while the first load is between two customers
                vm.refresh();
                rowsRightAfterRefresh.add(vm.rows().size());
                assertThat(vm.loadingProperty().get()).isTrue();
            }
        };

        vm.shown();
        runAll(background);

        assertThat(rowsRightAfterRefresh).containsExactly(0);
        assertThat(service.loadCalls).isEqualTo(2);
        // the first load stopped after Acme; the second loaded everything once
        assertThat(service.requested).containsExactly("Acme BV", "Acme BV", "Beta NV", "Gamma GmbH");
        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.customersDoneProperty().get()).isEqualTo(3);
        assertThat(vm.failedCountProperty().get()).isEqualTo(1);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void batchesOfACancelledLoadAreIgnored() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        TaskRunner tasks = new TaskRunner(background::add, Runnable::run);
        LicensesViewModel vm = vm(tasks);
        vm.shown();
        background.poll().run(); // the customers
        assertThat(background).hasSize(1); // the first license load is queued

        vm.refresh();
        runAll(background);

        assertThat(service.loadCalls).isEqualTo(2);
        assertThat(service.requested).containsExactly("Acme BV", "Beta NV", "Gamma GmbH");
        assertThat(vm.rows()).hasSize(5);
    }

    @Test
    void customersThatCannotBeLoadedEndTheLoadWithTheReason() {
        service.customersFailure = new ApiException(ErrorKind.NETWORK, "down", null);
        LicensesViewModel vm = vm(TaskRunner.inline());

        vm.shown();

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.errorTextProperty().get()).isEqualTo(I18n.t("error.network"));
        assertThat(service.loadCalls).isZero();
    }

    @Test
    void anUnexpectedFailureOfTheWholeLoadAlsoOpensTheErrorDialog() {
        service.loadFailure = new IllegalStateException("bug");
        LicensesViewModel vm = vm(TaskRunner.inline());

        vm.shown();

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.errorTextProperty().get()).isEqualTo(I18n.t("error.unexpected", "IllegalStateException"));
        assertThat(dialogs.calls).containsExactly("showError " + I18n.t("licenses.error.header"));
    }

    @Test
    void actionsFollowTheSelectedLicense() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        vm.shown();
        assertThat(vm.canActProperty().get()).isFalse();
        assertThat(vm.canActivateProperty().get()).isFalse();
        assertThat(vm.selectedKey()).isNull();

        LicenseRow activated = registry.byKey("SG1-COM-AAA2").orElseThrow();
        vm.selectedProperty().set(activated);
        assertThat(vm.canActProperty().get()).isTrue();
        assertThat(vm.canActivateProperty().get()).isFalse();
        vm.activateSelected();
        assertThat(dialogs.calls).isEmpty();

        LicenseRow fresh = registry.byKey("SG1-RES-AAA1").orElseThrow();
        vm.selectedProperty().set(fresh);
        assertThat(vm.canActivateProperty().get()).isTrue();
        assertThat(vm.selectedKey()).isEqualTo("SG1-RES-AAA1");
        vm.activateSelected();
        vm.claimSelected();
        assertThat(dialogs.calls).containsExactly("activate SG1-RES-AAA1", "claim SG1-RES-AAA1 null");

        // the dialog updates the shared row: Activate turns off for it at once
        registry.put(new License(null, fresh.getKey(), null, null, null, null, null, NOW, null, null, null, null,
                EnumSet.of(License.Field.KEY, License.Field.ACTIVATION_DATE)), null);
        assertThat(vm.canActivateProperty().get()).isFalse();
        assertThat(fresh.getCustomer()).isEqualTo(ACME);
    }

    @Test
    void filteringOneHundredThousandRows() {
        int customers = 100;
        int perCustomer = 1000;
        List<Customer> many = new ArrayList<>();
        service.licenses.clear();
        service.failures.clear();
        for (int c = 0; c < customers; c++) {
            Customer customer = new Customer(100 + c, "uuid-" + c, "Customer " + c);
            many.add(customer);
            List<License> licenses = new ArrayList<>(perCustomer);
            for (int i = 0; i < perCustomer; i++) {
                int n = c * perCustomer + i;
                licenses.add(FakeLicenseDeskService.license(String.format("SG1-%s-%06d", n % 2 == 0 ? "RES" : "COM", n),
                        n % 2 == 0 ? "residential" : "commercial",
                        n % 3 == 0 ? null : Instant.parse("2026-01-01T00:00:00Z")));
            }
            service.licenses.put(customer.id(), licenses);
        }
        service.customers = many;
        LicensesViewModel vm = vm(TaskRunner.inline());

        long start = System.nanoTime();
        vm.shown();
        long loaded = System.nanoTime();
        vm.searchProperty().set("sg1-res-0999");
        long searched = System.nanoTime();
        vm.statusFilterProperty().set(LicenseStatus.NOT_ACTIVATED);
        long filtered = System.nanoTime();

        assertThat(vm.rows()).hasSize(100_000);
        // SG1-RES-099900 .. 099998, even numbers only: 50, of which those divisible by 3 are not activated
        assertThat(keys(vm.filtered())).allMatch(k -> k.startsWith("SG1-RES-0999"))
                .allMatch(k -> Integer.parseInt(k.substring(8)) % 6 == 0).hasSize(17);
        vm.statusFilterProperty().set(null);
        vm.searchProperty().set("");
        vm.customerFilterProperty().set(many.get(42));
        assertThat(vm.filtered()).hasSize(1000);
        assertThat(vm.countTextProperty().get()).isEqualTo("1,000 of 100,000 licenses");
        System.out.printf("100,000 rows: load %d ms, search %d ms, search+status %d ms%n",
                (loaded - start) / 1_000_000, (searched - loaded) / 1_000_000, (filtered - searched) / 1_000_000);
    }

    @Test
    void thePageSaysWhichCustomersHaveNoLicenseView() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        assertThat(vm.noLicenseViewTextProperty().get()).isEmpty();
        vm.shown();
        assertThat(vm.noLicenseViewTextProperty().get()).isEqualTo("1 customer without a license view (no UUID)");
        assertThat(vm.noLicenseViewDetail()).endsWith("because they have no UUID: Legacy Ltd");

        List<Customer> many = new ArrayList<>(List.of(ACME));
        for (int i = 0; i < 5; i++) {
            many.add(new Customer(10 + i, null, "Old " + i));
        }
        service.customers = many;
        vm.refresh();
        assertThat(vm.noLicenseViewTextProperty().get()).isEqualTo("5 customers without a license view (no UUID)");
        assertThat(vm.noLicenseViewDetail()).endsWith(": Old 0, Old 1, Old 2, Old 3, Old 4");
    }

    private static void runAll(ArrayDeque<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    /** A DialogService stub that records what the page asked for. */
    private static final class RecordingDialogs implements DialogService {
        final List<String> calls = new ArrayList<>();

        @Override
        public void showError(String header, Throwable error) {
            calls.add("showError " + header);
        }

        @Override
        public boolean confirm(String title, String question, String action, String keep) {
            calls.add("confirm " + question);
            return false;
        }

        @Override
        public Optional<License> activate(String key) {
            calls.add("activate " + key);
            return Optional.empty();
        }

        @Override
        public Optional<Claim> claim(String key, Controller controller) {
            calls.add("claim " + key + " " + controller);
            return Optional.empty();
        }
    }

    @Test
    void revealSearchesTheKeyClearsTheFiltersThatHideTheRowAndSelectsIt() {
        LicensesViewModel vm = vm(TaskRunner.inline());
        vm.shown();
        vm.statusFilterProperty().set(LicenseStatus.NOT_ACTIVATED);
        vm.typeFilterProperty().set("residential");
        vm.customerFilterProperty().set(BETA);
        LicenseRow row = registry.byKey("SG1-COM-AAA2").orElseThrow();

        vm.reveal(row);

        assertThat(vm.searchProperty().get()).isEqualTo("SG1-COM-AAA2");
        assertThat(vm.statusFilterProperty().get()).isNull();
        assertThat(vm.typeFilterProperty().get()).isNull();
        assertThat(vm.customerFilterProperty().get()).isNull();
        assertThat(vm.filtered()).containsExactly(row);
        assertThat(vm.selectedProperty().get()).isSameAs(row);

        // a filter that shows the row stays
        vm.typeFilterProperty().set("residential");
        LicenseRow residential = registry.byKey("SG1-RES-AAA1").orElseThrow();
        vm.reveal(residential);
        assertThat(vm.typeFilterProperty().get()).isEqualTo("residential");
        assertThat(vm.selectedProperty().get()).isSameAs(residential);
    }

    @Test
    void aRevealedRowThatIsStillLoadingIsSelectedWhenItArrives() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        LicensesViewModel vm = vm(new TaskRunner(background::add, Runnable::run));
        // known from another page before the Licenses page has loaded
        LicenseRow row = registry.put(FakeLicenseDeskService.license("SG1-RES-BBB1", "residential", null), BETA);
        vm.shown();

        vm.reveal(row);
        assertThat(vm.selectedProperty().get()).isNull();
        runAll(background);

        assertThat(vm.filtered()).containsExactly(row);
        assertThat(vm.selectedProperty().get()).isSameAs(row);
    }

    @Test
    void aRowPickedWhileTheRevealedOneLoadsWins() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        LicensesViewModel vm = vm(new TaskRunner(background::add, Runnable::run));
        LicenseRow row = registry.put(FakeLicenseDeskService.license("SG1-RES-BBB1", "residential", null), BETA);
        LicenseRow other = registry.put(FakeLicenseDeskService.license("SG1-RES-AAA1", "residential", null), ACME);
        vm.shown();
        vm.reveal(row);

        vm.selectedProperty().set(other); // the user clicked another row meanwhile
        runAll(background);

        assertThat(vm.selectedProperty().get()).isSameAs(other);
    }
}
