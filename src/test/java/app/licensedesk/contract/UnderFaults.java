package app.licensedesk.contract;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Claim;
import app.licensedesk.model.Controller;
import app.licensedesk.model.License;
import app.licensedesk.sandbox.SandboxAccounts;
import app.licensedesk.service.Backend;
import app.licensedesk.ui.common.DialogService;
import java.util.List;
import java.util.Optional;

/**
 * What the contract tests against a sandbox with faults share: signing in through the faults, and dialogs that must
 * stay shut.
 */
final class UnderFaults {

    private UnderFaults() {
    }

    /** Sign-in POSTs are not retried by the client, so the test retries them. */
    static void signIn(Backend backend) {
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                backend.session().signIn(SandboxAccounts.ADMIN_USERNAME, SandboxAccounts.ADMIN_PASSWORD.toCharArray());
                return;
            } catch (ApiException e) {
                // a faulted sign-in; try again
            }
        }
        throw new AssertionError("could not sign in through the faults");
    }

    /** No dialog opens unless something unexpected failed: what did is noted in {@code unexpected}. */
    record FailingDialogs(List<String> unexpected) implements DialogService {
        @Override
        public void showError(String header, Throwable error) {
            unexpected.add(header + ": " + error);
        }

        @Override
        public Optional<License> activate(String key) {
            throw new AssertionError("not used");
        }

        @Override
        public boolean confirm(String title, String question, String action, String keep) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<Claim> claim(String key, Controller controller) {
            throw new AssertionError("not used");
        }
    }
}
