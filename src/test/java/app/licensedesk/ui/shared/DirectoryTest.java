package app.licensedesk.ui.shared;

import app.licensedesk.model.ErrorKind;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DirectoryTest {

    private static final Customer ACME = new Customer(1, "u-1", "Acme");
    private static final Customer BOLT = new Customer(2, "u-2", "Bolt");

    private final CannedLicenseDeskService service = new CannedLicenseDeskService();

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void customersLoadOnceAndAreShared() {
        service.customers.add(ACME);
        Directory directory = new Directory(service, TaskRunner.inline());
        directory.ensureCustomers();
        directory.ensureCustomers();
        assertThat(directory.customers()).containsExactly(ACME);
        assertThat(directory.customers()).isSameAs(directory.customers());
        assertThat(service.customerCalls).isEqualTo(1);
    }

    @Test
    void waitersGetTheFreshListAfterAReload() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        Directory directory = new Directory(service, new TaskRunner(background::add, Runnable::run));
        service.customers.add(ACME);
        directory.ensureCustomers();
        background.poll().run();

        service.customers.add(BOLT);
        directory.reloadCustomers();
        List<List<Customer>> received = new ArrayList<>();
        directory.withCustomers(received::add);
        assertThat(received).isEmpty(); // not the old list
        background.poll().run();
        assertThat(received).containsExactly(List.of(ACME, BOLT));
    }

    @Test
    void reloadAllAsksForControllersOnlyWhenTheyWereWanted() {
        service.customers.add(ACME);
        Directory directory = new Directory(service, TaskRunner.inline());
        directory.ensureCustomers();
        directory.reloadAll();
        assertThat(service.customerCalls).isEqualTo(2);
        assertThat(service.controllerCalls).isZero();

        service.controllers.add(new Controller(7, "SGC-7", "Site", "smartgridControllerSite", List.of(ACME), null));
        directory.ensureControllers();
        directory.reloadAll();
        assertThat(service.controllerCalls).isEqualTo(2);
        assertThat(directory.controllers()).hasSize(1);
    }

    @Test
    void controllersWaitingForFailedCustomersFailWithThem() {
        service.customersFailure = new ApiException(ErrorKind.SERVER, 503, null, null, null, null);
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        Directory directory = new Directory(service, new TaskRunner(background::add, Runnable::run));
        directory.ensureControllers();
        assertThat(directory.controllersLoadingProperty().get()).isTrue();
        background.poll().run();
        assertThat(directory.controllersLoadingProperty().get()).isFalse();
        assertThat(directory.controllersErrorProperty().get()).contains("HTTP 503");
        assertThat(directory.customersErrorProperty().get()).contains("HTTP 503");
    }

    @Test
    void aPartialControllerListNamesTheCustomersWhoseControllersAreMissing() {
        service.customers.addAll(List.of(ACME, BOLT));
        service.controllers.add(new Controller(7, "SGC-7", "Site", "smartgridControllerSite", List.of(ACME), null));
        service.controllerFailures.put(BOLT, new ApiException(ErrorKind.SERVER, 500, null, null, null, null));
        Directory directory = new Directory(service, TaskRunner.inline());

        directory.ensureControllers();

        assertThat(directory.controllers()).hasSize(1);
        assertThat(directory.controllersErrorProperty().get()).isEmpty();
        assertThat(directory.controllersWarningProperty().get()).isEqualTo("The controllers of 1 customer could not "
                + "be loaded (Bolt): The Eniris service had a problem (HTTP 500). Try again in a moment.");

        service.controllerFailures.clear();
        directory.reloadControllers();
        assertThat(directory.controllersWarningProperty().get()).isEmpty();
    }
}
