package app.licensedesk.ui.activity;

import app.licensedesk.model.SearchQuery;
import app.licensedesk.service.activity.ActivityLog;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The Activity page: every change the app made, from the activity log, newest first; a search over key, controller,
 * user, environment and outcome answers "who claimed this key, when, from which environment".
 */
public final class ActivityViewModel {

    private final ActivityLog log;
    private final TaskRunner tasks;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<ActivityItem> items = FXCollections.observableArrayList();
    private final FilteredList<ActivityItem> filtered = new FilteredList<>(items);
    private final SortedList<ActivityItem> sorted = new SortedList<>(filtered);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringBinding countText;

    public ActivityViewModel(ActivityLog log, TaskRunner tasks) {
        this.log = log;
        this.tasks = tasks;
        search.addListener(o -> filtered.setPredicate(predicate()));
        countText = Bindings.createStringBinding(() -> I18n.t("activity.count", filtered.size(), items.size()),
                filtered, items);
    }

    private Predicate<ActivityItem> predicate() {
        SearchQuery query = SearchQuery.of(search.get());
        if (query.isEmpty()) {
            return null;
        }
        return item -> query.matches(item.key(), item.controller(), item.user(), item.environment(), item.server(),
                item.action(), item.outcomeText(), item.story());
    }

    /** The page became visible: reads the log, which changes whenever the app makes a change elsewhere. */
    public void shown() {
        refresh();
    }

    /** Reads the log again. */
    public void refresh() {
        loading.set(true);
        error.set("");
        tasks.run(I18n.t("activity.task"), () -> ActivityItem.fold(log.read()), read -> {
            loading.set(false);
            items.setAll(read);
        }, failure -> {
            loading.set(false);
            error.set(I18n.t("activity.error", log.file()));
        });
    }

    /** Input: the search text. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The changes that match the search, newest first unless the table sorts them otherwise. */
    SortedList<ActivityItem> sorted() {
        return sorted;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the log could not be read, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "N of M changes". */
    public StringBinding countTextProperty() {
        return countText;
    }

    /** Where the log is kept, for the page's footnote. */
    public String logFile() {
        return log.file().toString();
    }
}
