package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Environment;
import app.licensedesk.model.License;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.service.LicenseOutcome;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the activation-date dialog: key, "now" or a local date and time in the user's zone, the UTC instant
 * that will be sent, validation, the confirmation line, and the activation itself.
 */
public final class ActivateViewModel {

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    private final LicenseDeskService service;
    private final LicenseRegistry registry;
    private final Environment environment;
    private final ZoneId zone;
    private final Clock clock;

    private final LicenseCall<License> call;
    private final BooleanProperty activateNow = new SimpleBooleanProperty(this, "activateNow", true);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");

    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper(this, "dateError", "");
    private final ReadOnlyStringWrapper timeError = new ReadOnlyStringWrapper(this, "timeError", "");
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
        // "Activate at" starts at the next full hour, a time people actually pick
        ZonedDateTime next = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        date.set(next.toLocalDate());
        time.set(String.format(Locale.ROOT, "%02d:%02d", next.getHour(), next.getMinute()));
        call.recomputeOn(this::recompute, call.keyProperty(), activateNow, date, time);
        recompute();
    }

    private void recompute() {
        boolean keyValid = call.checkKey();
        String k = call.normalizedKey();

        Instant at = null;
        String dateProblem = "";
        String timeProblem = "";
        if (!activateNow.get()) {
            LocalTime localTime = parseTime(time.get());
            if (date.get() == null) {
                dateProblem = I18n.t("activate.date.missing");
            }
            if (localTime == null) {
                timeProblem = I18n.t("activate.time.invalid");
            }
            if (date.get() != null && localTime != null) {
                LocalDateTime local = LocalDateTime.of(date.get(), localTime);
                ZonedDateTime zoned = local.atZone(zone);
                if (!zoned.toLocalDateTime().equals(local)) {
                    // the clock jumps over this time (spring forward): it does not exist here
                    timeProblem = I18n.t("activate.time.gap", zone.getId());
                } else {
                    at = zoned.toInstant();
                }
            }
        }
        dateError.set(dateProblem);
        timeError.set(timeProblem);
        activationInstant.set(at);
        activationIso.set(Formats.utcIso(at));

        boolean bad = !keyValid || !dateProblem.isEmpty() || !timeProblem.isEmpty();
        if (activateNow.get()) {
            utcText.set(I18n.t("activate.utc.now"));
        } else if (at == null) {
            utcText.set("");
        } else {
            String line = at.isBefore(clock.instant()) ? "activate.utc.past" : "activate.utc";
            utcText.set(I18n.t(line, Formats.utcIso(at)));
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
        String local = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.getDefault()).format(at.atZone(zone));
        return I18n.t("activate.confirm.at", k, where, environment.apiUrl(), local);
    }

    /** "08:00" or "8:00" (24 hours) -> the time; anything else -> null. */
    static LocalTime parseTime(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TIME.matcher(text.trim());
        return m.matches() ? LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    /**
     * Activates the license with the current input. The shared row learns the outcome (every view repaints). On
     * success {@code onSuccess} gets the license as the server describes it; otherwise the message line says what
     * is true now (refused, or the answer was lost and what the read-back showed) and the input stays as it is.
     */
    public void activate(Consumer<License> onSuccess) {
        if (!call.ready()) {
            return;
        }
        String k = call.normalizedKey();
        Instant at = activationInstant.get();
        LicenseContext seen = registry.whereSeen(k);
        call.run(I18n.t("task.activate", k), checking -> service.activate(k, at, seen, checking), outcome -> {
            if (outcome.status() == LicenseOutcome.Status.DONE) {
                call.succeeded(outcome.license(), onSuccess);
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

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
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

    /** Why the key cannot be sent, or "". */
    public ReadOnlyStringProperty keyErrorProperty() {
        return call.keyErrorProperty();
    }

    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeErrorProperty() {
        return timeError.getReadOnlyProperty();
    }

    /** The chosen activation instant, or null for "now" or while the date or time is invalid. */
    public ReadOnlyObjectProperty<Instant> activationInstantProperty() {
        return activationInstant.getReadOnlyProperty();
    }

    /** The instant exactly as sent in activationIso (e.g. 2026-12-01T08:00:00Z), or "" when none is sent. */
    public ReadOnlyStringProperty activationIsoProperty() {
        return activationIso.getReadOnlyProperty();
    }

    /** The line that shows what will be sent. */
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
