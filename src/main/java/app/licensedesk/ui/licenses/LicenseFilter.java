package app.licensedesk.ui.licenses;

import app.licensedesk.model.LicenseStatus;
import app.licensedesk.ui.shared.FilteredRows;
import app.licensedesk.ui.shared.LicenseRow;

/** What the page filters by: each part null (or the query empty) when it does not filter. */
record LicenseFilter(LicenseStatus status, String type, Long customerId, String query)
        implements FilteredRows.Filter<LicenseRow> {

    static final LicenseFilter NONE = new LicenseFilter(null, null, null, "");

    @Override
    public boolean test(LicenseRow row) {
        return (status == null || row.getStatus() == status)
                && (type == null || type.equals(row.getLicense().type()))
                && (customerId == null || row.getCustomer() != null && row.getCustomer().id() == customerId)
                && (query.isEmpty() || row.searchKey().contains(query));
    }

    /** The query, when it is all this filter asks: the rows' search keys are the rows' search texts. */
    @Override
    public String textOnly() {
        return status == null && type == null && customerId == null && !query.isEmpty() ? query : null;
    }

    /** Every row this passes, {@code wider} passes: each part equal or unset there, and the query longer. */
    @Override
    public boolean within(FilteredRows.Filter<LicenseRow> wider) {
        return wider instanceof LicenseFilter w
                && (w.status == null || w.status == status)
                && (w.type == null || w.type.equals(type))
                && (w.customerId == null || w.customerId.equals(customerId))
                && query.contains(w.query);
    }
}
