package app.licensedesk.ui.shared;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.SearchQuery;
import java.util.function.Predicate;

/**
 * What a search field finds, the same on every page and in the claim picker: a customer by name or UUID, a
 * controller by name, nodeId or the name of a customer it belongs to (every word somewhere, case and accents
 * ignored, by {@link SearchQuery}).
 */
public final class Search {

    private Search() {
    }

    public static Predicate<Customer> customers(String text) {
        SearchQuery query = SearchQuery.of(text);
        return query.isEmpty() ? c -> true : c -> query.matches(c.name(), c.uuid());
    }

    public static Predicate<Controller> controllers(String text) {
        SearchQuery query = SearchQuery.of(text);
        return query.isEmpty() ? c -> true : c -> query.matches(c.name(), c.nodeId(), c.customerName());
    }
}
