package app.licensedesk.ui.bulk;

import app.licensedesk.service.bulk.PlannedRow;
import app.licensedesk.service.bulk.RowResult;
import app.licensedesk.ui.common.I18n;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One row of the bulk page's table: the row as written, its preview verdict and, once it has ended, its outcome. */
public final class BulkRowItem {

    private final PlannedRow plan;
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");

    BulkRowItem(PlannedRow plan) {
        this.plan = plan;
    }

    /** Called on the FX thread when the row ends. */
    void ended(RowResult result) {
        outcome.set(I18n.t("bulk.outcome." + result.outcome().name()));
        reason.set(result.detail());
    }

    public int line() {
        return plan.row().line();
    }

    public String key() {
        return plan.row().key();
    }

    public String nodeId() {
        return plan.row().nodeId();
    }

    public String activation() {
        return plan.row().rawActivation();
    }

    public PlannedRow.Verdict verdict() {
        return plan.verdict();
    }

    public String verdictText() {
        return plan.verdictText();
    }

    /** What the preview says will happen, or what is wrong with the row. */
    public String message() {
        return plan.message();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }
}
