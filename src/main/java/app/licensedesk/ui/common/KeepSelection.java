package app.licensedesk.ui.common;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Keeps a view model's selection across reloads of the list it was picked from: after a reload the selection
 * becomes the reloaded item with the same identity, or null when that item is gone. Shared by the Customers and
 * Controllers view models.
 */
public final class KeepSelection {

    private KeepSelection() {
    }

    /**
     * @param identity what stays the same across reloads (a customer's id, a controller's nodeId)
     */
    public static <T> void keep(ObjectProperty<T> selected, ObservableList<? extends T> source,
                                Function<T, Object> identity) {
        source.addListener((ListChangeListener<T>) change -> {
            T current = selected.get();
            if (current == null) {
                return;
            }
            Object id = identity.apply(current);
            T replacement = null;
            for (T item : source) {
                if (Objects.equals(identity.apply(item), id)) {
                    replacement = item;
                    break;
                }
            }
            // an equal record does not fire a change, so an unchanged item does not reload its licenses
            selected.set(replacement);
        });
    }
}
