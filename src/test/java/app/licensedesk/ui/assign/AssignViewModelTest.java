package app.licensedesk.ui.assign;

import static app.licensedesk.ui.assign.ScriptedService.controller;
import static app.licensedesk.ui.assign.ScriptedService.license;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.assign.ActivationChoice.Mode;
import app.licensedesk.ui.assign.QueuedPair.State;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignViewModelTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final Customer ACME = new Customer(1, "aaaa1111-0000-4000-8000-000000000001", "Acme Energy");
    static final Customer BOLT = new Customer(2, "bbbb2222-0000-4000-8000-000000000002", "Bolt Solar");
    static final Controller NORTH = controller(11, "sgc-north", "North Site", ACME);
    static final Controller SOUTH = controller(12, "sgc-south", "South Site", ACME);
    /** Seen through both companies: listed under each. */
    static final Controller SHARED = controller(13, "sgc-shared", "Shared Roof", ACME, BOLT);
    static final Controller HARBOUR = controller(14, "sgc-harbour", "Harbour", BOLT);

    ScriptedService service;
    LicenseRegistry registry;
    Directory directory;

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @BeforeEach
    void setUp() {
        service = new ScriptedService();
        service.reads.customers.addAll(List.of(ACME, BOLT));
        service.reads.controllers.addAll(List.of(NORTH, SOUTH, SHARED, HARBOUR));
        License linkedByDatalink = new License("id-L1", "L1", 10, null, null, null,
                Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"), 24, null,
                "residential", List.of("dl-7"));
        License expired = new License("id-X1", "X1", 10, null, null, null, Instant.parse("2019-01-01T00:00:00Z"),
                Instant.parse("2020-01-01T00:00:00Z"), 12, null, "residential", List.of());
        License activeButFree = new License("id-A1", "A1", 10, null, null, null,
                Instant.parse("2025-05-01T00:00:00Z"), Instant.parse("2025-05-02T00:00:00Z"), 12, null,
                "residential", List.of());
        // ends on 15 June, within the 30 days of "expiring" on 1 June
        License expiring = new License("id-E1", "E1", 10, null, null, null, Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2024-06-15T00:00:00Z"), 12, null, "commercial", List.of());
        service.reads.licensesByCustomerUuid.put(ACME.uuid(), List.of(
                license("R1", "residential", "2025-01-01"), license("R2", "residential", "2025-02-01"),
                license("C1", "commercial", "2025-01-15"), linkedByDatalink, expired, activeButFree, expiring,
                // claimed to North: only North's list tells (the customer's answer has no datalink for it)
                license("K1", "residential", "2024-01-01")));
        service.reads.licensesByNodeId.put(NORTH.nodeId(), List.of(active("K1", "residential")));
        service.reads.licensesByNodeId.put(SHARED.nodeId(), List.of(active("C9", "commercial")));
        registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        directory = new Directory(service, TaskRunner.inline());
    }

    static License active(String key, String type) {
        return new License("id-" + key, key, 10, null, null, null, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-03-01T00:00:00Z"), 12, null, type, List.of());
    }

    AssignViewModel viewModel(TaskRunner tasks) {
        return new AssignViewModel(service, tasks, registry, directory, Clock.fixed(NOW, BRUSSELS));
    }

    AssignViewModel openedOnAcme() {
        AssignViewModel vm = viewModel(TaskRunner.inline());
        vm.open(ACME);
        return vm;
    }

    static List<String> keys(List<LicenseRow> rows) {
        return rows.stream().map(LicenseRow::getKey).toList();
    }

    static ControllerItem item(AssignViewModel vm, Controller c) {
        return vm.controllers().stream().filter(i -> i.nodeId().equals(c.nodeId())).findFirst().orElseThrow();
    }

    static LicenseRow free(AssignViewModel vm, String key) {
        return vm.freeLicenses().stream().filter(r -> r.getKey().equals(key)).findFirst().orElseThrow();
    }

    static QueuedPair pair(AssignViewModel vm, String key) {
        return vm.queue().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    void queue(AssignViewModel vm, String key, Controller c) {
        assertThat(vm.queue(free(vm, key), item(vm, c))).as("queued " + key).isTrue();
    }

    @Test
    void showsTheFreeLicensesAndTheCustomersControllersWithWhatTheyHave() {
        AssignViewModel vm = openedOnAcme();

        // L1 names a datalink, K1 is listed by North: neither is free
        assertThat(keys(vm.freeLicenses())).containsExactlyInAnyOrder("R1", "R2", "C1", "X1", "A1", "E1");
        assertThat(vm.controllers()).extracting(ControllerItem::nodeId)
                .containsExactly(NORTH.nodeId(), SOUTH.nodeId(), SHARED.nodeId());
        assertThat(keys(item(vm, NORTH).licenses())).containsExactly("K1");
        assertThat(keys(item(vm, SOUTH).licenses())).isEmpty();
        assertThat(item(vm, SOUTH).loadingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("6 free licenses \u00b7 3 controllers");
        // the shared controller is one of Bolt's too
        vm.customerProperty().set(BOLT);
        assertThat(vm.controllers()).extracting(ControllerItem::nodeId)
                .containsExactly(SHARED.nodeId(), HARBOUR.nodeId());
        assertThat(vm.freeLicenses()).isEmpty();
    }

    @Test
    void queueingTakesTheLicenseOffTheFreeListAndRemovingGivesItBack() {
        AssignViewModel vm = openedOnAcme();
        vm.selectedLicenseProperty().set(free(vm, "R1"));
        vm.selectedControllerProperty().set(item(vm, SOUTH));
        assertThat(vm.pairTextProperty().get()).isEqualTo("R1 \u2192 South Site (sgc-south)");

        assertThat(vm.queueSelected()).isTrue();

        QueuedPair queued = pair(vm, "R1");
        assertThat(queued.nodeId()).isEqualTo(SOUTH.nodeId());
        assertThat(queued.getState()).isEqualTo(State.QUEUED);
        assertThat(queued.planText()).isEqualTo("claim only");
        assertThat(keys(vm.freeLicenses())).doesNotContain("R1");
        assertThat(vm.selectedLicenseProperty().get()).as("the next license is picked anew").isNull();
        assertThat(vm.canRunProperty().get()).isTrue();
        // the same license cannot be queued twice
        assertThat(vm.queueDropped("R1", NORTH.nodeId())).isFalse();
        assertThat(vm.queue()).hasSize(1);

        vm.selectedPairProperty().set(queued);
        vm.removeSelected();
        assertThat(vm.queue()).isEmpty();
        assertThat(keys(vm.freeLicenses())).contains("R1");
        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(service.sent).as("queueing sends nothing").isEmpty();
    }

    @Test
    void activateAtIsCheckedLikeTheDialogAndTakenInTheUsersZone() {
        AssignViewModel vm = openedOnAcme();
        ActivationChoice when = vm.when();
        assertThat(when.dateTextProperty().get()).as("the next full hour in Brussels").isEqualTo("2025-06-01");
        assertThat(when.timeTextProperty().get()).isEqualTo("13:00");
        when.modeProperty().set(Mode.AT);
        when.dateTextProperty().set("2025-02-30");
        assertThat(when.dateErrorProperty().get()).as("quiet until the field is left or a pair queued").isEmpty();

        assertThat(vm.queue(free(vm, "R1"), item(vm, SOUTH))).isFalse();

        assertThat(when.dateErrorProperty().get()).isEqualTo(I18n.t("input.date.noSuchDay", "2025-02-30", 28));
        assertThat(vm.queue()).isEmpty();
        when.dateTextProperty().set("2025-06-10");
        when.timeTextProperty().set("14:30");
        assertThat(when.dateErrorProperty().get()).isEmpty();
        queue(vm, "R1", SOUTH);
        assertThat(pair(vm, "R1").plan().at()).isEqualTo(Instant.parse("2025-06-10T12:30:00Z"));
        assertThat(pair(vm, "R1").plan().activates()).isTrue();
        // the clocks skip 02:30 on 30 March in Brussels: refused with that reason, as in the dialog
        when.dateTextProperty().set("2025-03-30");
        when.timeTextProperty().set("02:30");
        assertThat(vm.queue(free(vm, "R2"), item(vm, SOUTH))).isFalse();
        assertThat(when.momentErrorProperty().get()).contains("the clocks skip that hour");
        // an already activated license is only claimed
        when.modeProperty().set(Mode.NOW);
        queue(vm, "A1", NORTH);
        assertThat(pair(vm, "A1").plan().activates()).isFalse();
        assertThat(pair(vm, "A1").planText()).isEqualTo("claim only (already activated)");
    }

    @Test
    void suggestsAFreeLicenseOfATypeForEachControllerWithoutOneAndQueuesThemAll() {
        AssignViewModel vm = openedOnAcme();

        // North has a residential license, so it gets a commercial one: C1, not yet activated, before the older
        // but expiring E1; the oldest license of a type goes first; the expired X1 and Bolt's Harbour never
        assertThat(vm.suggestions()).extracting(s -> s.license().getKey() + "->" + s.controller().nodeId())
                .containsExactly("C1->sgc-north", "R1->sgc-south", "R2->sgc-shared");

        vm.acceptSuggestions();

        assertThat(vm.queue()).extracting(p -> p.key() + "->" + p.nodeId())
                .containsExactly("C1->sgc-north", "R1->sgc-south", "R2->sgc-shared");
        assertThat(vm.suggestions()).as("every controller has a pair in the queue").isEmpty();
        vm.selectedPairProperty().set(pair(vm, "R1"));
        vm.removeSelected();
        assertThat(vm.suggestions()).extracting(s -> s.license().getKey() + "->" + s.controller().nodeId())
                .containsExactly("R1->sgc-south");
    }

    @Test
    void runsEveryClaimThenTheActivationsAndAFailureInTheMiddleStopsOnlyItsPair() {
        AssignViewModel vm = openedOnAcme();
        vm.when().modeProperty().set(Mode.NOW);
        queue(vm, "R1", SOUTH);
        queue(vm, "C1", NORTH);
        queue(vm, "R2", SHARED);
        ApiException unknown = new ApiException(ErrorKind.NOT_FOUND, 404, "Not Found", "no such license", null,
                null);
        service.claimFailures.put("C1", unknown);

        vm.runQueue();

        assertThat(service.sent).containsExactly("claim R1 sgc-south", "claim C1 sgc-north", "claim R2 sgc-shared",
                "activate R1 now", "activate R2 now");
        assertThat(pair(vm, "R1").getState()).isEqualTo(State.DONE);
        assertThat(pair(vm, "R2").getState()).isEqualTo(State.DONE);
        assertThat(pair(vm, "C1").getState()).isEqualTo(State.FAILED);
        assertThat(pair(vm, "C1").messageProperty().get())
                .isEqualTo(ErrorMessages.describe(unknown, ErrorMessages.Action.CLAIM));
        assertThat(pair(vm, "R1").messageProperty().get()).startsWith("Claimed to South Site (sgc-south); activated");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get())
                .isEqualTo("Finished: 2 done \u00b7 0 claimed, not activated \u00b7 1 failed");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canRunProperty().get()).as("nothing is left to run").isFalse();
        // the read-back would look under the customer and the controller
        assertThat(service.contexts.get("R1").customer()).isEqualTo(ACME);
        assertThat(service.contexts.get("R1").controllers()).containsExactly(SOUTH.nodeId());

        // the registry, the one owner of the rows, learnt it: every view shows it at once
        LicenseRow r1 = registry.byKey("R1").orElseThrow();
        assertThat(r1.getControllers()).containsExactly(SOUTH.nodeId());
        assertThat(r1.getLicense().activationDate()).isEqualTo(ScriptedService.SERVER_NOW);
        assertThat(keys(item(vm, SOUTH).licenses())).containsExactly("R1");
        assertThat(registry.byKey("C1").orElseThrow().getControllers()).isEmpty();

        vm.clearFinished();
        assertThat(vm.queue()).isEmpty();
        // the failed one is free again, the claimed ones are not
        assertThat(keys(vm.freeLicenses())).contains("C1").doesNotContain("R1", "R2");
    }

    @Test
    void aLostAnswerIsReadBackNeverSentAgainAndSaidInWords() {
        AssignViewModel vm = openedOnAcme();
        queue(vm, "R1", SOUTH);
        vm.when().modeProperty().set(Mode.NOW);
        queue(vm, "R2", SHARED);
        service.claimsLostButDone.add("R1");
        service.claimsLostUnknown.add("R2");
        List<String> said = new ArrayList<>();
        pair(vm, "R1").messageProperty().addListener((o, before, now) -> said.add(now));

        vm.runQueue();

        assertThat(said).as("the pair says the answer is being checked").contains(I18n.t("outcome.checking"));
        assertThat(service.sent).containsExactly("claim R1 sgc-south", "claim R2 sgc-shared");
        assertThat(pair(vm, "R1").getState()).isEqualTo(State.DONE);
        assertThat(pair(vm, "R1").messageProperty().get())
                .isEqualTo(I18n.t("outcome.claim.lostDone", "South Site (sgc-south)"));
        assertThat(registry.byKey("R1").orElseThrow().getControllers()).containsExactly(SOUTH.nodeId());
        // nobody knows whether R2 was claimed: it is not activated, and it stays out of the free list
        assertThat(pair(vm, "R2").getState()).isEqualTo(State.FAILED);
        assertThat(pair(vm, "R2").messageProperty().get())
                .isEqualTo(I18n.t("outcome.claim.lostUnknown", "Shared Roof (sgc-shared)"));
        assertThat(keys(vm.freeLicenses())).doesNotContain("R2");
        assertThat(vm.canRunProperty().get()).as("neither is sent again").isFalse();
    }

    @Test
    void aLostActivationAnswerReadBackAsDoneSaysSo() {
        AssignViewModel vm = openedOnAcme();
        vm.when().modeProperty().set(Mode.NOW);
        queue(vm, "R1", SOUTH);
        service.activationsLostButDone.add("R1");

        vm.runQueue();

        assertThat(service.sent).containsExactly("claim R1 sgc-south", "activate R1 now");
        assertThat(pair(vm, "R1").getState()).isEqualTo(State.DONE);
        assertThat(pair(vm, "R1").messageProperty().get()).startsWith("Claimed to South Site (sgc-south). "
                + "The answer from the server was lost. Read back: the license is now activated");
    }

    @Test
    void anActivationNotAllowedForTheAccountLeavesThePairClaimedAndSaysSo() {
        AssignViewModel vm = openedOnAcme();
        vm.when().modeProperty().set(Mode.NOW);
        queue(vm, "R1", SOUTH);
        service.activateFailures.put("R1", new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden",
                "no right to activate", null, null));

        vm.runQueue();

        assertThat(pair(vm, "R1").getState()).isEqualTo(State.PARTLY);
        assertThat(pair(vm, "R1").messageProperty().get())
                .isEqualTo("Claimed; activation not allowed for your account.");
        assertThat(registry.byKey("R1").orElseThrow().getControllers()).containsExactly(SOUTH.nodeId());
        assertThat(registry.byKey("R1").orElseThrow().getLicense().activationDate()).isNull();
        assertThat(vm.progressTextProperty().get())
                .isEqualTo("Finished: 0 done \u00b7 1 claimed, not activated \u00b7 0 failed");
    }

    @Test
    void aFewControllersLoadAtOnce() {
        Customer many = new Customer(3, "cccc3333-0000-4000-8000-000000000003", "Many Sites");
        service.reads.customers.add(many);
        for (int i = 0; i < 6; i++) {
            service.reads.controllers.add(controller(20 + i, "sgc-many-" + i, "Site " + i, many));
        }
        Deque<Runnable> background = new ArrayDeque<>();
        AssignViewModel vm = viewModel(new TaskRunner(background::add, Runnable::run));

        vm.open(many);

        assertThat(background).as("the customer's licenses, and four controllers").hasSize(1 + Bounded.IN_FLIGHT);
        background.poll().run();
        background.poll().run();
        assertThat(background).as("the fifth controller starts when one ends").hasSize(Bounded.IN_FLIGHT);
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertThat(vm.controllers()).hasSize(6).allSatisfy(c -> assertThat(c.loadingProperty().get()).isFalse());
        assertThat(service.reads.controllerLicenseCalls).hasSize(6);
    }

    @Test
    void aFewCallsRunAtOnceAndTheQueueCannotBeChangedUnderTheRun() {
        Deque<Runnable> background = new ArrayDeque<>();
        AssignViewModel vm = viewModel(new TaskRunner(background::add, Runnable::run));
        vm.open(ACME);
        while (!background.isEmpty()) {
            background.poll().run();
        }
        for (String key : List.of("R1", "R2", "C1", "X1", "A1")) {
            queue(vm, key, SOUTH);
        }
        vm.selectedPairProperty().set(pair(vm, "R1"));

        vm.runQueue();

        assertThat(background).hasSize(Bounded.IN_FLIGHT);
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.canRemoveProperty().get()).isFalse();
        vm.removeSelected();
        assertThat(vm.queue()).hasSize(5);
        vm.runQueue(); // a second Run while one runs sends nothing more
        assertThat(background).hasSize(Bounded.IN_FLIGHT);
        background.poll().run();
        assertThat(vm.progressTextProperty().get()).isEqualTo("1 of 5 steps done");
        assertThat(background).as("the fifth starts when one ends").hasSize(Bounded.IN_FLIGHT);
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertThat(service.sent).hasSize(5);
        assertThat(vm.queue()).allSatisfy(p -> assertThat(p.getState()).isEqualTo(State.DONE));
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void anAnswerForAnEarlierCustomerIsDropped() {
        Deque<Runnable> background = new ArrayDeque<>();
        AssignViewModel vm = viewModel(new TaskRunner(background::add, Runnable::run));
        vm.open(ACME);
        Runnable acmeLicenses = background.poll();
        background.clear();
        vm.customerProperty().set(BOLT);
        while (!background.isEmpty()) {
            background.poll().run();
        }

        acmeLicenses.run();

        assertThat(vm.freeLicenses()).isEmpty();
        assertThat(vm.controllers()).extracting(ControllerItem::nodeId)
                .containsExactly(SHARED.nodeId(), HARBOUR.nodeId());
    }

    @Test
    void aClaimMadeElsewhereShowsUnderTheControllerAndLeavesTheFreeList() {
        AssignViewModel vm = openedOnAcme();

        registry.linkController("R1", NORTH.nodeId()); // what the claim dialog's outcome teaches the registry

        assertThat(keys(vm.freeLicenses())).doesNotContain("R1");
        assertThat(keys(item(vm, NORTH).licenses())).as("the news first").containsExactly("R1", "K1");
    }

    @Test
    void aControllerWhoseLicensesCannotBeLoadedSaysWhyAndIsNotSuggested() {
        ApiException down = new ApiException(ErrorKind.SERVER, 503, null, null, null, null);
        service.reads.failures.put(SOUTH.nodeId(), down);

        AssignViewModel vm = openedOnAcme();

        assertThat(item(vm, SOUTH).errorProperty().get())
                .isEqualTo(ErrorMessages.describe(down, ErrorMessages.Action.LOAD_CONTROLLER_LICENSES));
        assertThat(vm.suggestions()).extracting(s -> s.controller().nodeId()).doesNotContain(SOUTH.nodeId());
        // it can still be picked by hand: the claim does not depend on that list
        queue(vm, "R1", SOUTH);
    }
}
