package app.licensedesk.ui.assign;

import app.licensedesk.model.License;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.shared.LicenseTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The cells of the workspace's three lists. A license and a controller can be dragged onto each other: the dragged
 * cell puts "license:KEY" or "controller:NODEID" on the dragboard, the cell it is dropped on queues the pair.
 */
final class AssignCells {

    static final String LICENSE = "license:";
    static final String CONTROLLER = "controller:";
    /** How many of a controller's licenses its cell lists before "+N more". */
    private static final int LISTED = 4;

    private AssignCells() {
    }

    /** "Residential · grid 10 kW · solar 8 kW". */
    static String details(License license) {
        List<String> parts = new ArrayList<>();
        if (license.type() != null) {
            parts.add(LicenseTable.typeName(license.type()));
        }
        addKw(parts, "grid", license.gridKw());
        addKw(parts, "solar", license.solarKw());
        addKw(parts, "battery", license.batteryKw());
        addKw(parts, "ev", license.evKw());
        return String.join(I18n.t("assign.separator"), parts);
    }

    private static void addKw(List<String> parts, String what, Integer kw) {
        if (kw != null) {
            parts.add(I18n.t("assign.kw." + what, Formats.number(kw)));
        }
    }

    /** A free license: key and status, then type and capacities. */
    static final class LicenseCell extends ListCell<LicenseRow> {
        private final Label key = new Label();
        private final HBox head = new HBox(8, key);
        private final Label detail = new Label();
        private final VBox box = new VBox(2, head, detail);

        LicenseCell(BiPredicate<String, LicenseRow> dropped) {
            setPrefWidth(0); // never wider than the list: a long line ends in "…", not in a scroll bar
            key.getStyleClass().addAll("mono", "assign-key");
            head.setAlignment(Pos.CENTER_LEFT);
            detail.getStyleClass().add("assign-detail");
            setOnDragDetected(e -> drag(this, getItem() == null ? null : LICENSE + getItem().getKey()));
            acceptDrops(this, CONTROLLER, text -> getItem() != null && dropped.test(text, getItem()));
        }

        @Override
        protected void updateItem(LicenseRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            key.setText(row.getKey());
            head.getChildren().setAll(key);
            if (row.getStatus() != null) {
                head.getChildren().add(LicenseTable.StatusCell.pill(row.getStatus()));
            }
            detail.setText(details(row.getLicense()));
            setGraphic(box);
        }
    }

    /** A controller: name and nodeId, then the licenses it has (or that they are loading, or why they are not). */
    static final class ControllerCell extends ListCell<ControllerItem> {
        private final Label name = new Label();
        private final Label nodeId = new Label();
        private final VBox lines = new VBox(2);
        private final VBox box = new VBox(2, new HBox(8, name, nodeId), lines);

        ControllerCell(BiPredicate<String, ControllerItem> dropped) {
            setPrefWidth(0); // never wider than the list: a long line ends in "…", not in a scroll bar
            name.getStyleClass().add("customer-name");
            nodeId.getStyleClass().addAll("mono", "assign-detail");
            nodeId.setMinWidth(Region.USE_PREF_SIZE); // the name gives way first: the nodeId is what people search
            lines.getStyleClass().add("assign-controller-licenses");
            setOnDragDetected(e -> drag(this, getItem() == null ? null : CONTROLLER + getItem().nodeId()));
            acceptDrops(this, LICENSE, text -> getItem() != null && dropped.test(text, getItem()));
        }

        @Override
        protected void updateItem(ControllerItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            String title = item.controller().name();
            name.setText(title == null || title.isBlank() ? item.nodeId() : title);
            nodeId.setText(item.nodeId());
            lines.getChildren().clear();
            if (item.loadingProperty().get()) {
                lines.getChildren().add(line(I18n.t("assign.controller.loading"), "assign-detail"));
            } else if (!item.errorProperty().get().isEmpty()) {
                lines.getChildren().add(line(item.errorProperty().get(), "field-error"));
            } else if (item.licenses().isEmpty()) {
                lines.getChildren().add(line(I18n.t("assign.controller.noLicenses"), "assign-detail"));
            } else {
                item.licenses().stream().limit(LISTED).forEach(row -> lines.getChildren().add(licenseLine(row)));
                if (item.licenses().size() > LISTED) {
                    lines.getChildren().add(line(I18n.t("assign.controller.more", item.licenses().size() - LISTED),
                            "assign-detail"));
                }
            }
            setGraphic(box);
        }

