package app.licensedesk.ui.licenses;

import app.licensedesk.model.License;
import app.licensedesk.ui.common.Formats;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.shared.LicenseRow;
import app.licensedesk.ui.shared.LicenseTable;
import app.licensedesk.ui.common.PageParts;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The detail pane of the Licenses page: every field of the selected license, formatted, and a copy button. */
final class LicenseDetailPane extends ScrollPane {

    private final VBox box = new VBox(10);
    private final Runnable copyKey;
    private final InvalidationListener rowChanged = o -> show();
    private LicenseRow row;

    LicenseDetailPane(Runnable copyKey) {
        this.copyKey = copyKey;
        setId("licensesDetail");
        getStyleClass().add("license-detail");
        setFitToWidth(true);
        box.setPadding(new Insets(12));
        setContent(box);
        show();
    }

    /** Shows this row (null: nothing selected) and follows its changes, e.g. after an activation or a claim. */
    void setRow(LicenseRow newRow) {
        if (row != null) {
            row.licenseProperty().removeListener(rowChanged);
            row.controllerProperty().removeListener(rowChanged);
            row.customerProperty().removeListener(rowChanged);
            row.statusProperty().removeListener(rowChanged);
        }
        row = newRow;
        if (row != null) {
            row.licenseProperty().addListener(rowChanged);
            row.controllerProperty().addListener(rowChanged);
            row.customerProperty().addListener(rowChanged);
            row.statusProperty().addListener(rowChanged);
        }
        show();
    }

    private void show() {
        if (row == null) {
            Label empty = new Label(I18n.t("licenses.detail.empty"));
            empty.getStyleClass().add("inline-info");
            box.getChildren().setAll(empty);
            return;
        }
        License license = row.getLicense();
        Label key = new Label(row.getKey());
        key.setId("licensesDetailKey");
        key.getStyleClass().addAll("mono", "license-detail-key");
        key.setWrapText(true);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("licensesDetailCopyButton");
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.setTooltip(new Tooltip(I18n.t("licenses.detail.copy")));
        copy.setOnAction(e -> copyKey.run());
        HBox header = new HBox(6, key, copy);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = PageParts.formGrid(12, 6);
        int r = 0;
        add(grid, r++, "license.col.customer", text(row.getCustomer() == null ? "" : row.getCustomer().name()));
        add(grid, r++, "license.col.type", text(license.type() == null ? "" : LicenseTable.typeName(license.type())));
        add(grid, r++, "license.col.status",
                row.getStatus() == null ? text("") : LicenseTable.StatusCell.pill(row.getStatus()));
        add(grid, r++, "license.col.gridKw", text(Formats.number(license.gridKw())));
        add(grid, r++, "license.col.solarKw", text(Formats.number(license.solarKw())));
        add(grid, r++, "license.col.batteryKw", text(Formats.number(license.batteryKw())));
        add(grid, r++, "license.col.evKw", text(Formats.number(license.evKw())));
        add(grid, r++, "license.col.creationDate", text(Formats.dateTime(license.creationDate())));
        add(grid, r++, "license.col.activationDate", text(Formats.dateTime(license.activationDate())));
        add(grid, r++, "license.col.endDate", text(Formats.dateTime(row.getEnd())));
        add(grid, r++, "licenses.detail.duration", text(license.duration() == null ? ""
                : LicenseTable.durationText(license.duration())));
        add(grid, r++, "licenses.detail.deactivation", text(Formats.dateTime(license.deactivationDate())));
        add(grid, r++, "licenses.detail.id", mono(license.id()));
        add(grid, r++, "licenses.detail.datalinks", mono(String.join("\n", license.datalinks())));
        add(grid, r, "licenses.detail.controller", mono(row.getController()));
        box.getChildren().setAll(header, grid);
    }

    private static void add(GridPane grid, int rowIndex, String nameKey, Node value) {
        Label name = new Label(I18n.t(nameKey));
        name.getStyleClass().add("detail-key");
        GridPane.setValignment(name, VPos.TOP);
        grid.add(name, 0, rowIndex);
        grid.add(value, 1, rowIndex);
    }

    private static Label text(String value) {
        Label label = new Label(value == null || value.isEmpty() ? I18n.t("licenses.detail.none") : value);
        label.setWrapText(true);
        return label;
    }

    private static Label mono(String value) {
        Label label = text(value);
        if (value != null && !value.isEmpty()) {
            label.getStyleClass().add("mono");
        }
        return label;
    }
}
