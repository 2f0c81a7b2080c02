package app.licensedesk.ui.dialogs;

import app.licensedesk.model.ErrorKind;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.model.Claim;
import app.licensedesk.service.ControllerList;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Action;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.ui.shared.Search;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimViewModelTest {

    private static final String KEY = "SG1-ABCD";
    private static final Customer ACME = new Customer(1, "u-1", "Acme BV");
    private static final Customer BETA = new Customer(2, "u-2", "Beta NV");
    private static final Controller ALPHA = new Controller(11, "node-a1", "Alpha site", "smartgridControllerSite",
            List.of(ACME), null);
    private static final Controller HARBOUR = new Controller(12, "node-h2", "Harbour", "smartgridControllerSite",
            List.of(BETA), null);
    private static final Controller BARE = new Controller(13, "ctl-777", "ctl-777", "smartgridControllerSite",
            List.of(), null);

    private final FakeLicenseDeskService service = new FakeLicenseDeskService();
    private final TaskRunner tasks = TaskRunner.inline();
    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(),
            Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
    private final Directory directory = new Directory(service, tasks);
    private final List<Claim> succeeded = new ArrayList<>();
    private LicenseRow row;

    @BeforeEach
    void setUp() {
        service.customers = List.of(ACME, BETA);
        service.controllers = List.of(ALPHA, HARBOUR, BARE);
        row = registry.put(FakeLicenseDeskService.license(KEY, null), ACME);
    }

    private ClaimViewModel vm(String key, Controller controller) {
        ClaimViewModel vm = new ClaimViewModel(service, tasks, registry, directory, Environment.production(), key,
                controller);
        vm.loadControllers();
        return vm;
    }

    @Test
    void pastedKeyLosesItsWhitespaceAndLineBreaks() {
        ClaimViewModel vm = vm(null, ALPHA);
        vm.keyTouched();
        assertThat(vm.keyErrorProperty().get()).isEqualTo(I18n.t("input.key.empty"));

        vm.keyProperty().set("  SG1-AB\nCD  ");

        assertThat(vm.normalizedKeyProperty().get()).isEqualTo("SG1-ABCD");
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();

        vm.keyProperty().set("X".repeat(51));
        assertThat(vm.keyErrorProperty().get()).contains("50");
        assertThat(vm.invalidProperty().get()).isTrue();
    }

    @Test
    void problemsShowOnlyOnceAFieldWasLeftOrAClaimWasTried() {
        ClaimViewModel vm = vm(null, null);
        // nothing typed yet: no red text, but nothing can be sent either
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        assertThat(vm.controllerErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isTrue();

        vm.keyTouched();
        assertThat(vm.keyErrorProperty().get()).isEqualTo(I18n.t("input.key.empty"));
        assertThat(vm.controllerErrorProperty().get()).isEmpty();

        vm.claim(succeeded::add);
        assertThat(vm.controllerErrorProperty().get()).isEqualTo(I18n.t("input.nodeId.empty"));
        assertThat(service.calls).noneMatch(c -> c.startsWith("claim"));

        // once shown, a problem follows the input
        vm.keyProperty().set(KEY);
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        vm.keyProperty().set("");
        assertThat(vm.keyErrorProperty().get()).isEqualTo(I18n.t("input.key.empty"));
    }

    @Test
    void theNoticeNamesTheControllerAsPeopleKnowIt() {
        ClaimViewModel vm = vm(KEY, HARBOUR);
        assertThat(vm.doneText(new Claim("id-1", KEY, "node-h2")))
                .isEqualTo("SG1-ABCD claimed to controller Harbour (node-h2)");
        // the server's answer counts: a nodeId the picker does not hold is named as it is
        assertThat(vm.doneText(new Claim("id-1", null, "node-x")))
                .isEqualTo("SG1-ABCD claimed to controller node-x");
    }

    @Test
    void controllersLoadOnOpenAndAreSearchedByNameNodeIdOrCustomer() {
        ClaimViewModel vm = vm(KEY, null);
        assertThat(service.calls).containsExactly("customers", "controllers");
        assertThat(vm.controllersLoadingProperty().get()).isFalse();
        assertThat(vm.matches()).containsExactly(ALPHA, HARBOUR, BARE);

        vm.searchProperty().set("alpha");
        assertThat(vm.matches()).containsExactly(ALPHA);
        vm.searchProperty().set("NODE-H");
        assertThat(vm.matches()).containsExactly(HARBOUR);
        vm.searchProperty().set("beta");
        assertThat(vm.matches()).containsExactly(HARBOUR);
        vm.searchProperty().set("node acme");
        assertThat(vm.matches()).containsExactly(ALPHA);
        vm.searchProperty().set("777");
        assertThat(vm.matches()).containsExactly(BARE);
        vm.searchProperty().set("nothing like it");
        assertThat(vm.matches()).isEmpty();
        vm.searchProperty().set("  ");
        assertThat(vm.matches()).hasSize(3);
    }

    @Test
    void aControllerMustBeChosenAndStaysChosenWhileFiltering() {
        ClaimViewModel vm = vm(KEY, null);
        vm.controllerTouched();
        assertThat(vm.controllerErrorProperty().get()).isEqualTo(I18n.t("input.nodeId.empty"));
        assertThat(vm.invalidProperty().get()).isTrue();
        assertThat(vm.confirmationProperty().get()).isEmpty();

        vm.controllerProperty().set(HARBOUR);
        vm.searchProperty().set("alpha");

        assertThat(vm.controllerProperty().get()).isEqualTo(HARBOUR);
        assertThat(vm.controllerErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();
        assertThat(vm.confirmationProperty().get())
                .isEqualTo("Claim SG1-ABCD for controller Harbour (node-h2) in Eniris production "
                        + "(https://api.eniris.be)?");
    }

    @Test
    void openedFromAControllerItIsPreselected() {
        ClaimViewModel vm = vm(null, BARE);
        vm.keyProperty().set(KEY);
        assertThat(vm.controllerProperty().get()).isEqualTo(BARE);
        // a controller whose name is its nodeId is named once
        assertThat(vm.confirmationProperty().get()).contains("for controller ctl-777 in");
        assertThat(ClaimViewModel.listText(ALPHA)).isEqualTo("Alpha site \u2014 node-a1 \u2014 Acme BV");
        assertThat(ClaimViewModel.listText(BARE)).isEqualTo("ctl-777 \u2014 ctl-777");
        Controller shared = new Controller(14, "node-s4", "Shared", "smartgridControllerSite", List.of(ACME, BETA),
                null);
        assertThat(ClaimViewModel.listText(shared)).isEqualTo("Shared \u2014 node-s4 \u2014 Acme BV, Beta NV");
        assertThat(Search.controllers("beta").test(shared)).isTrue();
    }

    @Test
    void successLinksTheControllerInTheSharedRow() {
        service.onClaim = (key, nodeId) -> new Claim("id-" + key, key, nodeId);
        ClaimViewModel vm = vm(" SG1-AB\nCD ", ALPHA);

        vm.claim(succeeded::add);

        assertThat(service.calls).contains("claim SG1-ABCD node-a1");
        assertThat(succeeded).containsExactly(new Claim("id-SG1-ABCD", KEY, "node-a1"));
        assertThat(vm.resultProperty().get()).isEqualTo(succeeded.get(0));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(row.getController()).isEqualTo("node-a1");
    }

    private static ApiException refusal() {
        return new ApiException(ErrorKind.VALIDATION, 400, "Bad Request", "License already claimed", null,
                null);
    }

    private static LicenseOutcome outcome(Status status, String claimedTo, ApiException failure) {
        return new LicenseOutcome(Action.CLAIM, status, KEY, ALPHA.nodeId(), null, claimedTo,
            Failure.of(failure).orElse(null));
    }

    @Test
    void alreadyClaimedNamesTheControllerTheReadBackFound() {
        service.claimOutcome = outcome(Status.ALREADY, "node-h2", refusal());
        ClaimViewModel vm = vm(KEY, ALPHA);

        vm.claim(succeeded::add);

        assertThat(vm.errorProperty().get())
                .isEqualTo(I18n.t("error.claim.refusedKnown", "Harbour (node-h2)", "License already claimed"));
        assertThat(succeeded).isEmpty();
        assertThat(vm.keyProperty().get()).isEqualTo(KEY);
        assertThat(vm.controllerProperty().get()).isEqualTo(ALPHA);
        assertThat(vm.busyProperty().get()).isFalse();
        // what the read-back found is a fact the shared row learns
        assertThat(row.getController()).isEqualTo("node-h2");

        vm.controllerProperty().set(HARBOUR);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aRefusalTheReadBackCannotExplainSaysSoAndTheServiceIsToldWhereTheLicenseWasSeen() {
        service.claimOutcome = outcome(Status.REFUSED, null, refusal());
        registry.linkController(KEY, "node-unknown");
        ClaimViewModel vm = vm(KEY, ALPHA);

        vm.claim(succeeded::add);

        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.claim.refused", "License already claimed"));
        assertThat(service.contexts).containsExactly(new LicenseContext(ACME, List.of("node-unknown")));
        assertThat(vm.invalidProperty().get()).isFalse();
    }

    @Test
    void aLostAnswerIsCheckedAndAClaimThatWasAppliedSucceedsSayingSo() {
        ApiException lost = new ApiException(ErrorKind.TIMEOUT, "The server did not answer in time", null);
        service.claimOutcome = outcome(Status.LOST_DONE, ALPHA.nodeId(), lost);
        ClaimViewModel vm = vm(KEY, ALPHA);
        List<String> whileChecking = new ArrayList<>();
        service.duringCheck = () -> whileChecking.add(vm.errorProperty().get() + " busy=" + vm.busyProperty().get());

        vm.claim(succeeded::add);

        assertThat(whileChecking).containsExactly(I18n.t("outcome.checking") + " busy=true");
        // applied after all: the dialog closes like after a plain success, and its notice says how it was learnt
        assertThat(succeeded).singleElement().satisfies(c -> assertThat(c.nodeId()).isEqualTo(ALPHA.nodeId()));
        assertThat(vm.doneText(succeeded.get(0))).isEqualTo(I18n.t("notice.claimed", KEY, "Alpha site (node-a1)")
                + " " + I18n.t("notice.readBack"));
        assertThat(row.getController()).isEqualTo(ALPHA.nodeId());
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(service.calls).filteredOn(c -> c.startsWith("claim")).hasSize(1);
    }

    @Test
    void aLostAnswerThatWasNotAppliedMayBeTriedAgain() {
        ApiException lost = new ApiException(ErrorKind.NETWORK, "connection reset", null);
        service.claimOutcome = outcome(Status.LOST_NOT_DONE, null, lost);
        ClaimViewModel vm = vm(KEY, ALPHA);

        vm.claim(succeeded::add);

        assertThat(vm.errorProperty().get()).isEqualTo("The answer from the server was lost. Read back: the license "
                + "is not claimed to Alpha site (node-a1). You can try again.");
        assertThat(vm.invalidProperty().get()).isFalse();
        assertThat(row.getController()).isEmpty();
        assertThat(succeeded).isEmpty();
    }

    @Test
    void aLostAnswerThatCouldNotBeReadBackIsUnknownAndNotSentAgain() {
        ApiException lost = new ApiException(ErrorKind.UNREADABLE, "garbled", null);
        service.claimOutcome = outcome(Status.LOST_UNKNOWN, null, lost);
        ClaimViewModel vm = vm(KEY, ALPHA);

        vm.claim(succeeded::add);

        assertThat(vm.errorProperty().get()).contains("unknown whether the license was claimed")
                .contains("Alpha site (node-a1)").contains("Reload to check");
        assertThat(vm.invalidProperty().get()).isTrue();
        assertThat(row.getController()).isEmpty();
    }

    @Test
    void otherFailuresHaveTheirOwnWords() {
        ClaimViewModel vm = vm(KEY, ALPHA);
        service.onClaim = (key, nodeId) -> {
            throw new ApiException(ErrorKind.NOT_FOUND, 404, "Not Found", "unknown", null, null);
        };
        vm.claim(succeeded::add);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.notFound.claim"));

        service.onClaim = (key, nodeId) -> {
            throw new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden", "no", null, null);
        };
        vm.claim(succeeded::add);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.forbidden.claim"));

        service.onClaim = (key, nodeId) -> {
            throw new IllegalArgumentException("bug");
        };
        vm.claim(succeeded::add);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.unexpected", "IllegalArgumentException"));
        assertThat(succeeded).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void controllerLoadFailureIsShownAndNothingIsSentWithoutAController() {
        FakeLicenseDeskService failing = new FakeLicenseDeskService() {
            @Override
            public ControllerList controllers(List<Customer> of) {
                throw new ApiException(ErrorKind.NETWORK, "down", null);
            }
        };
        failing.customers = List.of(ACME);
        Directory dir = new Directory(failing, tasks);
        ClaimViewModel vm = new ClaimViewModel(failing, tasks, registry, dir, Environment.production(), KEY, null);
        vm.loadControllers();

        assertThat(vm.controllersErrorProperty().get()).isEqualTo(I18n.t("error.network"));
        assertThat(vm.controllersLoadingProperty().get()).isFalse();
        vm.claim(succeeded::add);
        assertThat(failing.calls).noneMatch(c -> c.startsWith("claim"));
    }
}
