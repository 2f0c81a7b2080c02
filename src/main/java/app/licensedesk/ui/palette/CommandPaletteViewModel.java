package app.licensedesk.ui.palette;

import app.licensedesk.model.Controller;
import app.licensedesk.model.Customer;
import app.licensedesk.model.SearchQuery;
import app.licensedesk.ui.common.DialogService;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.Shortcut;
import app.licensedesk.ui.palette.PaletteItem.Kind;
import app.licensedesk.ui.shared.Directory;
import app.licensedesk.ui.shared.LicenseRegistry;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.shared.Search;
import app.licensedesk.ui.shell.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The command palette (Ctrl/Cmd+K): finds, as the user types, customers (name, UUID) and controllers (name, nodeId,
 * customer) by the app's one search rule, the license keys the registry knows, and the actions (every page, activate,
 * claim, copy key, reload, the shortcut sheet, sign out). Results come grouped by kind, the group with the best match
 * first (a whole name or key, then its start, then the start of a word, then the rest; see {@link SearchQuery#rank});
 * Up/Down move over them, Enter runs one.
 */
final class CommandPaletteViewModel {

    static final int MAX_CUSTOMERS = 8;
    static final int MAX_CONTROLLERS = 8;
    static final int MAX_LICENSES = 20;

    /** How a key of the shortcut table reads on this keyboard ("Ctrl+1"); the view's, so no toolkit is needed here. */
    @FunctionalInterface
    interface KeyText {
        String of(Shortcut shortcut, int index);
    }

    /** A value with how well it matched (0 best, see {@link SearchQuery#rank}). */
    private record Scored<T>(int rank, T value) {
    }

    private record Group(Kind kind, List<Scored<PaletteItem>> items) {
        int best() {
            return items.stream().mapToInt(Scored::rank).min().orElse(Integer.MAX_VALUE);
        }
    }

    private final Directory directory;
    private final LicenseRegistry registry;
    private final DialogService dialogs;
    private final PaletteCommands commands;
    private final KeyText keys;
    // fields, not locals: the directory hands out wrappers that listen to its lists only while referenced
    private final ObservableList<Customer> customers;
    private final ObservableList<Controller> controllers;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PaletteItem> items = FXCollections.observableArrayList();
    private final ObservableList<PaletteItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyObjectWrapper<PaletteItem> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final StringBinding status;

    CommandPaletteViewModel(Directory directory, LicenseRegistry registry, DialogService dialogs,
                            PaletteCommands commands, KeyText keys) {
        this.directory = directory;
        this.registry = registry;
        this.dialogs = dialogs;
        this.commands = commands;
        this.keys = keys;
        this.customers = directory.customers();
        this.controllers = directory.controllers();
        query.addListener(o -> refresh());
        // the lists arrive after the palette opened: the results follow
        InvalidationListener arrived = o -> {
            if (showing.get()) {
                refresh();
            }
        };
        customers.addListener(arrived);
        controllers.addListener(arrived);
        status = Bindings.createStringBinding(() -> {
            if (directory.customersLoadingProperty().get() || directory.controllersLoadingProperty().get()) {
                return I18n.t("palette.loading");
            }
            return Stream.of(directory.customersErrorProperty().get(), directory.controllersErrorProperty().get(),
                    directory.controllersWarningProperty().get()).filter(s -> !s.isEmpty()).distinct()
                    .reduce((a, b) -> a + " " + b).orElse("");
        }, directory.customersLoadingProperty(), directory.controllersLoadingProperty(),
                directory.customersErrorProperty(), directory.controllersErrorProperty(),
                directory.controllersWarningProperty());
    }

    /**
     * Ctrl/Cmd+K: shows the palette with the last search (the view selects it, so typing replaces it) and loads the
     * customers and controllers if no page has, so they can be found.
     */
    void open() {
        showing.set(true);
        refresh();
        directory.ensureCustomers();
        directory.ensureControllers();
    }

    /** Esc, or the palette lost the focus. */
    void close() {
        showing.set(false);
    }

    /** Enter: closes the palette, then runs the selected line. */
    void runSelected() {
        PaletteItem item = selected.get();
        if (item == null) {
            return;
        }
        showing.set(false);
        item.action().run();
    }

    /** Selects a line (a click); a heading is skipped. */
    void pick(PaletteItem item) {
        if (item != null && !item.isHeader() && items.contains(item)) {
            selected.set(item);
        }
    }

    void moveDown() {
        move(1);
    }

    void moveUp() {
        move(-1);
    }

    private void move(int step) {
        int at = items.indexOf(selected.get());
        for (int i = at + step; i >= 0 && i < items.size(); i += step) {
            if (!items.get(i).isHeader()) {
                selected.set(items.get(i));
                return;
            }
        }
    }

    private void refresh() {
        String text = query.get() == null ? "" : query.get();
        SearchQuery search = SearchQuery.of(text);
        List<Group> groups = new ArrayList<>();
        List<Scored<PaletteItem>> actions = new ArrayList<>();
        if (!search.isEmpty()) {
            List<Scored<Customer>> foundCustomers = best(customers, Search.customers(text),
                    c -> search.rank(c.name(), c.uuid()), MAX_CUSTOMERS);
            groups.add(group(Kind.CUSTOMER, foundCustomers, this::customerItem));
            List<Scored<Controller>> foundControllers = best(controllers, Search.controllers(text),
                    c -> search.rank(c.name(), c.nodeId()), MAX_CONTROLLERS);
            groups.add(group(Kind.CONTROLLER, foundControllers, this::controllerItem));
            List<Scored<LicenseRow>> foundLicenses = registry.findByKey(text, MAX_LICENSES).stream()
                    .map(row -> new Scored<>(search.rank(row.getKey()), row)).toList();
            groups.add(group(Kind.LICENSE, foundLicenses, this::licenseItem));
            // what can be done with the best license and the best controller found: listed after them
            if (!foundLicenses.isEmpty()) {
                licenseActions(foundLicenses.get(0), actions);
            }
            if (!foundControllers.isEmpty()) {
                Scored<Controller> top = foundControllers.get(0);
                actions.add(new Scored<>(top.rank() + 1, action(I18n.t("palette.action.claimTo", top.value().name()),
                        Shortcut.CLAIM_TO_CONTROLLER, () -> dialogs.claim(null, top.value()))));
            }
        }
        actions.addAll(best(actions(), a -> search.matches(a.title()), a -> search.rank(a.title()),
                Integer.MAX_VALUE));
        groups.add(new Group(Kind.ACTION, actions));

        List<PaletteItem> lines = new ArrayList<>();
        groups.stream().filter(g -> !g.items().isEmpty())
                .sorted(Comparator.comparingInt(Group::best).thenComparing(Group::kind))
                .forEach(g -> {
                    lines.add(PaletteItem.header(g.kind()));
                    g.items().forEach(scored -> lines.add(scored.value()));
                });
        items.setAll(lines);
        selected.set(lines.stream().filter(i -> !i.isHeader()).findFirst().orElse(null));
        placeholder.set(lines.isEmpty() ? I18n.t("palette.noMatch", text.trim()) : "");
    }

    /** The best {@code max} of the matching values: the best rank first, else in the given order (by name). */
    private static <T> List<Scored<T>> best(List<T> values, Predicate<T> matches, ToIntFunction<T> rank, int max) {
        return values.stream().filter(matches).map(v -> new Scored<>(rank.applyAsInt(v), v))
                .sorted(Comparator.comparingInt(Scored::rank)).limit(max).toList();
    }

    private static <T> Group group(Kind kind, List<Scored<T>> found, Function<T, PaletteItem> item) {
        return new Group(kind, found.stream().map(s -> new Scored<>(s.rank(), item.apply(s.value()))).toList());
    }

    private PaletteItem customerItem(Customer customer) {
        String detail = customer.hasLicenseView() ? customer.uuid() : I18n.t("customers.noLicenseView");
        return new PaletteItem(Kind.CUSTOMER, customer.name(), detail, "",
                () -> commands.show(Page.CUSTOMERS, customer));
    }

    private PaletteItem controllerItem(Controller controller) {
        String owners = controller.customerName();
        String detail = owners.isEmpty() ? controller.nodeId()
                : I18n.t("palette.detail.controller", controller.nodeId(), owners);
        return new PaletteItem(Kind.CONTROLLER, controller.name(), detail, "",
                () -> commands.show(Page.CONTROLLERS, controller));
    }

    private PaletteItem licenseItem(LicenseRow row) {
        String status = row.getStatus() == null ? "" : I18n.t("status." + row.getStatus().name());
        String detail = row.getCustomer() == null ? status
                : I18n.t("palette.detail.license", status, row.getCustomer().name());
        return new PaletteItem(Kind.LICENSE, row.getKey(), detail, "", () -> commands.show(Page.LICENSES, row));
    }

    /** What can be done with the best license found: copy its key, activate it (unless it is), claim it. */
    private void licenseActions(Scored<LicenseRow> top, List<Scored<PaletteItem>> into) {
        String key = top.value().getKey();
        into.add(new Scored<>(top.rank() + 1, action(I18n.t("palette.action.copyKey", key), Shortcut.COPY_KEY,
                () -> commands.copyKey(key))));
        if (top.value().getLicense().activationDate() == null) {
            into.add(new Scored<>(top.rank() + 1, action(I18n.t("palette.action.activateKey", key), Shortcut.ACTIVATE,
                    () -> dialogs.activate(key))));
        }
        into.add(new Scored<>(top.rank() + 1, action(I18n.t("palette.action.claimKey", key), Shortcut.CLAIM,
                () -> dialogs.claim(key, null))));
    }

    /** Every action, in the order an empty search lists them: the pages (from {@link Page}) first. */
    private List<PaletteItem> actions() {
        List<PaletteItem> all = new ArrayList<>();
        Page[] pages = Page.values();
        for (int i = 0; i < pages.length; i++) {
            Page page = pages[i];
            all.add(new PaletteItem(Kind.ACTION, I18n.t("palette.action.page", I18n.t("shell.nav." + page.name())),
                    "", keys.of(Shortcut.PAGE, i), () -> commands.show(page, null)));
        }
        all.add(action(I18n.t("palette.action.activate"), Shortcut.ACTIVATE, () -> dialogs.activate(null)));
        all.add(action(I18n.t("palette.action.claim"), Shortcut.CLAIM, () -> dialogs.claim(null, null)));
        all.add(action(I18n.t("palette.action.reload"), Shortcut.RELOAD, commands::reload));
        all.add(action(I18n.t("palette.action.shortcuts"), Shortcut.SHORTCUT_SHEET, commands::showShortcuts));
        all.add(new PaletteItem(Kind.ACTION, I18n.t("palette.action.signOut"), "", "", commands::signOut));
        return all;
    }

    private PaletteItem action(String title, Shortcut shortcut, Runnable run) {
        return new PaletteItem(Kind.ACTION, title, "", keys.of(shortcut, 0), run);
    }

    /** Input: what the user typed. */
    StringProperty queryProperty() {
        return query;
    }

    /** The lines to show: per group a heading, then its results. */
    ObservableList<PaletteItem> items() {
        return itemsView;
    }

    /** The line Enter runs (never a heading), or null when nothing matches. */
    ReadOnlyObjectProperty<PaletteItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** What the empty list says ("Nothing matches …"), or "". */
    ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** "Loading customers and controllers…", or why they could not be loaded, or "". */
    StringBinding statusProperty() {
        return status;
    }
}
