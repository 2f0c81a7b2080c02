package app.licensedesk.ui.shared;

import app.licensedesk.model.License;
import app.licensedesk.model.LicenseStatus;
import app.licensedesk.model.LicenseTerms;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * The license table every view uses: key, type, status (colour and text), capacities, dates, duration and the
 * linked controllers. Virtualised, sortable; cells read the shared {@link LicenseRow}s so updates repaint.
 */
public final class LicenseTable extends TableView<LicenseRow> {

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

    public LicenseTable(Option... options) {
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getStyleClass().addAll("license-table", atlantafx.base.theme.Styles.DENSE);
        setId("licenseTable");
        getColumns().add(text("key", 190, LicenseRow::getKey));
        for (Option option : options) {
            if (option == Option.CUSTOMER_COLUMN) {
                TableColumn<LicenseRow, String> customer = new TableColumn<>(I18n.t("license.col.customer"));
                customer.setId("col-customer");
                customer.setPrefWidth(180);
                customer.setCellValueFactory(c -> Bindings.createStringBinding(
                        () -> c.getValue().getCustomer() == null ? "" : c.getValue().getCustomer().name(),
                        c.getValue().customerProperty()));
                getColumns().add(customer);
            }
        }
        getColumns().add(licenseText("type", 120, l -> l.type() == null ? "" : typeName(l.type())));
        getColumns().add(statusColumn());
        getColumns().add(number("gridKw", License::gridKw));
        getColumns().add(number("solarKw", License::solarKw));
        getColumns().add(number("batteryKw", License::batteryKw));
        getColumns().add(number("evKw", License::evKw));
        getColumns().add(licenseDate("creationDate", License::creationDate));
        getColumns().add(licenseDate("activationDate", License::activationDate));
        getColumns().add(dateColumn("endDate", LicenseRow::endProperty));
        getColumns().add(number("duration", License::duration));
        TableColumn<LicenseRow, String> links = new TableColumn<>(I18n.t("license.col.controllers"));
        links.setId("col-controllers");
        links.setPrefWidth(200);
        links.setCellValueFactory(c -> Bindings.createStringBinding(() -> linkedText(c.getValue()),
                c.getValue().licenseProperty(), c.getValue().controllerProperty()));
        getColumns().add(links);
        setPlaceholder(new Label(I18n.t("license.table.empty")));
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

    private static TableColumn<LicenseRow, String> licenseText(String key, double width,
                                                               Function<License, String> value) {
        return text(key, width, row -> value.apply(row.getLicense()));
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
        col.setPrefWidth(175);
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
        @Override
        protected void updateItem(LicenseStatus item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : StatusCell.pill(item));
        }

        /** A label styled for the status. */
        public static Label pill(LicenseStatus status) {
            Label label = new Label(I18n.t("status." + status.name()));
            String styleClass = "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
            label.getStyleClass().addAll("status-pill", styleClass);
            label.setMinWidth(Region.USE_PREF_SIZE); // a status is never cut to "Niet geactiv..." in a narrow pane
            return label;
        }
    }
}
