package app.licensedesk.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * The columns of a laid-out table that the user cannot read whole: lying past the table's visible width, or with
 * their header or one of their shown cells cut short with an ellipsis. Call it on the FX thread or after
 * {@code WaitForAsyncUtils.waitForFxEvents()}.
 */
public final class CutColumns {

    private CutColumns() {
    }

    /**
     * @param mayShorten ids of the columns whose cells may end in "…" by design (a long name), headers still count
     * @return one line per cut column, naming it and why; empty when every column can be read
     */
    public static List<String> of(TableView<?> table, Set<String> mayShorten) {
        return of(table, mayShorten, null);
    }

    /**
     * As {@link #of(TableView, Set)}, for the columns with these ids only: those a page promises to show in its
     * width, where the others may lie past the edge, to be scrolled to.
     */
    public static List<String> of(TableView<?> table, Set<String> mayShorten, Collection<String> only) {
        List<String> cut = new ArrayList<>();
        Node viewport = table.lookup(".clipped-container");
        double right = viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
        for (Node node : table.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader header)
                    || !table.getVisibleLeafColumns().contains(header.getTableColumn())) {
                continue;
            }
            TableColumn<?, ?> column = (TableColumn<?, ?>) header.getTableColumn();
            if (only != null && !only.contains(column.getId())) {
                continue;
            }
            String name = column.getText().replace('\n', ' ');
            double end = header.localToScene(header.getLayoutBounds()).getMaxX();
            if (end > right + 0.5) {
                cut.add(name + ": ends at " + end + ", past the table's " + right);
            } else if (shortened((Labeled) header.lookup(".label"))) {
                cut.add(name + ": header cut short at " + column.getWidth() + " px");
            } else if (!mayShorten.contains(column.getId())) {
                table.lookupAll(".table-cell").stream()
                        .filter(c -> c instanceof TableCell<?, ?> cell && cell.getTableColumn() == column)
                        .map(c -> (Labeled) c).filter(CutColumns::shortened).findFirst()
                        .ifPresent(c -> cut.add(name + ": \"" + c.getText() + "\" cut short"));
            }
        }
        return cut;
    }

    /** True when the text drawn is not all of the text. */
    private static boolean shortened(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        Text drawn = (Text) labeled.lookup(".text");
        return drawn == null || !text.equals(drawn.getText());
    }
}
