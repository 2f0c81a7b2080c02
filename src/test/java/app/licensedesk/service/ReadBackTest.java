package app.licensedesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Customer;
import app.licensedesk.model.ErrorKind;
import app.licensedesk.model.License;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The one read-back rule ({@link LicenseDeskService#readBack}): the customer's list, then each controller's, until
 * one holds the key; a list that fails only counts as not read.
 */
class ReadBackTest {

    private static final Customer ACME = new Customer(1, "c0000000-0000-4000-8000-000000000001", "Acme");
    private static final Customer NO_VIEW = new Customer(2, null, "No view");

    /** Lists by customer UUID or nodeId; a missing one fails with a 503 (after the client's retries). */
    private static final class Lists implements LicenseDeskService {
        final Map<String, List<String>> keys;
        final List<String> read = new ArrayList<>();

        Lists(Map<String, List<String>> keys) {
            this.keys = keys;
        }

        private List<License> list(String name) {
            read.add(name);
            List<String> listed = keys.get(name);
            if (listed == null) {
                throw new ApiException(ErrorKind.SERVER, 503, "Service Unavailable", "busy", null, null);
            }
            return listed.stream().map(k -> new License("id-" + k, k, null, null, null, null, null, null, 0, null,
                    "residential", List.of())).toList();
        }

        @Override
        public List<License> licensesOfCustomer(Customer customer) {
            return list(customer.uuid());
        }

        @Override
        public List<License> licensesOfController(String nodeId) {
            return list(nodeId);
        }

        @Override
        public List<Customer> customers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ControllerList controllers(List<Customer> customers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void loadLicenses(List<Customer> customers, CustomerLicensesListener listener,
                                 BooleanSupplier cancelled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LicenseOutcome activate(String key, Instant at, LicenseContext seen, Runnable checking) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LicenseOutcome claim(String licenseKey, String nodeId, LicenseContext seen, Runnable checking) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theFirstListThatHoldsTheKeyAnswersPastOnesThatFailOrLackIt() {
        Lists lists = new Lists(Map.of(ACME.uuid(), List.of("OTHER"), "SGC-B", List.of("K1")));

        ReadBack found = lists.readBack("K1", new LicenseContext(ACME, List.of("SGC-A", "SGC-B", "SGC-C")));

        assertThat(found.read()).isTrue();
        assertThat(found.found()).isTrue();
        assertThat(found.license().id()).isEqualTo("id-K1");
        assertThat(found.listedUnder()).isEqualTo("SGC-B");
        assertThat(lists.read).containsExactly(ACME.uuid(), "SGC-A", "SGC-B");
    }

    @Test
    void foundInTheCustomersListItIsListedUnderNoController() {
        Lists lists = new Lists(Map.of(ACME.uuid(), List.of("K1")));

        ReadBack found = lists.readBack("K1", new LicenseContext(ACME, List.of("SGC-A")));

        assertThat(found.found()).isTrue();
        assertThat(found.listedUnder()).isNull();
        assertThat(lists.read).containsExactly(ACME.uuid());
    }

    @Test
    void readButNowhereIsNotFoundAndNothingReadIsNotRead() {
        Lists lists = new Lists(Map.of("SGC-A", List.of("OTHER")));

        ReadBack nowhere = lists.readBack("K1", new LicenseContext(NO_VIEW, List.of("SGC-A", "SGC-B")));
        assertThat(nowhere.read()).isTrue();
        assertThat(nowhere.found()).isFalse();
        // a customer without a license view has no list to read
        assertThat(lists.read).containsExactly("SGC-A", "SGC-B");

        ReadBack unread = lists.readBack("K1", new LicenseContext(null, List.of("SGC-B")));
        assertThat(unread.read()).isFalse();
        assertThat(lists.readBack("K1", LicenseContext.none()).read()).isFalse();
    }
}
