package app.licensedesk.ui.shared;

import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;

/**
 * The license table every view uses: key, type, status (colour and text), capacities, dates, duration and the
 * linked controllers. Virtualised, sortable; cells read the shared {@link LicenseRow}s so updates repaint.
 */
public final class LicenseTable extends TableView<LicenseRow> {

    /** The height of a row of the dense theme at the default font, as it measured when rows were measured. */
    static final double ROW_HEIGHT = 28;

    /** Which optional columns a view wants. */
    public enum Option { CUSTOMER_COLUMN }

    /** The unit durations are counted in, from the preferences; set once per sign-in, before the tables are built. */
    private static volatile ChronoUnit durationUnit = LicenseTerms.DEFAULT_DURATION_UNIT;

    /** Sets the unit the duration column is titled in and durations are told in (model/LicenseTerms decides). */
    public static void useDurationUnit(ChronoUnit unit) {
        durationUnit = unit;
    }

    /** "12 months", "30 days", "No fixed term". */
    public static String durationText(int duration) {
        return I18n.t("licenses.detail.duration." + durationUnit.name(), duration);
    }
    /** What each column shows, read straight from the row: what sorting compares (see {@link #sortRows}). */
    private final Map<TableColumn<LicenseRow, ?>, Function<LicenseRow, ?>> values = new HashMap<>();

    public LicenseTable(Option... options) {
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getStyleClass().addAll("license-table", atlantafx.base.theme.Styles.DENSE);
        setId("licenseTable");
        // every row is one line (the theme's dense row with a status pill): a fixed height spares measuring each
        // row and lets a row skip the cells of columns scrolled out of view, which is most of a repaint
        setFixedCellSize(ROW_HEIGHT);
        add(text("key", 190, LicenseRow::getKey), LicenseRow::getKey);
        for (Option option : options) {
            if (option == Option.CUSTOMER_COLUMN) {
                TableColumn<LicenseRow, String> customer = new TableColumn<>(I18n.t("license.col.customer"));
                customer.setId("col-customer");
                customer.setPrefWidth(180);
                customer.setCellValueFactory(c -> Bindings.createStringBinding(
                        () -> customerName(c.getValue()), c.getValue().customerProperty()));
                add(customer, LicenseTable::customerName);
            }
        }
        Function<LicenseRow, String> type = row -> row.getLicense().type() == null ? ""
                : typeName(row.getLicense().type());
        add(text("type", 120, type), type);
        add(statusColumn(), LicenseRow::getStatus);
        addNumber("gridKw", License::gridKw);
        addNumber("solarKw", License::solarKw);
        addNumber("batteryKw", License::batteryKw);
        addNumber("evKw", License::evKw);
        addLicenseDate("creationDate", License::creationDate);
        addLicenseDate("activationDate", License::activationDate);
        add(dateColumn("endDate", LicenseRow::endProperty), LicenseRow::getEnd);
        addNumber("duration", License::duration);
        TableColumn<LicenseRow, String> links = new TableColumn<>(I18n.t("license.col.controllers"));
        links.setId("col-controllers");
        links.setPrefWidth(200);
        links.setCellValueFactory(c -> Bindings.createStringBinding(() -> linkedText(c.getValue()),
                c.getValue().licenseProperty(), c.getValue().controllerProperty()));
        add(links, LicenseTable::linkedText);
        setPlaceholder(new Label(I18n.t("license.table.empty")));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TableViewSkin<>(this) {
            @Override
            protected VirtualFlow<TableRow<LicenseRow>> createVirtualFlow() {
                return new LeanFlow<>();
            }
        };
    }

    /**
     * The table's flow, which styles a reused row again only when its looks can have changed. The toolkit's flow
     * applies CSS to every row whose text changed, which restyles each of its cells although only their text is
     * new: after a filter that was most of the table's work, as each visible row shows another license. Here a row
     * is restyled at once when it is new, turns empty or filled, odd or even, selected or not; any other change of
     * style (a status pill's colour) is applied by the cell itself ({@link StatusCell}), and the scene's own CSS
     * pass does the rest. Rows have one fixed height, so no row needs its CSS to be measured.
     */
    private static final class LeanFlow<T extends IndexedCell<?>> extends VirtualFlow<T> {
        /** The toolkit flow's mark on a cell it has just made (VirtualFlow.NEW_CELL). */
        private static final String NEW_CELL = "newcell";

