package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the activation-date dialog: key, "now" or a local date and time in the user's zone, the UTC instant
 * that will be sent, validation, the confirmation line, and the activation itself.
 */
public final class ActivateViewModel {

    /** How dates are written in the date field and read from it: 2026-12-01. */
    public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final LicenseDeskService service;
    private final LicenseRegistry registry;
    private final Environment environment;
    private final ZoneId zone;
    private final Clock clock;

    private final LicenseCall<License> call;
    private final BooleanProperty activateNow = new SimpleBooleanProperty(this, "activateNow", true);
    private final StringProperty dateText = new SimpleStringProperty(this, "dateText", "");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");

    private final ReadOnlyObjectWrapper<LocalDate> date = new ReadOnlyObjectWrapper<>(this, "date");
    private final ReadOnlyStringWrapper dateProblem = new ReadOnlyStringWrapper(this, "dateProblem", "");
    private final ReadOnlyStringWrapper timeProblem = new ReadOnlyStringWrapper(this, "timeProblem", "");
    private final ReadOnlyStringWrapper momentProblem = new ReadOnlyStringWrapper(this, "momentProblem", "");
    private final FieldProblems problems = new FieldProblems();
    private final FieldProblems.Shown keyError;
    private final FieldProblems.Shown dateError;
    private final FieldProblems.Shown timeError;
    private final FieldProblems.Shown momentError;
    private final ReadOnlyObjectWrapper<Instant> activationInstant = new ReadOnlyObjectWrapper<>(this, "instant");
    private final ReadOnlyStringWrapper activationIso = new ReadOnlyStringWrapper(this, "activationIso", "");
    private final ReadOnlyStringWrapper utcText = new ReadOnlyStringWrapper(this, "utcText", "");

