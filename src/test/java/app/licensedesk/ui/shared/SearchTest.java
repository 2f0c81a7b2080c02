package app.licensedesk.ui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customers page, the controllers page and the claim picker find the same things for the same text. */
class SearchTest {

    private static final Customer BAKERY = new Customer(1, "f9dd6522-9d7a-43cd-93bb-d9ac5c42f173", "Bäckerei Müller");
    private static final Controller SITE = new Controller(11, "SGC-0001-KPWQ", "Site Gent", "smartgridControllerSite",
            List.of(BAKERY), null);

    @Test
    void customersByNameOrUuidIgnoringCaseAndAccents() {
        assertThat(Search.customers("backerei mull").test(BAKERY)).isTrue();
        assertThat(Search.customers("F9DD6522").test(BAKERY)).isTrue();
        assertThat(Search.customers("gent").test(BAKERY)).isFalse();
        assertThat(Search.customers("  ").test(BAKERY)).isTrue();
    }

    @Test
    void controllersByNameNodeIdOrCustomer() {
        assertThat(Search.controllers("gent").test(SITE)).isTrue();
        assertThat(Search.controllers("sgc-0001").test(SITE)).isTrue();
        assertThat(Search.controllers("muller site").test(SITE)).isTrue();
        assertThat(Search.controllers("sgc-0002").test(SITE)).isFalse();
    }
}
