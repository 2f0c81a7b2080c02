package app.licensedesk.ui.expiring;

import app.licensedesk.ui.common.I18n;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

/**
 * The Expiring page's two bar charts, drawn from the view model's lists: licenses ending per month, and the
 * capacities per license type. A click on a bar hands its month or type to the view model.
 */
final class ExpiringCharts {

    private ExpiringCharts() {
    }

    /** One bar per month of the next 12; the chosen month stands out. */
    static BarChart<String, Number> months(ExpiringViewModel vm) {
        BarChart<String, Number> chart = chart("expiringMonthsChart", I18n.t("expiring.chart.months"),
                I18n.t("expiring.chart.months.axis"));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(I18n.t("expiring.chart.months.axis"));
        chart.getData().add(series);
        chart.setLegendVisible(false);
        Bars bars = new Bars(month -> vm.toggleMonth((YearMonth) month), (data, month) -> I18n.t(
                "expiring.chart.monthTip", ExpiringViewModel.monthName((YearMonth) month), data.getYValue()));
        Runnable redraw = () -> {
            List<MonthBar> months = List.copyOf(vm.months());
            bars.chosen = vm.monthFilterProperty().get();
            bars.fill(series, months.size(), i -> ExpiringViewModel.monthLabel(months.get(i).month()),
                    i -> months.get(i).count(), i -> months.get(i).month());
        };
        vm.months().addListener((ListChangeListener<MonthBar>) c -> redraw.run());
        vm.monthFilterProperty().addListener(o -> redraw.run());
        redraw.run();
        return chart;
    }

    /** Per license type, a bar for each capacity (grid, solar, battery, EV); the chosen type stands out. */
    static BarChart<String, Number> types(ExpiringViewModel vm) {
        BarChart<String, Number> chart = chart("expiringTypesChart", I18n.t("expiring.chart.types"),
                I18n.t("expiring.chart.types.axis"));
        List<String> names = List.of("grid", "solar", "battery", "ev");
        List<ToLongFunction<Capacity>> values = List.of(Capacity::gridKw, Capacity::solarKw, Capacity::batteryKw,
                Capacity::evKw);
        List<Bars> perSeries = new ArrayList<>();
        for (String name : names) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            String capacity = I18n.t("expiring.capacity." + name);
            series.setName(capacity);
            chart.getData().add(series);
            perSeries.add(new Bars(type -> vm.toggleType((String) type), (data, type) -> I18n.t(
                    "expiring.chart.typeTip", data.getXValue(), capacity, data.getYValue())));
        }
        Runnable redraw = () -> {
            List<TypeBar> types = List.copyOf(vm.types());
            for (int s = 0; s < names.size(); s++) {
                ToLongFunction<Capacity> value = values.get(s);
                Bars bars = perSeries.get(s);
                bars.chosen = vm.typeFilterProperty().get();
                bars.fill(chart.getData().get(s), types.size(), i -> ExpiringViewModel.typeName(types.get(i).type()),
                        i -> value.applyAsLong(types.get(i).capacity()), i -> types.get(i).type());
            }
        };
        vm.types().addListener((ListChangeListener<TypeBar>) c -> redraw.run());
        vm.typeFilterProperty().addListener(o -> redraw.run());
        redraw.run();
        return chart;
    }

    private static BarChart<String, Number> chart(String id, String title, String valueAxis) {
        CategoryAxis categories = new CategoryAxis();
        NumberAxis numbers = new NumberAxis();
        numbers.setLabel(valueAxis);
        numbers.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(categories, numbers);
        chart.setId(id);
        chart.setTitle(title);
        // no animation: bars that grow after every filter click would only distract (and make tests wait)
        chart.setAnimated(false);
        chart.setCategoryGap(6);
        chart.setBarGap(1);
        chart.setPrefHeight(240);
        chart.setMinHeight(200);
        chart.getStyleClass().add("expiring-chart");
        return chart;
    }

    /** The bars of one series: what a click does, their tooltips, and which key is chosen now. */
    private static final class Bars {

        private final Consumer<Object> click;
        private final TipText tip;
        private Object chosen;

        Bars(Consumer<Object> click, TipText tip) {
            this.click = click;
            this.tip = tip;
        }

        /**
         * Puts the values into the series: in place when the categories are the ones shown (so the bars keep their
         * nodes and the axis its order), else anew; then styles every bar.
         */
        void fill(XYChart.Series<String, Number> series, int size, Function<Integer, String> category,
                  Function<Integer, Number> value, Function<Integer, Object> key) {
            ObservableList<XYChart.Data<String, Number>> data = series.getData();
            boolean same = data.size() == size;
            for (int i = 0; same && i < size; i++) {
                same = data.get(i).getXValue().equals(category.apply(i));
            }
            if (!same) {
                data.clear();
                for (int i = 0; i < size; i++) {
                    XYChart.Data<String, Number> bar = new XYChart.Data<>(category.apply(i), value.apply(i),
                            key.apply(i));
                    // the chart makes a bar's node when it shows it: style it then
                    bar.nodeProperty().addListener((o, before, node) -> style(bar));
                    data.add(bar);
                }
            }
            for (int i = 0; i < size; i++) {
                data.get(i).setExtraValue(key.apply(i));
                data.get(i).setYValue(value.apply(i));
                style(data.get(i));
            }
        }

        private void style(XYChart.Data<String, Number> data) {
            Node node = data.getNode();
            if (node == null || data.getExtraValue() == null) {
                return;
            }
            Object key = data.getExtraValue();
            String text = tip.text(data, key);
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> click.accept(key));
            Tooltip.install(node, new Tooltip(text));
            node.getStyleClass().removeAll("bar-chosen", "bar-other");
            if (chosen != null) {
                node.getStyleClass().add(Objects.equals(chosen, key) ? "bar-chosen" : "bar-other");
            }
        }
    }

    /** The words for a bar's tooltip. */
    @FunctionalInterface
    private interface TipText {
        String text(XYChart.Data<String, Number> data, Object key);
    }
}