    /** For the app: the user's time zone and the system clock. */
    public ActivateViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                             Environment environment, String initialKey) {
        this(service, tasks, registry, environment, initialKey, Formats.zone(), Clock.systemUTC());
    }

    /**
     * @param zone  the zone the date and time fields are in
     * @param clock "now", for the prefilled date and time and the "in the past" hint
     */
    public ActivateViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry,
                             Environment environment, String initialKey, ZoneId zone, Clock clock) {
        this.service = service;
        this.registry = registry;
        this.environment = environment;
        this.zone = zone;
        this.clock = clock;
        this.call = new LicenseCall<>(this, tasks, registry, ErrorMessages.Action.ACTIVATE, initialKey);
        keyError = problems.field(this, "keyError", call.keyErrorProperty());
        dateError = problems.field(this, "dateError", dateProblem);
        timeError = problems.field(this, "timeError", timeProblem);
        momentError = problems.field(this, "momentError", momentProblem);
        // "Activate at" starts at the next full hour, a time people actually pick
        ZonedDateTime next = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        dateText.set(DATE_FORMAT.format(next));
        time.set(ActivationMoment.timeText(next.toLocalTime()));
        call.recomputeOn(this::recompute, call.keyProperty(), activateNow, dateText, time);
        recompute();
    }

    private void recompute() {
        boolean keyValid = call.checkKey();
        String k = call.normalizedKey();

        ActivationMoment moment = ActivationMoment.read(dateText.get(), time.get(), zone);
        date.set(moment.date());
        boolean later = !activateNow.get();
        Instant at = later ? moment.instant() : null;
        String dateWhy = later ? moment.dateProblem() : "";
        String timeWhy = later ? moment.timeProblem() : "";
        String momentWhy = later ? moment.momentProblem() : "";
        String overlapNote = later ? moment.overlapNote() : null;
        dateProblem.set(dateWhy);
        timeProblem.set(timeWhy);
        momentProblem.set(momentWhy);
        activationInstant.set(at);
        activationIso.set(Formats.utcIso(at));

        boolean bad = !keyValid || !dateWhy.isEmpty() || !timeWhy.isEmpty() || !momentWhy.isEmpty();
        if (activateNow.get()) {
            utcText.set(I18n.t("activate.utc.now"));
        } else if (at == null) {
            utcText.set(I18n.t("activate.utc.none"));
        } else {
            String line = I18n.t(at.isBefore(clock.instant()) ? "activate.utc.past" : "activate.utc",
                    UTC_TEXT.format(at));
            utcText.set(overlapNote == null ? line : line + " " + overlapNote);
        }
        call.validated(bad, () -> confirmation(k));
    }

    /** "Activate KEY in ENV (URL)?", now or at the chosen local time. */
    private String confirmation(String k) {
        Instant at = activationInstant.get();
        String where = LicenseCall.environmentName(environment);
        if (at == null) {
            return I18n.t("activate.confirm.now", k, where, environment.apiUrl());
        }
        return I18n.t("activate.confirm.at", k, where, environment.apiUrl(), local(at));
    }

    /** The instant in the dialog's zone, as people read it: "Dec 1, 2026, 9:00 AM". */
    private String local(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(I18n.locale()).format(at.atZone(zone));
    }

    /**
     * What the success notice says: "SG1-… activated at Dec 1, 2026, 2:00 PM", or "… will activate at …" for a
     * moment still to come, from the server's answer.
     */
    public String doneText(License license) {
        String k = license.key() == null || license.key().isEmpty() ? call.normalizedKey() : license.key();
        Instant at = license.activationDate();
        if (at == null) {
            return call.notice(I18n.t("notice.activated.noDate", k));
        }
        return call.notice(I18n.t(at.isAfter(clock.instant()) ? "notice.scheduled" : "notice.activated", k, local(at)));
    }

    /** The user has left the key field: its problem shows from now on. */
    public void keyTouched() {
        keyError.touch();
    }

    /** The user has left the date field. */
    public void dateTouched() {
        dateError.touch();
        momentError.touch();
    }

    /** The user has left the time field. */
    public void timeTouched() {
        timeError.touch();
        momentError.touch();
    }

    /**
     * Activates the license with the current input. The shared row learns the outcome (every view repaints). On
     * success {@code onSuccess} gets the license as the server describes it; otherwise the message line says what
     * is true now (refused, or the answer was lost and what the read-back showed) and the input stays as it is.
     */
    public void activate(Consumer<License> onSuccess) {
        if (call.invalidProperty().get()) {
            problems.attempted(); // nothing is sent, but every field now says what it needs
        }
        if (!call.ready()) {
            return;
        }
        String k = call.normalizedKey();
        Instant at = activationInstant.get();
        LicenseContext seen = registry.whereSeen(k);
        call.run(I18n.t("task.activate", k), checking -> service.activate(k, at, seen, checking), outcome -> {
            if (LicenseCall.applied(outcome)) {
                call.succeeded(outcome, outcome.license(), onSuccess);
            } else {
                call.reported(outcome, ErrorMessages.describe(outcome, nodeId -> nodeId));
            }
        });
    }

    public StringProperty keyProperty() {
        return call.keyProperty();
    }

    public BooleanProperty activateNowProperty() {
        return activateNow;
    }

    /** The activation date as typed, year-month-day ({@link #DATE_FORMAT}); never changed when it is not a date. */
    public StringProperty dateTextProperty() {
        return dateText;
    }

    /** The date read from {@link #dateTextProperty()}, or null while it is not a valid activation date. */
    public ReadOnlyObjectProperty<LocalDate> dateProperty() {
        return date.getReadOnlyProperty();
    }

    /** The time of day as typed, HH:mm (24 hours). */
    public StringProperty timeProperty() {
        return time;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isProduction() {
        return environment.isProduction();
    }

    public ReadOnlyStringProperty normalizedKeyProperty() {
        return call.normalizedKeyProperty();
    }

    /** Why the key cannot be sent, once the user has left the field or tried to send; else "". */
    public ReadOnlyStringProperty keyErrorProperty() {
        return keyError.property();
    }

    /** Why the date cannot be sent (with the expected format), once shown (see {@link #keyErrorProperty()}). */
    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.property();
    }

    /** Why the time cannot be sent (with the expected format), once shown. */
    public ReadOnlyStringProperty timeErrorProperty() {
        return timeError.property();
    }

    /** Why the date and time together cannot be sent (the clocks skip that time), once shown. */
    public ReadOnlyStringProperty momentErrorProperty() {
        return momentError.property();
    }

    /** The chosen activation instant, or null for "now" or while the date or time is invalid. */
    public ReadOnlyObjectProperty<Instant> activationInstantProperty() {
        return activationInstant.getReadOnlyProperty();
    }

    /** The instant exactly as sent in activationIso (e.g. 2026-12-01T08:00:00Z), or "" when none is sent. */
    public ReadOnlyStringProperty activationIsoProperty() {
        return activationIso.getReadOnlyProperty();
    }

    /** What will be sent, in words: "2026-12-01 08:00 UTC", or that the server picks the moment. */
    public ReadOnlyStringProperty utcTextProperty() {
        return utcText.getReadOnlyProperty();
    }

    /** "Activate KEY in Eniris production (https://api.eniris.be)?", or "" while the input is invalid. */
    public ReadOnlyStringProperty confirmationProperty() {
        return call.confirmationProperty();
    }

    public ReadOnlyBooleanProperty invalidProperty() {
        return call.invalidProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return call.busyProperty();
    }

    /** Why the last attempt failed, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return call.errorProperty();
    }

    /** The activated license after success, else null. */
    public ReadOnlyObjectProperty<License> resultProperty() {
        return call.resultProperty();
    }
}