        LeanFlow() {
            // a row reaches as far as the user has scrolled sideways plus the flow's width (see resizeCell)
            getHbar().valueProperty().addListener(o -> getCells().forEach(this::resizeCell));
        }

        /**
         * Makes a row as wide as the part of it that can be seen, from its start: the sideways scroll plus the
         * flow's width, not the width of all columns as the toolkit does. A row of fixed height leaves out the
         * cells of the columns beyond its width (TableRowSkinBase), so a row no longer styles and lays out the
         * cells of columns scrolled out of view on the right: at 1,400 px that was a third of the work of
         * refilling the rows after a filter. The row still covers all that is seen of it (its background, the
         * selection), and a sideways scroll widens it, which lays it out again with the cells that came into
         * view. The scroll range is unchanged: it follows the rows' preferred width, all columns.
         */
        @Override
        protected void resizeCell(T cell) {
            if (cell == null || getFixedCellSize() <= 0) {
                super.resizeCell(cell);
                return;
            }
            cell.resize(Math.ceil(getHbar().getValue() + getWidth()), getFixedCellSize());
        }

        /**
         * The table asks for this when its items were replaced (every filter change): the toolkit then empties each
         * visible row and fills it again, restyling all of it twice. Rows are one object per license whose cells
         * follow its properties, so refilling the rows that now show another license is all that is needed.
         */
        @Override
        protected void rebuildCells() {
            reconfigureCells();
        }

        @Override
        protected void setCellIndex(T cell, int index) {
            if (cell.getProperties().containsKey(NEW_CELL) || cell.getScene() == null) {
                super.setCellIndex(cell, index);
                return;
            }
            int before = cell.getIndex();
            boolean wasEmpty = cell.isEmpty();
            boolean wasSelected = cell.isSelected();
            cell.updateIndex(index);
            if (before < 0 || (before & 1) != (index & 1) || wasEmpty != cell.isEmpty()
                    || wasSelected != cell.isSelected()) {
                cell.applyCss();
            }
        }
    }

    private <T> void add(TableColumn<LicenseRow, T> column, Function<LicenseRow, T> value) {
        values.put(column, value);
        getColumns().add(column);
    }

    private void addNumber(String key, Function<License, Integer> value) {
        add(number(key, value), row -> value.apply(row.getLicense()));
    }

    private void addLicenseDate(String key, Function<License, Instant> value) {
        add(licenseDate(key, value), row -> value.apply(row.getLicense()));
    }

    /**
     * Sorts {@code rows} as the user sorts the columns (the table's items are {@code rows} or a filtered view of
     * it). Rows are compared by their values with each column's comparator, as the table would, but without asking
     * every cell's observable value: that made two bindings per comparison, which at 100,000 rows cost seconds
     * and piled listeners on every row.
     */
    public void sortRows(SortedList<LicenseRow> rows) {
        List<Object> applied = new ArrayList<>();
        setSortPolicy(table -> {
            // the table also asks for a sort whenever its items change (a filter): the order is still right then,
            // so only a change of the sort order or a direction sorts again
            List<Object> wanted = new ArrayList<>();
            getSortOrder().forEach(column -> wanted.add(List.of(column, column.getSortType())));
            if (!wanted.equals(applied)) {
                rows.setComparator(rowComparator());
                applied.clear();
                applied.addAll(wanted);
            }
            return true;
        });
    }

