package app.licensedesk.ui.expiring;

import java.time.YearMonth;

/** How many licenses end in one month. */
public record MonthBar(YearMonth month, int count) {
}
