package app.licensedesk.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.testing.RecordingSleeper;
import app.licensedesk.api.testing.TestSettings;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.sandbox.SandboxOptions;
import app.licensedesk.sandbox.SandboxServer;
import app.licensedesk.service.Backend;
import app.licensedesk.service.Backends;
import app.licensedesk.testing.RecordingProxy;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs typed into the claim and activation dialogs, through their view models on the real client and the real
 * in-process sandbox (behind a proxy that records what reached it): each one either gets a specific message at its
 * field and sends nothing, or is sent exactly right (the body the sandbox received) and, where the sandbox has the
 * license, its state is read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputsTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    /** The dialog's "now": the past and the future are told apart by it. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final String CLAIM = "/v1/license/claim";
    private static final String ACTIVATE = "/v1/license/activate";
    private static final String FRESH = "<a fresh license of the sandbox>";
    private static final String K50 = "K".repeat(50);
    private static final String EMOJI = "\uD83D\uDD11"; // U+1F511 KEY, one code point, two UTF-16 units

    private SandboxServer sandbox;
    private RecordingProxy proxy;
    private Backend backend;
    private final Map<String, Customer> owner = new HashMap<>();
    private Controller controller;
    private final Deque<String> fresh = new ArrayDeque<>();
    private LicenseRegistry registry;

    @BeforeAll
    void start() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        proxy = new RecordingProxy(sandbox.baseUrl());
        backend = Backends.connect(Environment.sandbox(proxy.baseUrl()),
                TestSettings.fast(Clock.systemUTC(), new RecordingSleeper()));
        backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
        List<Customer> customers = backend.service().customers().stream().filter(Customer::hasLicenseView).toList();
        controller = backend.service().controllers(customers.subList(0, 1)).controllers().get(0);
        for (Customer c : customers.subList(0, 10)) {
            backend.service().licensesOfCustomer(c).stream()
                    .filter(l -> l.activationDate() == null && l.deactivationDate() == null && l.datalinks().isEmpty())
                    .forEach(l -> {
                        fresh.add(l.key());
                        owner.put(l.key(), c);
                    });
        }
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
        proxy.close();
        sandbox.close();
    }

    @BeforeEach
    void forget() {
        proxy.clear();
        registry = new LicenseRegistry(LicenseTerms.defaults(), Clock.systemUTC());
    }

    private ClaimViewModel claimDialog(String key, Controller to) {
        TaskRunner tasks = TaskRunner.inline();
        return new ClaimViewModel(backend.service(), tasks, registry, new Directory(backend.service(), tasks),
                Environment.sandbox(proxy.baseUrl()), key, to);
    }

    private ActivateViewModel activateDialog(String key) {
        return new ActivateViewModel(backend.service(), TaskRunner.inline(), registry,
                Environment.sandbox(proxy.baseUrl()), key, BRUSSELS, NOW);
    }

    private static Controller controllerWithNodeId(String nodeId) {
        return new Controller(999_999, nodeId, "Typed", "smartgridControllerSite", List.of(), null);
    }

    private static Map<String, Object> body(RecordingProxy.Seen seen) {
        JsonObject o = JsonParser.parseString(seen.body()).getAsJsonObject();
        return o.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().getAsString()));
    }

    private License readBack(String key) {
        return backend.service().licensesOfCustomer(owner.get(key)).stream().filter(l -> l.key().equals(key))
                .findFirst().orElseThrow();
    }

    // ---- license keys, in both dialogs

    /** A key as typed; {@code message} is what the key field says (null: sent), {@code sent} the key sent. */
    static Stream<Arguments> keys() {
        String tooLong = "A license key has at most 50 characters; this one has 51.";
        String tooLongWide = "A license key has at most 50 characters; this one has 51: an emoji and some other "
                + "symbols count as two.";
        return Stream.of(
                Arguments.of("empty", "", "Enter a license key.", null),
                Arguments.of("blanks only", " \t \u00A0 ", "Enter a license key.", null),
                Arguments.of("exactly 50", K50, null, K50),
                Arguments.of("51", K50 + "K", tooLong, null),
                Arguments.of("50 after trimming", "  " + K50 + " \n", null, K50),
                Arguments.of("51 after trimming", "\t" + K50 + "K  ", tooLong, null),
                Arguments.of("non-ASCII", " SG1-CAFÉ-STRAßE ", null, "SG1-CAFÉ-STRAßE"),
                Arguments.of("emoji, 50 units", EMOJI + "K".repeat(48), null, EMOJI + "K".repeat(48)),
                Arguments.of("emoji, 51 units (50 code points)", EMOJI + "K".repeat(49), tooLongWide, null),
                Arguments.of("quotes", "SG1-O'NEIL-\"X\"", null, "SG1-O'NEIL-\"X\""),
                Arguments.of("slash", "SG1/RES/ABCD", null, "SG1/RES/ABCD"),
                Arguments.of("percent", "SG1-100%-%2F", null, "SG1-100%-%2F"),
                Arguments.of("question mark and hash", "SG1?a=b#c", null, "SG1?a=b#c"),
                Arguments.of("plus", "SG1+ABCD", null, "SG1+ABCD"),
                Arguments.of("newline and tab inside", "SG1-\r\nABCD\t-EFGH", null, "SG1-ABCD-EFGH"),
                Arguments.of("a real key, pasted with blanks", FRESH, null, FRESH));
    }

    @ParameterizedTest(name = "claim, key {0}")
    @MethodSource("keys")
    void claimDialogKey(String label, String typed, String message, String sent) {
        String realKey = typed.equals(FRESH) ? fresh.pop() : null;
        String input = realKey == null ? typed : " " + realKey.substring(0, 4) + "\t" + realKey.substring(4) + "\n";
        ClaimViewModel vm = claimDialog(input, controller);
        vm.claim(claim -> { });

        if (message != null) {
            assertThat(vm.keyErrorProperty().get()).isEqualTo(message);
            assertThat(vm.invalidProperty().get()).isTrue();
            assertThat(proxy.seen("/v1/")).isEmpty();
            return;
        }
        String key = realKey == null ? sent : realKey;
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        List<RecordingProxy.Seen> posts = proxy.seen(CLAIM);
        assertThat(posts).hasSize(1);
        assertThat(body(posts.get(0))).isEqualTo(Map.of("licenseKey", key, "nodeId", controller.nodeId()));
        if (realKey == null) {
            assertThat(vm.errorProperty().get()).isEqualTo("Unknown license key or controller.");
        } else {
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.resultProperty().get().nodeId()).isEqualTo(controller.nodeId());
            assertThat(backend.service().licensesOfController(controller.nodeId())).extracting(License::key)
                    .contains(realKey);
        }
    }

    @ParameterizedTest(name = "activate now, key {0}")
    @MethodSource("keys")
    void activateDialogKey(String label, String typed, String message, String sent) {
        String realKey = typed.equals(FRESH) ? fresh.pop() : null;
        String input = realKey == null ? typed : "  " + realKey + " ";
        ActivateViewModel vm = activateDialog(input);
        vm.activate(license -> { });

        if (message != null) {
            assertThat(vm.keyErrorProperty().get()).isEqualTo(message);
            assertThat(proxy.seen("/v1/")).isEmpty();
            return;
        }
        String key = realKey == null ? sent : realKey;
        List<RecordingProxy.Seen> posts = proxy.seen(ACTIVATE);
        assertThat(posts).hasSize(1);
        assertThat(body(posts.get(0))).isEqualTo(Map.of("key", key));
        if (realKey == null) {
            assertThat(vm.errorProperty().get()).isEqualTo("No license with this key exists.");
        } else {
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(readBack(realKey).activationDate()).isNotNull();
        }
    }

    // ---- controllers' nodeIds in the claim dialog (the POST body carries them)

    static Stream<Arguments> nodeIds() {
        return Stream.of(
                Arguments.of("a/b", null), Arguments.of("a?b=c", null), Arguments.of("a#b", null),
                Arguments.of("site 1", null), Arguments.of("100%", null), Arguments.of("%2F", null),
                Arguments.of("a+b", null), Arguments.of("é", null),
                Arguments.of("", "Choose a controller."), Arguments.of("   ", "Choose a controller."));
    }

    @ParameterizedTest(name = "claim to nodeId \"{0}\"")
    @MethodSource("nodeIds")
    void claimDialogNodeId(String nodeId, String message) {
        String key = fresh.peek();
        ClaimViewModel vm = claimDialog(key, controllerWithNodeId(nodeId));
        vm.claim(claim -> { });

        if (message != null) {
            assertThat(vm.controllerErrorProperty().get()).isEqualTo(message);
            assertThat(proxy.seen("/v1/")).isEmpty();
            return;
        }
        List<RecordingProxy.Seen> posts = proxy.seen(CLAIM);
        assertThat(posts).hasSize(1);
        assertThat(body(posts.get(0))).isEqualTo(Map.of("licenseKey", key, "nodeId", nodeId));
        // no such controller: refused by the sandbox, and the key stays unclaimed
        assertThat(vm.errorProperty().get()).isEqualTo("Unknown license key or controller.");
        assertThat(readBack(key).datalinks()).isEmpty();
    }

    // ---- activation dates and times, in Brussels

    /**
     * A date and a time as typed; the problem at the date, time or date-and-time field, or (all three null) the
     * activationIso sent, with the line that shows it in UTC before sending.
     */
    static Stream<Arguments> moments() {
        String years = "Choose a year from 2000 to 2100.";
        String time = "Use the format 14:30 (24 hours, 00:00 to 23:59).";
        return Stream.of(
                Arguments.of("2027-02-30", "10:00", "2027-02-30 does not exist: that month has 28 days.", null, null,
                        null, null),
                Arguments.of("2028-02-30", "10:00", "2028-02-30 does not exist: that month has 29 days.", null, null,
                        null, null),
                Arguments.of("2027-04-31", "10:00", "2027-04-31 does not exist: that month has 30 days.", null, null,
                        null, null),
                Arguments.of("2027-13-01", "10:00", "2027-13-01 is not a date: a month is 1 to 12. Use the format "
                        + "2026-12-01 (year-month-day).", null, null, null, null),
                Arguments.of("31/12/2027", "10:00", "Use the format 2026-12-01 (year-month-day).", null, null, null,
                        null),
                Arguments.of("", "10:00", "Enter a date, for example 2026-12-01.", null, null, null, null),
                Arguments.of("0001-01-01", "10:00", years, null, null, null, null),
                Arguments.of("9999-12-31", "10:00", years, null, null, null, null),
                Arguments.of("0000-01-01", "10:00", years, null, null, null, null),
                Arguments.of("10000-01-01", "10:00", years, null, null, null, null),
                Arguments.of("2027-06-01", "24:00", null, time, null, null, null),
                Arguments.of("2027-06-01", "9.30", null, time, null, null, null),
                // the spring gap: 02:00-03:00 does not exist that night
                Arguments.of("2027-03-28", "02:30", null, null, "02:30 does not exist on Mar 28, 2027 in Central "
                        + "European Time: the clocks skip that hour. Choose another time.", null, null),
                // inside the years locally, not in UTC where the server checks them
                Arguments.of("2000-01-01", "00:30", null, null, "That is 1999-12-31 23:30 UTC, outside the years "
                        + "2000 to 2100 (in UTC) that the server accepts.", null, null),
                // the autumn overlap: 02:30 happens twice; the first (summer time, +02:00) is taken and said
                Arguments.of("2027-10-31", "02:30", null, null, null, "2027-10-31T00:30:00Z",
                        "2027-10-31 00:30 UTC (02:30 happens twice that night in Central European Time, as the clocks "
                                + "go back; this is the first of the two.)"),
                Arguments.of("2027-10-31", "03:30", null, null, null, "2027-10-31T02:30:00Z",
                        "2027-10-31 02:30 UTC"),
                Arguments.of("2100-12-31", "23:30", null, null, null, "2100-12-31T22:30:00Z",
                        "2100-12-31 22:30 UTC"),
                Arguments.of("2020-05-04", "09:15", null, null, null, "2020-05-04T07:15:00Z",
                        "2020-05-04 07:15 UTC (in the past)"),
                Arguments.of(" 2027-1-5 ", " 8:05 ", null, null, null, "2027-01-05T07:05:00Z",
                        "2027-01-05 07:05 UTC"));
    }

    @ParameterizedTest(name = "activate at \"{0}\" \"{1}\"")
    @MethodSource("moments")
    void activateDialogMoment(String date, String time, String dateError, String timeError, String momentError,
                              String iso, String utcLine) {
        String key = fresh.pop();
        ActivateViewModel vm = activateDialog(key);
        vm.activateNowProperty().set(false);
        vm.dateTextProperty().set(date);
        vm.timeProperty().set(time);
        vm.activate(license -> { });

        assertThat(vm.dateErrorProperty().get()).isEqualTo(dateError == null ? "" : dateError);
        assertThat(vm.timeErrorProperty().get()).isEqualTo(timeError == null ? "" : timeError);
        assertThat(vm.momentErrorProperty().get()).isEqualTo(momentError == null ? "" : momentError);
        if (iso == null) {
            assertThat(vm.invalidProperty().get()).isTrue();
            assertThat(vm.utcTextProperty().get()).isEqualTo("\u2014 (once the date and time are right)");
            assertThat(proxy.seen("/v1/")).isEmpty();
            fresh.push(key);
            return;
        }
        assertThat(vm.utcTextProperty().get()).isEqualTo(utcLine);
        List<RecordingProxy.Seen> posts = proxy.seen(ACTIVATE);
        assertThat(posts).hasSize(1);
        assertThat(body(posts.get(0))).isEqualTo(Map.of("key", key, "activationIso", iso));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(readBack(key).activationDate()).isEqualTo(Instant.parse(iso));
    }
}
