package app.licensedesk.ui.dialogs;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Environment;
import app.licensedesk.model.InputRules;
import app.licensedesk.model.Claim;
import app.licensedesk.service.LicenseContext;
import app.licensedesk.service.LicenseDeskService;
import app.licensedesk.ui.shared.Search;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.common.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

/**
 * The state of the license-key (claim) dialog: the key, the controller picked from the directory by name or
 * nodeId, validation, the confirmation line, and the claim itself.
 */
public final class ClaimViewModel {

    private final LicenseDeskService service;
    private final LicenseRegistry registry;
    private final Directory directory;
    private final Environment environment;

    private final LicenseCall<Claim> call;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Controller> controller = new SimpleObjectProperty<>(this, "controller");

    private final FilteredList<Controller> matches;
    private final ReadOnlyStringWrapper controllerProblem = new ReadOnlyStringWrapper(this, "controllerProblem", "");
    private final FieldProblems problems = new FieldProblems();
    private final FieldProblems.Shown keyError;
    private final FieldProblems.Shown controllerError;

    /**
     * @param initialKey        the key to prefill, or null
     * @param initialController the controller to preselect, or null
     */
    public ClaimViewModel(LicenseDeskService service, TaskRunner tasks, LicenseRegistry registry, Directory directory,
                          Environment environment, String initialKey, Controller initialController) {
        this.service = service;
        this.registry = registry;
        this.directory = directory;
        this.environment = environment;
        this.call = new LicenseCall<>(this, tasks, registry, ErrorMessages.Action.CLAIM, initialKey);
        keyError = problems.field(this, "keyError", call.keyErrorProperty());
        controllerError = problems.field(this, "controllerError", controllerProblem);
        this.matches = new FilteredList<>(directory.controllers());
        controller.set(initialController);
        search.addListener(o -> matches.setPredicate(Search.controllers(search.get())));
        call.recomputeOn(this::recompute, call.keyProperty(), controller);
        recompute();
    }

    /** Starts loading the controllers unless the directory has them (the dialog calls this when it opens). */
    public void loadControllers() {
        directory.ensureControllers();
    }


    private void recompute() {
        boolean keyValid = call.checkKey();
        Controller c = controller.get();
        String nodeProblem = InputRules.nodeIdProblem(c == null ? null : c.nodeId());
        controllerProblem.set(nodeProblem == null ? "" : I18n.t(nodeProblem));
        call.validated(!keyValid || nodeProblem != null, () -> I18n.t("claim.confirm", call.normalizedKey(),
                label(c), LicenseCall.environmentName(environment), environment.apiUrl()));
    }

    /** What the success notice says: "SG1-… claimed to controller Site A (node-1)". */
    public String doneText(Claim result) {
        String k = result.key() == null ? call.normalizedKey() : result.key();
        String nodeId = result.nodeId();
        Controller c = controller.get();
        String to = c != null && (nodeId == null || nodeId.equals(c.nodeId())) ? label(c) : nodeId;
        return call.notice(I18n.t("notice.claimed", k, to));
    }

    /** The user has left the key field: its problem shows from now on. */
    public void keyTouched() {
        keyError.touch();
    }

    /** The user has left the controller list. */
    public void controllerTouched() {
        controllerError.touch();
    }

    /** "Site A (node-1)", or the nodeId alone when the name says nothing more; also used by the workspace. */
    public static String label(Controller c) {
        if (c.name() == null || c.name().isBlank() || c.name().equals(c.nodeId())) {
            return c.nodeId();
        }
        return I18n.t("claim.controllerLabel", c.name(), c.nodeId());
    }

    /** How the picker lists a controller: "name — nodeId — customer". */
    public static String listText(Controller c) {
        String name = c.name() == null ? c.nodeId() : c.name();
        return c.customerName().isEmpty()
                ? I18n.t("claim.item.noCustomer", name, c.nodeId())
                : I18n.t("claim.item", name, c.nodeId(), c.customerName());
    }

    /**
     * Claims the license for the chosen controller. The shared row learns the outcome. On success
     * {@code onSuccess} gets the result; otherwise the message line says what is true now ("already claimed to"
     * the controller the read-back found, or the answer was lost and what the read-back showed) and the input
     * stays as it is.
     */
    public void claim(Consumer<Claim> onSuccess) {
        if (call.invalidProperty().get()) {
            problems.attempted(); // nothing is sent, but every field now says what it needs
        }
        if (!call.ready()) {
            return;
        }
        String k = call.normalizedKey();
        String nodeId = controller.get().nodeId();
        LicenseContext seen = registry.whereSeen(k);
        call.run(I18n.t("task.claim", k), checking -> service.claim(k, nodeId, seen, checking), outcome -> {
            if (LicenseCall.applied(outcome)) {
                String licenseId = outcome.license() == null ? null : outcome.license().id();
                call.succeeded(outcome, new Claim(licenseId, outcome.key(), outcome.claimedTo()), onSuccess);
            } else {
                call.reported(outcome, ErrorMessages.describe(outcome, this::controllerLabel));
            }
        });
    }

    /** A controller as people know it: "Name (nodeId)" when the directory has it, else the nodeId. */
    private String controllerLabel(String nodeId) {
        return directory.controllers().stream().filter(c -> nodeId.equals(c.nodeId())).findFirst()
                .map(ClaimViewModel::label).orElse(nodeId);
    }

    public StringProperty keyProperty() {
        return call.keyProperty();
    }

    /** The picker's filter text. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The chosen controller; kept when the filter hides it. */
    public ObjectProperty<Controller> controllerProperty() {
        return controller;
    }

    /** The directory's controllers that match {@link #searchProperty()}. */
    public FilteredList<Controller> matches() {
        return matches;
    }

    public ReadOnlyBooleanProperty controllersLoadingProperty() {
        return directory.controllersLoadingProperty();
    }

    public ReadOnlyStringProperty controllersErrorProperty() {
        return directory.controllersErrorProperty();
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

    /** Why no controller can be sent, once the user has left the list or tried to send; else "". */
    public ReadOnlyStringProperty controllerErrorProperty() {
        return controllerError.property();
    }

    /** "Claim KEY for controller NAME (nodeId) in ENV (URL)?", or "" while the input is invalid. */
    public ReadOnlyStringProperty confirmationProperty() {
        return call.confirmationProperty();
    }

    public ReadOnlyBooleanProperty invalidProperty() {
        return call.invalidProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return call.busyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return call.errorProperty();
    }

    public ReadOnlyObjectProperty<Claim> resultProperty() {
        return call.resultProperty();
    }
}
