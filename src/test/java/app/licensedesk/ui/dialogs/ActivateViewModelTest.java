package app.licensedesk.ui.dialogs;

import app.licensedesk.model.ErrorKind;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Customer;
import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.service.Failure;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.service.LicenseOutcome.Action;
import app.licensedesk.service.LicenseOutcome.Status;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivateViewModelTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Instant NOW = Instant.parse("2026-11-30T10:15:00Z");
    private static final String KEY = "SG1-RES-7K3M-Q9XA";

    private final FakeLicenseDeskService service = new FakeLicenseDeskService();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LicenseRegistry registry = new LicenseRegistry(LicenseTerms.defaults(), clock);
    private final List<License> succeeded = new ArrayList<>();
    private LicenseRow row;

    @BeforeEach
    void knownRow() {
        row = registry.put(FakeLicenseDeskService.license(KEY, null), new Customer(7, "c-uuid", "Acme BV"));
    }

    private ActivateViewModel vm(String key, Environment environment) {
        return new ActivateViewModel(service, TaskRunner.inline(), registry, environment, key, BRUSSELS, clock);
    }

    private ActivateViewModel vm(String key) {
        return vm(key, Environment.production());
    }

    @Test
    void prefilledKeyIsNormalizedAndNowNeedsNoDate() {
        ActivateViewModel vm = vm("  SG1-RES-\n7K3M-Q9XA ");

        assertThat(vm.normalizedKeyProperty().get()).isEqualTo(KEY);
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();
        assertThat(vm.activationInstantProperty().get()).isNull();
        assertThat(vm.activationIsoProperty().get()).isEmpty();
        assertThat(vm.utcTextProperty().get()).isEqualTo(I18n.t("activate.utc.now"));
        assertThat(vm.confirmationProperty().get())
                .isEqualTo("Activate SG1-RES-7K3M-Q9XA now in Eniris production (https://api.eniris.be)?");
        assertThat(vm.isProduction()).isTrue();
    }

    @Test
    void keyMustNotBeEmptyNorLongerThanFifty() {
        ActivateViewModel vm = vm(null);
        // no red text before the user has been in the field
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isTrue();
        vm.keyTouched();
        assertThat(vm.keyErrorProperty().get()).isEqualTo(I18n.t("input.key.empty"));
        assertThat(vm.invalidProperty().get()).isTrue();
        assertThat(vm.confirmationProperty().get()).isEmpty();

        vm.keyProperty().set("K".repeat(51));
        assertThat(vm.keyErrorProperty().get()).contains("50").contains("51");
        assertThat(vm.invalidProperty().get()).isTrue();

        vm.keyProperty().set("K".repeat(50));
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();
    }

    @Test
    void activateAtStartsAtTheNextFullHourInTheUsersZone() {
        ActivateViewModel vm = vm(KEY);
        // 10:15 UTC is 11:15 in Brussels in winter
        assertThat(vm.dateTextProperty().get()).isEqualTo("2026-11-30");
        assertThat(vm.dateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(vm.timeProperty().get()).isEqualTo("12:00");
    }

    @Test
    void localDateAndTimeBecomeTheUtcInstantThatIsSent() {
        ActivateViewModel vm = vm(KEY, Environment.sandbox("http://127.0.0.1:8080"));
        vm.activateNowProperty().set(false);
        vm.dateTextProperty().set("2026-12-01");
        vm.timeProperty().set("09:00");

        assertThat(vm.activationInstantProperty().get()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(vm.activationIsoProperty().get()).isEqualTo("2026-12-01T08:00:00Z");
        // said in words, not as the wire field
        assertThat(vm.utcTextProperty().get()).isEqualTo("2026-12-01 08:00 UTC");
        assertThat(vm.invalidProperty().get()).isFalse();
        assertThat(vm.confirmationProperty().get()).startsWith("Activate SG1-RES-7K3M-Q9XA from ")
                .endsWith(" in Local sandbox (http://127.0.0.1:8080)?");
        assertThat(vm.isProduction()).isFalse();

        // summer time: Brussels is UTC+2, and a one-digit hour is fine
        vm.dateTextProperty().set("2026-07-01");
        vm.timeProperty().set("8:30");
        assertThat(vm.activationIsoProperty().get()).isEqualTo("2026-07-01T06:30:00Z");
        assertThat(vm.utcTextProperty().get()).isEqualTo("2026-07-01 06:30 UTC (in the past)");
    }

    @Test
    void timeMustBeHoursAndMinutesIn24Hours() {
        ActivateViewModel vm = vm(KEY);
        vm.activateNowProperty().set(false);
        vm.timeTouched();
        for (String bad : List.of("", "25:00", "12:60", "9", "ab:cd", "12.30", "7 pm")) {
            vm.timeProperty().set(bad);
            assertThat(vm.timeErrorProperty().get()).as(bad)
                    .isEqualTo("Use the format 14:30 (24 hours, 00:00 to 23:59).");
            // kept as typed, to be corrected
            assertThat(vm.timeProperty().get()).as(bad).isEqualTo(bad);
            assertThat(vm.invalidProperty().get()).as(bad).isTrue();
            assertThat(vm.activationInstantProperty().get()).as(bad).isNull();
            assertThat(vm.confirmationProperty().get()).as(bad).isEmpty();
        }
        vm.timeProperty().set(" 23:59 ");
        assertThat(vm.timeErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();
    }

    @Test
    void dateIsRequiredAndATimeTheClockSkipsIsRefused() {
        ActivateViewModel vm = vm(KEY);
        vm.activateNowProperty().set(false);
        vm.dateTextProperty().set("");
        vm.dateTouched();
        assertThat(vm.dateErrorProperty().get()).isEqualTo("Enter a date, for example 2026-12-01.");
        assertThat(vm.invalidProperty().get()).isTrue();

        // 29 March 2026, 02:00 in Brussels: the clocks go straight to 03:00
        vm.dateTextProperty().set("2026-03-29");
        vm.timeProperty().set("02:30");
        assertThat(vm.dateErrorProperty().get()).isEmpty();
        assertThat(vm.timeErrorProperty().get()).isEmpty();
        assertThat(vm.momentErrorProperty().get())
                .isEqualTo("02:30 does not exist on Mar 29, 2026 in Central European Time: the clocks skip that hour."
                        + " Choose another time.");
        assertThat(vm.activationInstantProperty().get()).isNull();
        assertThat(vm.invalidProperty().get()).isTrue();

        // back to "now": date and time no longer matter
        vm.activateNowProperty().set(true);
        assertThat(vm.momentErrorProperty().get()).isEmpty();
        assertThat(vm.invalidProperty().get()).isFalse();
    }

    @Test
    void aTimeThatHappensTwiceIsTheEarlierOneAndTheLineSaysSo() {
        ActivateViewModel vm = vm(KEY);
        vm.activateNowProperty().set(false);
        // 25 October 2026 in Brussels: 02:00-03:00 happens first in summer time (UTC+2), then in winter time
        vm.dateTextProperty().set("2026-10-25");
        vm.timeProperty().set("02:30");
        assertThat(vm.invalidProperty().get()).isFalse();
        assertThat(vm.activationInstantProperty().get()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(vm.utcTextProperty().get()).startsWith("2026-10-25 00:30 UTC").contains("twice")
                .contains("first");
    }

    @Test
    void aWrongDateIsKeptAndExplained() {
        ActivateViewModel vm = vm(KEY);
        vm.activateNowProperty().set(false);
        vm.dateTextProperty().set("2026-02-30");
        assertThat(vm.dateErrorProperty().get()).as("not shown while typing the first time").isEmpty();
        vm.dateTouched();
        assertThat(vm.dateErrorProperty().get()).isEqualTo("2026-02-30 does not exist: that month has 28 days.");
        assertThat(vm.dateTextProperty().get()).isEqualTo("2026-02-30");
        assertThat(vm.dateProperty().get()).isNull();
        assertThat(vm.invalidProperty().get()).isTrue();

        vm.dateTextProperty().set("1/12/2026");
        assertThat(vm.dateErrorProperty().get()).isEqualTo("Use the format 2026-12-01 (year-month-day).");
        vm.dateTextProperty().set("2026-13-01");
        assertThat(vm.dateErrorProperty().get()).startsWith("2026-13-01 is not a date");
        // the service takes activation years 2000 to 2100 only
        for (String outside : List.of("1999-12-31", "2101-01-01", "0026-12-01")) {
            vm.dateTextProperty().set(outside);
            assertThat(vm.dateErrorProperty().get()).as(outside).isEqualTo("Choose a year from 2000 to 2100.");
            assertThat(vm.invalidProperty().get()).as(outside).isTrue();
        }
        vm.dateTextProperty().set("2100-12-31");
        assertThat(vm.dateErrorProperty().get()).isEmpty();
        assertThat(vm.activationIsoProperty().get()).isEqualTo("2100-12-31T11:00:00Z");
    }

    @Test
    void anAttemptWithWrongInputShowsEveryProblemAndSendsNothing() {
        ActivateViewModel vm = vm("");
        vm.activateNowProperty().set(false);
        vm.timeProperty().set("7 pm");
        assertThat(vm.keyErrorProperty().get()).isEmpty();
        assertThat(vm.timeErrorProperty().get()).isEmpty();

        vm.activate(succeeded::add);

        assertThat(vm.keyErrorProperty().get()).isEqualTo(I18n.t("input.key.empty"));
        assertThat(vm.timeErrorProperty().get()).startsWith("Use the format 14:30");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void theNoticeSaysWhatChangedFromTheServersAnswer() {
        ActivateViewModel vm = vm(KEY);
        // NOW is 10:15 UTC; Brussels is UTC+1 in winter
        assertThat(vm.doneText(FakeLicenseDeskService.license(KEY, NOW)))
                .isEqualTo("SG1-RES-7K3M-Q9XA activated at Nov 30, 2026, 11:15 AM");
        assertThat(vm.doneText(FakeLicenseDeskService.license(KEY, Instant.parse("2026-12-01T08:00:00Z"))))
                .isEqualTo("SG1-RES-7K3M-Q9XA will activate at Dec 1, 2026, 9:00 AM");
        assertThat(vm.doneText(FakeLicenseDeskService.license(KEY, null))).isEqualTo("SG1-RES-7K3M-Q9XA activated");
    }

    @Test
    void theZoneIsNamedAsPeopleKnowIt() {
        assertThat(ActivationMoment.zoneName(ZoneId.of("Etc/UTC"))).isEqualTo("UTC");
        assertThat(ActivationMoment.zoneName(ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(ActivationMoment.zoneName(ZoneId.of("UTC"))).isEqualTo("UTC");
        assertThat(ActivationMoment.zoneName(BRUSSELS)).isEqualTo("Central European Time");
        ActivateViewModel vm = vm(KEY);
        for (boolean now : List.of(true, false)) {
            vm.activateNowProperty().set(now);
            assertThat(vm.utcTextProperty().get()).doesNotContain("activationIso").doesNotContain("Etc/");
        }
    }

    @Test
    void successUpdatesTheSharedRowAndReturnsTheLicense() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        List<Boolean> busyDuringCall = new ArrayList<>();
        ActivateViewModel vm = vm(KEY);
        service.onActivate = (key, when) -> {
            busyDuringCall.add(vm.busyProperty().get());
            return FakeLicenseDeskService.license(key, when);
        };
        vm.activateNowProperty().set(false);
        vm.dateTextProperty().set("2026-12-01");
        vm.timeProperty().set("09:00");

        vm.activate(succeeded::add);

        assertThat(service.calls).containsExactly("activate " + KEY + " " + at);
        assertThat(busyDuringCall).containsExactly(true);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0).activationDate()).isEqualTo(at);
        assertThat(vm.resultProperty().get()).isEqualTo(succeeded.get(0));
        assertThat(vm.errorProperty().get()).isEmpty();
        // the one shared row changed in place, and kept its customer
        assertThat(registry.byKey(KEY)).containsSame(row);
        assertThat(row.getLicense().activationDate()).isEqualTo(at);
        assertThat(row.getStatus()).isEqualTo(LicenseStatus.SCHEDULED);
        assertThat(row.getCustomer().name()).isEqualTo("Acme BV");
    }

    @Test
    void theActivationAnswerCarriesNoDatalinksSoTheRowKeepsThem() {
        LicenseRow linked = registry.put(new License("id-DL", "SG1-DL", 10, 8, 5, null, NOW, null, 12, null,
                "residential", List.of("dl-1")), new Customer(7, "c-uuid", "Acme BV"));
        ActivateViewModel vm = vm("SG1-DL");
        // the documented activate answer: every field but datalinks
        service.onActivate = (key, when) -> new License("id-DL", key, 10, 8, 5, null, NOW, NOW, 12, null,
                "residential", List.of(), EnumSet.complementOf(EnumSet.of(License.Field.DATALINKS)));

        vm.activate(succeeded::add);

        assertThat(linked.getLicense().activationDate()).isEqualTo(NOW);
        assertThat(linked.getLicense().datalinks()).containsExactly("dl-1");
    }

    @Test
    void activateNowSendsNoInstant() {
        ActivateViewModel vm = vm(KEY);
        service.onActivate = (key, when) -> FakeLicenseDeskService.license(key, NOW);

        vm.activate(succeeded::add);

        assertThat(service.calls).containsExactly("activate " + KEY + " null");
        assertThat(row.getStatus()).isEqualTo(LicenseStatus.ACTIVE);
    }

    @Test
    void failuresKeepTheInputAndSayWhy() {
        ActivateViewModel vm = vm(" " + KEY);
        vm.activateNowProperty().set(false);
        vm.dateTextProperty().set("2026-12-01");
        vm.timeProperty().set("09:00");

        service.onActivate = (k, at) -> {
            throw new ApiException(ErrorKind.FORBIDDEN, 403, "Forbidden", "no right", null, null);
        };
        vm.activate(succeeded::add);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.forbidden.activate"));
        assertInputKept(vm);

        service.onActivate = (k, at) -> {
            throw new ApiException(ErrorKind.VALIDATION, 400, "Bad Request", "already activated", null, null);
        };
        vm.activate(succeeded::add);
        assertThat(vm.errorProperty().get()).contains("not activated").contains("already activated");
        assertInputKept(vm);

        service.onActivate = (k, at) -> {
            throw new ApiException(ErrorKind.NOT_FOUND, 404, "Not Found", "unknown", null, null);
        };
        vm.activate(succeeded::add);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.notFound.license"));
        assertInputKept(vm);

        service.onActivate = (k, at) -> {
            throw new IllegalStateException("bug");
        };
        vm.activate(succeeded::add);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.unexpected", "IllegalStateException"));
        assertInputKept(vm);

        assertThat(service.calls).hasSize(4);
        assertThat(succeeded).isEmpty();
        assertThat(row.getLicense().activationDate()).isNull();

        // editing the input makes the old reason go away
        vm.timeProperty().set("10:00");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    private static LicenseOutcome outcome(Status status, License license, ApiException failure) {
        return new LicenseOutcome(Action.ACTIVATE, status, KEY, null, license, null,
            Failure.of(failure).orElse(null));
    }

    @Test
    void alreadyActivatedSaysSinceWhenAndTheRowLearnsIt() {
        Instant since = Instant.parse("2026-10-01T08:00:00Z");
        service.activateOutcome = outcome(Status.ALREADY, FakeLicenseDeskService.license(KEY, since),
                new ApiException(ErrorKind.VALIDATION, 400, "Bad Request", "License already activated",
                        null, null));
        ActivateViewModel vm = vm(KEY);

        vm.activate(succeeded::add);

        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("outcome.activate.already", Formats.dateTime(since),
                "License already activated"));
        assertThat(vm.errorProperty().get()).contains("already activated (").doesNotContain("may");
        assertThat(row.getLicense().activationDate()).isEqualTo(since);
        assertThat(succeeded).isEmpty();
        // the service was told where to read the license back from: its customer
        assertThat(service.contexts).extracting(c -> c.customer().name()).containsExactly("Acme BV");
    }

    @Test
    void aLostAnswerIsCheckedAndAnActivationThatWasAppliedSucceedsSayingSo() {
        ActivateViewModel vm = vm(KEY);
        List<String> whileChecking = new ArrayList<>();
        service.duringCheck = () -> whileChecking.add(vm.errorProperty().get());
        service.activateOutcome = outcome(Status.LOST_DONE, FakeLicenseDeskService.license(KEY, NOW),
                new ApiException(ErrorKind.TIMEOUT, "slow", null));

        vm.activate(succeeded::add);

        assertThat(whileChecking).containsExactly(I18n.t("outcome.checking"));
        assertThat(succeeded).singleElement()
            .satisfies(l -> assertThat(l.activationDate()).isEqualTo(NOW));
        assertThat(vm.doneText(succeeded.get(0))).endsWith(I18n.t("notice.readBack"));
        assertThat(row.getStatus()).isEqualTo(LicenseStatus.ACTIVE);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(service.calls).hasSize(1);
    }

    @Test
    void aLostAnswerThatWasNotAppliedMayBeTriedAgain() {
        ActivateViewModel vm = vm(KEY);
        service.activateOutcome = outcome(Status.LOST_NOT_DONE, FakeLicenseDeskService.license(KEY, null),
                new ApiException(ErrorKind.NETWORK, "reset", null));

        vm.activate(succeeded::add);

        assertThat(vm.errorProperty().get()).isEqualTo("The answer from the server was lost. Read back: the license "
                + "was not activated. You can try again.");
        assertThat(vm.invalidProperty().get()).isFalse();
        assertThat(row.getStatus()).isEqualTo(LicenseStatus.NOT_ACTIVATED);

        service.activateOutcome = null;
        service.onActivate = (key, when) -> FakeLicenseDeskService.license(key, NOW);
        vm.activate(succeeded::add);
        assertThat(succeeded).hasSize(1);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aLostAnswerThatCouldNotBeReadBackIsUnknown() {
        ActivateViewModel vm = vm(KEY);
        service.activateOutcome = outcome(Status.LOST_UNKNOWN, null,
                new ApiException(ErrorKind.UNREADABLE, "garbled", null));

        vm.activate(succeeded::add);

        assertThat(vm.errorProperty().get()).contains("unknown whether it was activated").contains("Reload");
        assertThat(vm.invalidProperty().get()).isTrue();
        assertThat(row.getLicense().activationDate()).isNull();
    }

    @Test
    void theNextAttemptClearsTheOldError() {
        ActivateViewModel vm = vm(KEY);
        service.onActivate = (k, at) -> {
            throw new ApiException(ErrorKind.NETWORK, "down", null);
        };
        vm.activate(succeeded::add);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.t("error.network"));

        List<String> errorDuringCall = new ArrayList<>();
        service.onActivate = (k, at) -> {
            errorDuringCall.add(vm.errorProperty().get());
            return FakeLicenseDeskService.license(k, NOW);
        };
        vm.activate(succeeded::add);
        assertThat(errorDuringCall).containsExactly("");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(succeeded).hasSize(1);
    }

    @Test
    void invalidInputIsNotSent() {
        ActivateViewModel vm = vm("");
        vm.activate(succeeded::add);
        assertThat(service.calls).isEmpty();
    }

    private static void assertInputKept(ActivateViewModel vm) {
        assertThat(vm.keyProperty().get()).isEqualTo(" " + KEY);
        assertThat(vm.activateNowProperty().get()).isFalse();
        assertThat(vm.dateTextProperty().get()).isEqualTo("2026-12-01");
        assertThat(vm.timeProperty().get()).isEqualTo("09:00");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
