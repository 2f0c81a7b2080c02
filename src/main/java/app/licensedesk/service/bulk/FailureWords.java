package app.licensedesk.service.bulk;

import app.licensedesk.service.Failure;

/**
 * How a row's reason says why something failed. The words are ErrorMessages' (the one place that turns failures
 * into words), which the service layer may not call, so the app hands them in ({@code ErrorMessages.forBulk()}) and
 * a row reads as the dialogs' message.
 */
public interface FailureWords {

    /** Why a claim ({@code activate == false}) or an activation was not done. */
    String step(Failure failure, boolean activate);

    /** Why a read failed, or that a defect (an exception that is no failure of a call) happened. */
    String other(RuntimeException error);
}
