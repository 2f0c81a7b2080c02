package app.licensedesk.ui.dialogs;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * Which input problems a dialog shows: a field's once the user has left that field, and all of them after an
 * attempt to send. So a dialog does not open with red text about fields nobody has typed in yet, and a field's
 * problem stays hidden while the user is still typing it the first time. Shared with the assignment workspace.
 */
public final class FieldProblems {

    private final BooleanProperty attempted = new SimpleBooleanProperty();

    /** One field's problem as shown: "" until the field was left or an attempt was made, then the problem. */
    public static final class Shown {
        private final BooleanProperty touched = new SimpleBooleanProperty();
        private final ReadOnlyStringWrapper text;

        private Shown(Object bean, String name, ObservableStringValue problem, BooleanProperty attempted) {
            text = new ReadOnlyStringWrapper(bean, name, "");
            text.bind(Bindings.when(touched.or(attempted)).then(problem).otherwise(""));
        }

        /** The user has left the field. */
        public void touch() {
            touched.set(true);
        }

        public ReadOnlyStringProperty property() {
            return text.getReadOnlyProperty();
        }
    }

    /**
     * @param problem the field's problem now, or ""
     */
    public Shown field(Object bean, String name, ObservableStringValue problem) {
        return new Shown(bean, name, problem, attempted);
    }

    /** The user tried to send: every problem shows from now on. */
    public void attempted() {
        attempted.set(true);
    }
}
