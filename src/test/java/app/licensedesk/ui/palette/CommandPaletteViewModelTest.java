package app.licensedesk.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.RecordingDialogs;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.palette.PaletteItem.Kind;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.CannedLicenseDeskService;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.shell.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The palette's matching, grouping, ordering and actions, without the toolkit. */
class CommandPaletteViewModelTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Customer ACME = new Customer(1, "aaaa1111-0000-4000-8000-000000000001", "Acme Energy");
    static final Customer BAKKER = new Customer(2, "bbbb2222-0000-4000-8000-000000000002", "Bäckerei North");
    static final Customer NO_UUID = new Customer(3, null, "Cobalt Storage");
    static final Controller NORTH = controller("SGC-0001-NRTH", "North Site", ACME);
    static final Controller HARBOUR = controller("SGC-0002-HRBR", "Harbour", BAKKER);

    CannedLicenseDeskService service;
    Directory directory;
    LicenseRegistry registry;
    RecordingDialogs dialogs;
    final List<String> commands = new ArrayList<>();
    final List<Object> shown = new ArrayList<>();

    static Controller controller(String nodeId, String name, Customer customer) {
        return new Controller(nodeId.hashCode(), nodeId, name, "smartgridControllerSite", List.of(customer), NOW);
    }

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @BeforeEach
    void setUp() {
        service = new CannedLicenseDeskService();
        service.customers.addAll(List.of(ACME, BAKKER, NO_UUID));
        service.controllers.addAll(List.of(HARBOUR, NORTH));
        directory = new Directory(service, TaskRunner.inline());
        registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        registry.put(CannedLicenseDeskService.license("SG1-ACME-0001", null, 12), ACME);
        registry.put(CannedLicenseDeskService.license("SG1-ACME-0002", Instant.parse("2025-01-01T00:00:00Z"), 12),
                ACME);
        registry.put(CannedLicenseDeskService.license("SG1-BAK-0003", null, 12), BAKKER);
        dialogs = new RecordingDialogs(registry);
    }

    CommandPaletteViewModel palette() {
        return new CommandPaletteViewModel(directory, registry, dialogs, new PaletteCommands() {
            @Override
            public void show(Page page, Object item) {
                commands.add("show " + page);
                shown.add(item);
            }

            @Override
            public void copyKey(String key) {
                commands.add("copy " + key);
            }

            @Override
            public void reload() {
                commands.add("reload");
            }

            @Override
            public void signOut() {
                commands.add("sign out");
            }

            @Override
            public void showShortcuts() {
                commands.add("shortcuts");
            }
        }, (shortcut, index) -> shortcut == Shortcut.PAGE ? "Key+" + (index + 1) : shortcut.name());
    }

    CommandPaletteViewModel opened(String query) {
        CommandPaletteViewModel vm = palette();
        vm.open();
        vm.queryProperty().set(query);
        return vm;
    }

    /** The lines as "# Heading" and "title | detail | shortcut". */
    static List<String> lines(CommandPaletteViewModel vm) {
        return vm.items().stream().map(i -> i.isHeader() ? "# " + i.title()
                : i.title() + " | " + i.detail() + " | " + i.shortcut()).toList();
    }

    static List<String> titles(CommandPaletteViewModel vm, Kind kind) {
        return vm.items().stream().filter(i -> i.kind() == kind && !i.isHeader()).map(PaletteItem::title).toList();
    }

    @Test
    void anEmptySearchListsEveryActionTheGoToActionsFromThePageEnumFirst() {
        CommandPaletteViewModel vm = opened("");

        List<String> pages = Arrays.stream(Page.values())
                .map(p -> "Go to " + I18n.t("shell.nav." + p.name()) + " |  | Key+" + (p.ordinal() + 1)).toList();
        List<String> expected = new ArrayList<>();
        expected.add("# Actions");
        expected.addAll(pages);
        expected.addAll(List.of("Activate a license\u2026 |  | ACTIVATE", "Claim a license\u2026 |  | CLAIM",
                "Reload this page |  | RELOAD", "Keyboard shortcuts |  | SHORTCUT_SHEET", "Sign out |  | "));
        assertThat(lines(vm)).containsExactlyElementsOf(expected);
        assertThat(vm.selectedProperty().get().title()).isEqualTo("Go to Customers");
    }

    @Test
    void openingLoadsTheCustomersAndControllersAndTheResultsFollowThem() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        directory = new Directory(service, new TaskRunner(background::add, Runnable::run));
        CommandPaletteViewModel vm = palette();
        vm.queryProperty().set("north");

        vm.open();
        assertThat(vm.showingProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Loading customers and controllers\u2026");
        assertThat(titles(vm, Kind.CUSTOMER)).isEmpty();
        while (!background.isEmpty()) {
            background.poll().run();
        }

        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(titles(vm, Kind.CUSTOMER)).containsExactly("Bäckerei North");
        assertThat(titles(vm, Kind.CONTROLLER)).containsExactly("North Site", "Harbour");
        assertThat(service.customerCalls).isEqualTo(1);
        assertThat(service.controllerCalls).isEqualTo(1);
    }

    @Test
    void customersAreFoundByNameOrUuidAndControllersByNameNodeIdOrCustomerCaseAndAccentsIgnored() {
        CommandPaletteViewModel vm = opened("BACKEREI");
        assertThat(titles(vm, Kind.CUSTOMER)).containsExactly("Bäckerei North");
        assertThat(titles(vm, Kind.CONTROLLER)).containsExactly("Harbour"); // by its customer's name

        vm.queryProperty().set("aaaa1111");
        assertThat(titles(vm, Kind.CUSTOMER)).containsExactly("Acme Energy");

        vm.queryProperty().set("sgc 0001");
        assertThat(titles(vm, Kind.CONTROLLER)).containsExactly("North Site");
        assertThat(lines(vm)).contains("North Site | SGC-0001-NRTH \u00b7 Acme Energy | ");

        vm.queryProperty().set("cobalt");
        assertThat(lines(vm)).contains("Cobalt Storage | no license view | ");
    }

    @Test
    void licenseKeysAreFoundAmongTheRowsTheRegistryKnows() {
        CommandPaletteViewModel vm = opened("sg1-acme");
        assertThat(titles(vm, Kind.LICENSE)).containsExactly("SG1-ACME-0001", "SG1-ACME-0002");
        assertThat(lines(vm)).contains("SG1-ACME-0001 | Not activated \u00b7 Acme Energy | ");
        assertThat(titles(vm, Kind.ACTION)).startsWith("Copy key SG1-ACME-0001", "Activate SG1-ACME-0001\u2026",
                "Claim SG1-ACME-0001\u2026");

        // an activated license offers no activation
        vm.queryProperty().set("SG1-ACME-0002");
        assertThat(titles(vm, Kind.LICENSE)).containsExactly("SG1-ACME-0002");
        assertThat(titles(vm, Kind.ACTION)).containsExactly("Copy key SG1-ACME-0002", "Claim SG1-ACME-0002\u2026");
    }

    @Test
    void theGroupWithTheBestMatchComesFirstEachGroupUnderItsHeading() {
        // "north": a customer whose name merely contains it, a controller whose name starts with it
        CommandPaletteViewModel vm = opened("north");
        assertThat(lines(vm)).startsWith("# Controllers", "North Site | SGC-0001-NRTH \u00b7 Acme Energy | ",
                "Harbour | SGC-0002-HRBR \u00b7 Bäckerei North | ", "# Customers");
        // the whole key: the license first, then what can be done with it
        vm.queryProperty().set("sg1-bak-0003");
        assertThat(lines(vm)).containsExactly("# Licenses", "SG1-BAK-0003 | Not activated \u00b7 Bäckerei North | ",
                "# Actions", "Copy key SG1-BAK-0003 |  | COPY_KEY", "Activate SG1-BAK-0003\u2026 |  | ACTIVATE",
                "Claim SG1-BAK-0003\u2026 |  | CLAIM");
        // an action by its words
        vm.queryProperty().set("go lic");
        assertThat(lines(vm)).containsExactly("# Actions", "Go to Licenses |  | Key+3");
        // "acme": the start of a customer's name, a word in the keys, a controller only through its customer's
        // name; on a tie (the controller and the key's actions) the fixed order of the kinds
        vm.queryProperty().set("acme");
        assertThat(vm.items().stream().filter(PaletteItem::isHeader).map(PaletteItem::kind))
                .containsExactly(Kind.CUSTOMER, Kind.LICENSE, Kind.CONTROLLER, Kind.ACTION);
    }

    @Test
    void eachGroupHasItsLimit() {
        for (int i = 0; i < 30; i++) {
            service.customers.add(new Customer(100 + i, null, String.format(Locale.ROOT, "Zeta %02d", i)));
            registry.put(License.ofKey(String.format(Locale.ROOT, "ZETA-%02d", i)), null);
        }
        directory.reloadCustomers();
        CommandPaletteViewModel vm = opened("zeta");
        assertThat(titles(vm, Kind.CUSTOMER)).hasSize(CommandPaletteViewModel.MAX_CUSTOMERS).startsWith("Zeta 00");
        assertThat(titles(vm, Kind.LICENSE)).hasSize(CommandPaletteViewModel.MAX_LICENSES).startsWith("ZETA-00");
    }

    @Test
    void upAndDownSkipTheHeadingsAndStopAtTheEnds() {
        CommandPaletteViewModel vm = opened("north");
        assertThat(vm.selectedProperty().get().title()).isEqualTo("North Site");
        vm.moveUp();
        assertThat(vm.selectedProperty().get().title()).isEqualTo("North Site");
        vm.moveDown();
        vm.moveDown(); // over "# Customers"
        assertThat(vm.selectedProperty().get().title()).isEqualTo("Bäckerei North");
        for (int i = 0; i < 20; i++) {
            vm.moveDown();
        }
        assertThat(vm.selectedProperty().get()).isEqualTo(vm.items().get(vm.items().size() - 1));
        vm.pick(vm.items().get(0)); // a heading cannot be picked
        assertThat(vm.selectedProperty().get()).isEqualTo(vm.items().get(vm.items().size() - 1));
    }

    @Test
    void enterClosesThePaletteThenShowsTheResultInItsPage() {
        CommandPaletteViewModel vm = opened("backerei");
        vm.runSelected();
        assertThat(vm.showingProperty().get()).isFalse();
        assertThat(commands).containsExactly("show CUSTOMERS");
        assertThat(shown).containsExactly(BAKKER);

        vm.open();
        assertThat(vm.queryProperty().get()).isEqualTo("backerei"); // kept, for the view to select
        vm.queryProperty().set("harbour");
        vm.runSelected();
        vm.open();
        vm.queryProperty().set("SG1-BAK-0003");
        vm.runSelected();
        assertThat(commands).containsExactly("show CUSTOMERS", "show CONTROLLERS", "show LICENSES");
        assertThat(shown).containsExactly(BAKKER, HARBOUR, registry.byKey("SG1-BAK-0003").orElseThrow());
    }

    @Test
    void theActionsDoWhatTheySay() {
        CommandPaletteViewModel vm = opened("");
        for (String title : List.of("Go to Licenses", "Reload this page", "Keyboard shortcuts", "Sign out",
                "Activate a license\u2026", "Claim a license\u2026")) {
            vm.open();
            vm.pick(vm.items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow());
            vm.runSelected();
        }
        assertThat(commands).containsExactly("show LICENSES", "reload", "shortcuts", "sign out");
        assertThat(shown).containsExactly((Object) null);
        assertThat(dialogs.activated).containsExactly((String) null);
        assertThat(dialogs.claimKeys).containsExactly((String) null);

        vm.queryProperty().set("sg1-bak-0003");
        for (String title : List.of("Copy key SG1-BAK-0003", "Activate SG1-BAK-0003\u2026",
                "Claim SG1-BAK-0003\u2026")) {
            vm.open();
            vm.pick(vm.items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow());
            vm.runSelected();
        }
        assertThat(commands).endsWith("copy SG1-BAK-0003");
        assertThat(dialogs.activated).containsExactly(null, "SG1-BAK-0003");
        assertThat(dialogs.claimKeys).containsExactly(null, "SG1-BAK-0003");

        vm.queryProperty().set("harbour");
        vm.pick(vm.items().stream().filter(i -> i.title().equals("Claim a license to Harbour\u2026")).findFirst()
                .orElseThrow());
        vm.runSelected();
        assertThat(dialogs.claimKeys).containsExactly(null, "SG1-BAK-0003", null);
        assertThat(dialogs.claimControllers).containsExactly(null, null, HARBOUR);
    }

    @Test
    void nothingFoundSaysSoAndEnterDoesNothing() {
        CommandPaletteViewModel vm = opened("  qqqq ");
        assertThat(vm.items()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.placeholderProperty().get()).startsWith("Nothing matches \u201cqqqq\u201d.");
        vm.runSelected();
        assertThat(vm.showingProperty().get()).isTrue();
        assertThat(commands).isEmpty();

        vm.close();
        assertThat(vm.showingProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadIsNamedInTheStatusLine() {
        service.customersFailure = new RuntimeException("boom");
        CommandPaletteViewModel vm = opened("x");
        assertThat(vm.statusProperty().get()).isNotEmpty().doesNotContain("Loading");
    }

    @Test
    void rowsOfTheRegistryShowTheirStatusAlone() {
        LicenseRow claimedOnly = registry.put(License.ofKey("SG1-LONE-0009"), null);
        CommandPaletteViewModel vm = opened("lone");
        assertThat(vm.items().stream().filter(i -> i.kind() == Kind.LICENSE && !i.isHeader())
                .map(PaletteItem::detail)).containsExactly(I18n.t("status." + claimedOnly.getStatus().name()));
    }
}
