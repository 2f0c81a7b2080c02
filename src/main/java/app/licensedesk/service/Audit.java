package app.licensedesk.service;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Environment;
import app.licensedesk.service.LicenseOutcome.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every activation and claim is written to the log: key, controller, environment and outcome,
 * including "outcome unknown, read back as ...". Keys, nodeIds and URLs are no secrets; a token never gets here
 * (ApiException messages are redacted where they are made).
 */
final class Audit {

    static final String LOGGER_NAME = "app.licensedesk.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final String environment;

    Audit(Environment environment) {
        this.environment = environment == null ? "?" : environment.kind() + " " + environment.apiUrl();
    }

    void record(LicenseOutcome o) {
        LOG.info("{} key={}{} environment={}: {}", verb(o.action()), o.key(), target(o.nodeId()), environment,
                describe(o));
    }

    void failed(Action action, String key, String nodeId, ApiException e) {
        LOG.info("{} key={}{} environment={}: failed, {}", verb(action), key, target(nodeId), environment,
                e.getMessage());
    }

    /** The outcome in plain words for the log (not for the user: those come from the bundle). */
    static String describe(LicenseOutcome o) {
        String state = o.action() == Action.ACTIVATE
                ? (o.activatedAt() == null ? "not activated" : "activated at " + o.activatedAt())
                : (o.claimedTo() == null ? "not claimed to " + o.nodeId() : "claimed to " + o.claimedTo());
        return switch (o.status()) {
            case DONE -> "done, " + state;
            case ALREADY -> "refused (" + o.failure().summary() + "), read back as already " + state;
            case REFUSED -> "refused (" + o.failure().summary() + ")";
            case LOST_DONE, LOST_NOT_DONE -> "outcome unknown (" + o.failure().summary() + "), read back as "
                    + state;
            case LOST_UNKNOWN -> "outcome unknown (" + o.failure().summary() + "), could not be read back";
        };
    }

    private static String verb(Action action) {
        return action == Action.ACTIVATE ? "Activate" : "Claim";
    }

    private static String target(String nodeId) {
        return nodeId == null ? "" : " controller=" + nodeId;
    }
}
