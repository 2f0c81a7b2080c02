package app.licensedesk.ui.assign;

import app.licensedesk.model.Customer;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.common.ShellPage;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.shared.LicenseTable;
import atlantafx.base.controls.Spacer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Assign page: a customer picker, then the customer's free licenses, its controllers with their licenses, and
 * the queue of pairs with suggestions and the run; beneath, what follows each claim. Every action has a key: Enter
 * on a license then on a controller queues the pair, Delete removes a queued one, Ctrl/Cmd+Enter runs the queue.
 */
public final class AssignView implements ShellPage {

    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** How many suggestions are named before "+N more". */
    private static final int NAMED_SUGGESTIONS = 6;

    private final AssignViewModel vm;
    private final SearchableComboBox<Customer> picker = new SearchableComboBox<>();
    private final ListView<LicenseRow> free = new ListView<>();
    private final ListView<ControllerItem> controllers = new ListView<>();
    private final ListView<QueuedPair> queue = new ListView<>();
    private final BorderPane root = new BorderPane();

    public AssignView(AssignViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("assign-page");
        root.setTop(buildTop());
        SplitPane columns = new SplitPane(buildFree(), buildControllers(), buildQueue());
        columns.setDividerPositions(0.31, 0.64);
        root.setCenter(columns);
        root.setBottom(ActivationStep.build(vm, () -> PageParts.toFirstItem(free, free.getItems(),
                free.getSelectionModel())));
        // on the page, not the scene: the shortcut must not fire while another page is shown
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e)) {
                e.consume();
                vm.runQueue();
            }
        });
    }

    private VBox buildTop() {
        picker.setId("assignCustomerPicker");
        picker.setPrefWidth(380);
        picker.setPromptText(I18n.t("assign.customer.prompt"));
        picker.setItems(vm.customers());
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Customer customer) {
                return customer == null ? "" : customer.name();
            }

            @Override
            public Customer fromString(String text) {
                return vm.customers().stream().filter(c -> c.name().equals(text)).findFirst().orElse(null);
            }
        });
        picker.valueProperty().bindBidirectional(vm.customerProperty());
        Label caption = new Label(I18n.t("assign.customer"));
        caption.setLabelFor(picker);
        caption.setMnemonicParsing(true);
        Label summary = new Label();
        summary.setId("assignSummaryLabel");
        summary.getStyleClass().add("detail-key");
        summary.textProperty().bind(vm.summaryProperty());
        HBox bar = new HBox(8, caption, picker, PageParts.busyIndicator(vm.licensesLoadingProperty(), 14), summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, bar,
                PageParts.inlineError(vm.licensesErrorProperty(), vm::retryLicenses, "assignLicensesError"),
                PageParts.inlineError(vm.controllersErrorProperty(), vm::retryControllers, "assignControllersError"));
        top.setPadding(new Insets(12, 12, 8, 12));
        return top;
    }

    private VBox buildFree() {
        free.setId("assignFreeList");
        free.setItems(vm.freeLicenses());
        free.setCellFactory(v -> new AssignCells.LicenseCell((nodeId, row) -> vm.queueDropped(row.getKey(), nodeId)));
        free.setPlaceholder(placeholder(vm.freePlaceholderProperty()));
        follow(free, vm.selectedLicenseProperty());
        free.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && vm.selectedLicenseProperty().get() != null) {
                e.consume();
                PageParts.toFirstItem(controllers, controllers.getItems(), controllers.getSelectionModel());
            }
        });
        return column(I18n.t("assign.free.title"), I18n.t("assign.free.hint"), free);
    }

    private VBox buildControllers() {
        controllers.setId("assignControllersList");
        controllers.setItems(vm.controllers());
        controllers.setCellFactory(v -> new AssignCells.ControllerCell((key, item) -> vm.queueDropped(key,
                item.nodeId())));
        controllers.setPlaceholder(placeholder(vm.controllersPlaceholderProperty()));
        follow(controllers, vm.selectedControllerProperty());
        controllers.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                e.consume();
                if (vm.selectedLicenseProperty().get() == null || vm.queueSelected()) {
                    // the next license is picked on the left again
                    PageParts.toFirstItem(free, free.getItems(), free.getSelectionModel());
                }
            }
        });
        return column(I18n.t("assign.controllers.title"), I18n.t("assign.controllers.hint"), controllers);
    }

    private VBox buildQueue() {
        queue.setId("assignQueueList");
        queue.setItems(vm.queue());
        queue.setCellFactory(v -> new AssignCells.PairCell());
        queue.setPlaceholder(placeholder(Bindings.createStringBinding(() -> I18n.t("assign.queue.empty"))));
        follow(queue, vm.selectedPairProperty());
        queue.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                e.consume();
                vm.removeSelected();
            }
        });
        Button remove = button("assign.queue.remove", Feather.X, "assignRemoveButton", vm::removeSelected);
        remove.disableProperty().bind(vm.canRemoveProperty().not());
        remove.setTooltip(new Tooltip(I18n.t("assign.queue.remove.tooltip")));
        Button clear = button("assign.queue.clear", Feather.CHECK_SQUARE, "assignClearButton", vm::clearFinished);
        clear.disableProperty().bind(vm.canClearProperty().not());
        Button run = button("assign.queue.run", Feather.PLAY, "assignRunButton", vm::runQueue);
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setTooltip(new Tooltip(I18n.t("assign.queue.run.tooltip", RUN.getDisplayText())));
        HBox actions = new HBox(6, remove, clear, new Spacer(), run);
        actions.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("assignProgressBar");
        progress.setPrefWidth(160);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        progress.progressProperty().bind(vm.progressProperty());
        PageParts.visibleWhen(progress, vm.runningProperty());
        Label progressText = new Label();
        progressText.setId("assignProgressText");
        progressText.getStyleClass().add("assign-detail");
        progressText.setWrapText(true);
        progressText.textProperty().bind(vm.progressTextProperty());
        HBox progressBox = new HBox(8, progress, progressText);
        progressBox.setAlignment(Pos.CENTER_LEFT);
        PageParts.visibleWhen(progressBox, vm.progressTextProperty().isNotEmpty());

        VBox box = column(I18n.t("assign.queue.title"), null, queue);
        box.getChildren().add(1, buildSuggestions());
        box.getChildren().addAll(actions, progressBox);
        return box;
    }

    private VBox buildSuggestions() {
        Label title = new Label(I18n.t("assign.suggest.title"));
        title.getStyleClass().add("assign-subtitle");
        VBox lines = new VBox(1);
        lines.setId("assignSuggestionsBox");
        Runnable fill = () -> {
            lines.getChildren().clear();
            if (vm.suggestions().isEmpty()) {
                lines.getChildren().add(small(I18n.t("assign.suggest.none")));
            }
            vm.suggestions().stream().limit(NAMED_SUGGESTIONS).forEach(s -> lines.getChildren().add(small(
                    I18n.t("assign.suggest.item", s.license().getKey(),
                            LicenseTable.typeName(s.license().getLicense().type()), s.controller().label()))));
            if (vm.suggestions().size() > NAMED_SUGGESTIONS) {
                lines.getChildren().add(small(I18n.t("assign.controller.more",
                        vm.suggestions().size() - NAMED_SUGGESTIONS)));
            }
        };
        vm.suggestions().addListener((ListChangeListener<Suggestion>) c -> fill.run());
        fill.run();
        Button accept = button("assign.suggest.accept", Feather.CHECK_CIRCLE, "assignSuggestButton",
                vm::acceptSuggestions);
        accept.disableProperty().bind(Bindings.isEmpty(vm.suggestions()));
        VBox box = new VBox(4, title, lines, accept);
        box.getStyleClass().add("assign-suggestions");
        PageParts.visibleWhen(box, vm.customerProperty().isNotNull());
        return box;
    }

    /**
     * Connects a list's selection to the view model both ways: a pick goes to the view model, and what the view
     * model clears (a license that was just queued) is cleared in the list.
     */
    private static <T> void follow(ListView<T> list, ObjectProperty<T> selected) {
        list.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> selected.set(now));
        selected.addListener((o, before, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
        });
    }

    private static VBox column(String title, String hint, Region list) {
        Label heading = new Label(title);
        heading.getStyleClass().add("assign-title");
        VBox box = new VBox(6, heading);
        if (hint != null) {
            box.getChildren().add(small(hint));
        }
        box.getChildren().add(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8, 10, 8, 10));
        box.setMinWidth(260);
        return box;
    }

    static Button button(String key, Feather icon, String id, Runnable action) {
        Button button = new Button(I18n.t(key), new FontIcon(icon));
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label small(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("assign-detail");
        return label;
    }

    private static Node placeholder(ObservableStringValue text) {
        Label label = new Label();
        label.getStyleClass().add("inline-info");
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        vm.shown();
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    @Override
    public void focusSearch() {
        picker.requestFocus();
    }
}
