package app.licensedesk.ui.assign;

import app.licensedesk.ui.dialogs.ActivateViewModel;
import app.licensedesk.ui.dialogs.ActivationMoment;
import app.licensedesk.ui.dialogs.FieldProblems;
import app.licensedesk.ui.shared.LicenseRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the workspace does after a claim, chosen on the same step as the pair: nothing, activate now, or activate at
 * a date and time in the user's zone, read and checked exactly as the activation dialog does
 * ({@link ActivationMoment}), with each problem shown at its field once the field was left or a pair was queued.
 */
public final class ActivationChoice {

    /** What follows the claim. */
    public enum Mode { CLAIM_ONLY, NOW, AT }

    /**
     * The choice as a queued pair keeps it.
     *
     * @param at               the moment for {@link Mode#AT}, else null
     * @param alreadyActivated the license was activated already, so only the claim is sent
     */
    public record Plan(Mode mode, Instant at, boolean alreadyActivated) {

        /** Whether an activation follows the claim. */
        public boolean activates() {
            return mode != Mode.CLAIM_ONLY;
        }
    }

    private final ZoneId zone;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.CLAIM_ONLY);
    private final StringProperty dateText = new SimpleStringProperty(this, "dateText", "");
    private final StringProperty timeText = new SimpleStringProperty(this, "timeText", "");
    private final ReadOnlyStringWrapper dateProblem = new ReadOnlyStringWrapper(this, "dateProblem", "");
    private final ReadOnlyStringWrapper timeProblem = new ReadOnlyStringWrapper(this, "timeProblem", "");
    private final ReadOnlyStringWrapper momentProblem = new ReadOnlyStringWrapper(this, "momentProblem", "");
    private final FieldProblems problems = new FieldProblems();
    private final FieldProblems.Shown dateError;
    private final FieldProblems.Shown timeError;
    private final FieldProblems.Shown momentError;
    private ActivationMoment moment;

    ActivationChoice(ZoneId zone, Clock clock) {
        this.zone = zone;
        dateError = problems.field(this, "dateError", dateProblem);
        timeError = problems.field(this, "timeError", timeProblem);
        momentError = problems.field(this, "momentError", momentProblem);
        // as in the activation dialog: the next full hour, a time people actually pick
        ZonedDateTime next = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        dateText.set(ActivateViewModel.DATE_FORMAT.format(next));
        timeText.set(ActivationMoment.timeText(next.toLocalTime()));
        mode.addListener(o -> recompute());
        dateText.addListener(o -> recompute());
        timeText.addListener(o -> recompute());
        recompute();
    }

    private void recompute() {
        moment = ActivationMoment.read(dateText.get(), timeText.get(), zone);
        boolean at = mode.get() == Mode.AT;
        dateProblem.set(at ? moment.dateProblem() : "");
        timeProblem.set(at ? moment.timeProblem() : "");
        momentProblem.set(at ? moment.momentProblem() : "");
    }

    /**
     * The plan for a pair with this license, or null while "activate at" has no valid moment (then every field
     * says what it needs).
     */
    Plan planFor(LicenseRow license) {
        if (mode.get() == Mode.AT && !moment.valid()) {
            problems.attempted();
            return null;
        }
        if (mode.get() != Mode.CLAIM_ONLY && license.getLicense().activationDate() != null) {
            return new Plan(Mode.CLAIM_ONLY, null, true);
        }
        return new Plan(mode.get(), mode.get() == Mode.AT ? moment.instant() : null, false);
    }

    public ZoneId zone() {
        return zone;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The date as typed, year-month-day. */
    public StringProperty dateTextProperty() {
        return dateText;
    }

    /** The time of day as typed, HH:mm (24 hours). */
    public StringProperty timeTextProperty() {
        return timeText;
    }

    /** The user has left the date field: its problem shows from now on. */
    public void dateTouched() {
        dateError.touch();
        momentError.touch();
    }

    /** The user has left the time field. */
    public void timeTouched() {
        timeError.touch();
        momentError.touch();
    }

    /** Why the date cannot be used (with the expected format), once shown; else "". */
    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.property();
    }

    public ReadOnlyStringProperty timeErrorProperty() {
        return timeError.property();
    }

    /** Why the date and time together cannot be used (the clocks skip that time), once shown. */
    public ReadOnlyStringProperty momentErrorProperty() {
        return momentError.property();
    }
}