    private Comparator<LicenseRow> rowComparator() {
        Comparator<LicenseRow> result = null;
        for (TableColumn<LicenseRow, ?> column : getSortOrder()) {
            Comparator<LicenseRow> next = compareBy(column);
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private <T> Comparator<LicenseRow> compareBy(TableColumn<LicenseRow, T> column) {
        Function<LicenseRow, T> value = (Function<LicenseRow, T>) values.get(column);
        Comparator<T> order = column.getComparator();
        Comparator<LicenseRow> ascending = (a, b) -> order.compare(value.apply(a), value.apply(b));
        return column.getSortType() == TableColumn.SortType.DESCENDING ? ascending.reversed() : ascending;
    }

    private static String customerName(LicenseRow row) {
        return row.getCustomer() == null ? "" : row.getCustomer().name();
    }

    /** "commercial" -> "Commercial"; unknown types are shown as the server sent them. */
    public static String typeName(String type) {
        return switch (type) {
            case "residential" -> I18n.t("license.type.residential");
            case "commercial" -> I18n.t("license.type.commercial");
            default -> type;
        };
    }

    /** The controller when known, else the datalink count/ids the server gave. */
    public static String linkedText(LicenseRow row) {
        if (!row.getController().isEmpty()) {
            return row.getController();
        }
        int n = row.getLicense().datalinks().size();
        return n == 0 ? "" : I18n.t("license.datalinks", n, String.join(", ", row.getLicense().datalinks()));
    }

    private static TableColumn<LicenseRow, String> text(String key, double width,
                                                        Function<LicenseRow, String> value) {
        TableColumn<LicenseRow, String> col = new TableColumn<>(I18n.t("license.col." + key));
        col.setId("col-" + key);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> Bindings.createStringBinding(() -> value.apply(c.getValue()),
                c.getValue().licenseProperty()));
        return col;
    }

    private static TableColumn<LicenseRow, Integer> number(String key, Function<License, Integer> value) {
        TableColumn<LicenseRow, Integer> col = new TableColumn<>(I18n.t(key.equals("duration")
                ? "license.col.duration." + durationUnit.name() : "license.col." + key));
        col.setId("col-" + key);
        col.setPrefWidth(key.equals("duration") ? 90 : 115); // the header fits: "Batterie kW", "Maanden"
        col.setCellValueFactory(c -> Bindings.createObjectBinding(() -> value.apply(c.getValue().getLicense()),
                c.getValue().licenseProperty()));
        col.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : Formats.number(item));
            }
        });
        col.getStyleClass().add("number-column");
        return col;
    }

    private static TableColumn<LicenseRow, Instant> licenseDate(String key, Function<License, Instant> getter) {
        return dateColumn(key, row -> Bindings.createObjectBinding(() -> getter.apply(row.getLicense()),
                row.licenseProperty()));
    }

    private static TableColumn<LicenseRow, Instant> dateColumn(String key,
                                                               Function<LicenseRow, ObservableValue<Instant>> value) {
        TableColumn<LicenseRow, Instant> col = new TableColumn<>(I18n.t("license.col." + key));
        col.setId("col-" + key);
        col.setPrefWidth(190); // the longest: "Aug 10, 2026, 12:00 AM"
        col.setCellValueFactory(c -> value.apply(c.getValue()));
        col.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : Formats.dateTime(item));
            }
        });
        return col;
    }

    private TableColumn<LicenseRow, LicenseStatus> statusColumn() {
        TableColumn<LicenseRow, LicenseStatus> col = new TableColumn<>(I18n.t("license.col.status"));
        col.setId("col-status");
        col.setPrefWidth(165); // the longest status name: "Niet geactiveerd"
        col.setCellValueFactory(c -> c.getValue().statusProperty());
        col.setCellFactory(c -> new StatusCell<>());
        return col;
    }

    /** A table cell showing a status as a coloured pill with its name: never colour alone. */
    public static final class StatusCell<S> extends TableCell<S, LicenseStatus> {
        /** Each status's look, a pseudo-class of the pill (app.css): changing one restyles the pill alone. */
        private static final Map<LicenseStatus, PseudoClass> LOOKS = new EnumMap<>(LicenseStatus.class);

        static {
            for (LicenseStatus status : LicenseStatus.values()) {
                LOOKS.put(status, PseudoClass.getPseudoClass(
                        "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            }
        }

        /** One pill per cell, restyled on reuse: a new Label per update cost its CSS every time. */
        private final Label pill = pill(null);
        private LicenseStatus shown;

        @Override
        protected void updateItem(LicenseStatus item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item != shown) {
                shown = item;
                style(pill, item);
                if (pill.getScene() != null) {
                    pill.applyCss(); // its colour in this frame (the table restyles only rows that change looks)
                }
            }
            setGraphic(pill);
        }

        /** A label styled for the status (none yet for null). */
        public static Label pill(LicenseStatus status) {
            Label label = new Label();
            label.getStyleClass().add("status-pill");
            if (status != null) {
                style(label, status);
            }
            label.setMinWidth(Region.USE_PREF_SIZE); // a status is never cut to "Niet geactiv..." in a narrow pane
            return label;
        }

        private static void style(Label label, LicenseStatus status) {
            label.setText(I18n.t("status." + status.name()));
            LOOKS.forEach((each, look) -> label.pseudoClassStateChanged(look, each == status));
        }
    }
}
