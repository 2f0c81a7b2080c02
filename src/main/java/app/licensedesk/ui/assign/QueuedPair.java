package app.licensedesk.ui.assign;

import app.licensedesk.model.Customer;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One license and one controller in the workspace's queue: what will be sent, and how it went. */
public final class QueuedPair {

    /** Where the pair is. */
    public enum State {
        /** Waiting for Run. */
        QUEUED,
        CLAIMING,
        /** Claimed; its activation runs once every claim of the run is done. */
        CLAIMED,
        ACTIVATING,
        /** Everything asked for is true now. */
        DONE,
        /** Claimed, but the activation did not happen (refused, not allowed, or unknown). */
        PARTLY,
        /** Not claimed (refused, failed, or unknown): nothing more was sent. */
        FAILED;

        /** Whether the run has finished with this pair. */
        public boolean finished() {
            return this == DONE || this == PARTLY || this == FAILED;
        }
    }

    private final LicenseRow license;
    private final ControllerItem controller;
    private final Customer customer;
    private final ActivationChoice.Plan plan;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.QUEUED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    QueuedPair(LicenseRow license, ControllerItem controller, Customer customer, ActivationChoice.Plan plan) {
        this.license = license;
        this.controller = controller;
        this.customer = customer;
        this.plan = plan;
    }

    public LicenseRow license() {
        return license;
    }

    public ControllerItem controller() {
        return controller;
    }

    /** The customer the license was listed under, for reading it back. */
    public Customer customer() {
        return customer;
    }

    public ActivationChoice.Plan plan() {
        return plan;
    }

    public String key() {
        return license.getKey();
    }

    public String nodeId() {
        return controller.nodeId();
    }

    /** "SG1-… → Site A (SGC-0001-KPWQ)". */
    public String title() {
        return I18n.t("assign.pair", key(), controller.label());
    }

    /** "claim only", "claim, then activate now", "claim, then activate at Dec 1, 2026, 2:00 PM". */
    public String planText() {
        if (plan.alreadyActivated()) {
            return I18n.t("assign.plan.alreadyActivated");
        }
        return switch (plan.mode()) {
            case CLAIM_ONLY -> I18n.t("assign.plan.claim");
            case NOW -> I18n.t("assign.plan.now");
            case AT -> I18n.t("assign.plan.at", Formats.dateTime(plan.at()));
        };
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** What happened, in words: the outcome, the reason it failed, or that a lost answer is being checked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void moveTo(State next, String words) {
        state.set(next);
        message.set(words);
    }

    void say(String words) {
        message.set(words);
    }
}