        private static HBox licenseLine(LicenseRow row) {
            Label key = line(row.getKey(), "assign-detail");
            key.getStyleClass().add("mono");
            String type = row.getLicense().type();
            HBox line = new HBox(6, key, line(type == null ? "" : LicenseTable.typeName(type), "assign-detail"));
            if (row.getStatus() != null) {
                Label pill = LicenseTable.StatusCell.pill(row.getStatus());
                pill.getStyleClass().add("small-pill");
                line.getChildren().add(pill);
            }
            line.setAlignment(Pos.CENTER_LEFT);
            return line;
        }
    }

    /** A queued pair: the key, the controller, what will be sent, and how it went. */
    static final class PairCell extends ListCell<QueuedPair> {
        private final Label key = new Label();
        private final Label target = new Label();
        private final Label state = new Label();
        private final Label plan = new Label();
        private final Label message = new Label();
        private final HBox stateLine = new HBox(8, state, plan);
        private final VBox box = new VBox(2, key, target, stateLine, message);

        PairCell() {
            setPrefWidth(0); // never wider than the list: a long line wraps or ends in "…", not in a scroll bar
            key.getStyleClass().addAll("mono", "assign-key");
            target.setWrapText(true);
            target.setMinHeight(Region.USE_PREF_SIZE);
            plan.getStyleClass().add("assign-detail");
            plan.setWrapText(true);
            plan.setMinHeight(Region.USE_PREF_SIZE);
            state.getStyleClass().add("status-pill");
            state.setMinWidth(Region.USE_PREF_SIZE);
            stateLine.setAlignment(Pos.CENTER_LEFT);
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            message.getStyleClass().add("assign-message");
            message.managedProperty().bind(message.visibleProperty());
            message.visibleProperty().bind(message.textProperty().isNotEmpty());
        }

        @Override
        protected void updateItem(QueuedPair pair, boolean empty) {
            super.updateItem(pair, empty);
            setText(null);
            message.textProperty().unbind();
            if (empty || pair == null) {
                setGraphic(null);
                return;
            }
            key.setText(pair.key());
            target.setText(I18n.t("assign.pair.to", pair.controller().label()));
            plan.setText(pair.planText());
            state.getStyleClass().removeIf(c -> c.startsWith("pair-"));
            state.getStyleClass().add("pair-" + pair.getState().name().toLowerCase(Locale.ROOT));
            state.setText(I18n.t("assign.state." + pair.getState().name()));
            message.textProperty().bind(pair.messageProperty());
            setGraphic(box);
        }
    }

    private static void drag(ListCell<?> cell, String what) {
        if (what != null) {
            Dragboard board = cell.startDragAndDrop(TransferMode.LINK);
            ClipboardContent content = new ClipboardContent();
            content.putString(what);
            board.setContent(content);
        }
    }

    /** Lets {@code cell} take what a drag of the other kind ({@code prefix}) carries. */
    private static void acceptDrops(ListCell<?> cell, String prefix, Predicate<String> drop) {
        cell.setOnDragOver(e -> {
            if (carries(e, prefix) && cell.getItem() != null) {
                e.acceptTransferModes(TransferMode.LINK);
            }
            e.consume();
        });
        cell.setOnDragEntered(e -> {
            if (carries(e, prefix) && cell.getItem() != null) {
                cell.getStyleClass().add("drop-target");
            }
        });
        cell.setOnDragExited(e -> cell.getStyleClass().remove("drop-target"));
        cell.setOnDragDropped(e -> {
            boolean ok = carries(e, prefix) && drop.test(e.getDragboard().getString().substring(prefix.length()));
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static boolean carries(DragEvent e, String prefix) {
        return e.getDragboard().hasString() && e.getDragboard().getString().startsWith(prefix);
    }

    private static Label line(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
