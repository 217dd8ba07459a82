package org.paretowb.views.workbench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.paretowb.charts.CostAxis;
import org.paretowb.charts.ParetoChart;
import org.paretowb.models.measure.EvaluatedPoint;

/**
 * The window's Pareto charts: latency and size, and a third one whose cost axis is picked above it. A chart is
 * drawn when the history changes only while it is shown; a third chart picked later is drawn then. One legend
 * above them serves all three; Reset zoom (or a double-click on a chart) fits the axes to the points again.
 */
final class ChartsPane {
    private final HistoryViewModel history;
    private final ParetoChart latency = new ParetoChart(CostAxis.LATENCY);
    private final ParetoChart size = new ParetoChart(CostAxis.SIZE);
    private final Map<CostAxis, ParetoChart> third = new EnumMap<>(CostAxis.class);
    private final Map<CostAxis, ChartViewer> thirdViewers = new EnumMap<>(CostAxis.class);
    private final ChoiceBox<CostAxis> thirdAxis;
    private final LegendBar legend;
    private final javafx.scene.control.Button resetZoom;

    ChartsPane(HistoryViewModel history, StackPane latencyPane, StackPane sizePane, StackPane thirdPane,
               ChoiceBox<CostAxis> thirdAxis, javafx.scene.layout.FlowPane legendPane,
               javafx.scene.control.Button resetZoom) {
        this.history = history;
        this.thirdAxis = thirdAxis;
        this.legend = new LegendBar(legendPane);
        this.resetZoom = resetZoom;
        resetZoom.setOnAction(e -> resetZoom());
        latencyPane.getChildren().add(viewer(latency));
        sizePane.getChildren().add(viewer(size));
        for (CostAxis axis : new CostAxis[] {CostAxis.MACS, CostAxis.PARAMETERS, CostAxis.THROUGHPUT}) {
            ParetoChart chart = new ParetoChart(axis);
            third.put(axis, chart);
            thirdViewers.put(axis, viewer(chart));
        }
        // another session's points (a workspace reopened) are drawn grey: their latencies are not this session's
        all().forEach(chart -> chart.session(org.paretowb.services.evaluate.SessionInfo.current().id()));
        thirdAxis.getItems().setAll(third.keySet());
        thirdAxis.setConverter(new StringConverter<>() {
            @Override
            public String toString(CostAxis axis) {
                return axis == null ? "" : axis.title();
            }

            @Override
            public CostAxis fromString(String text) {
                throw new UnsupportedOperationException("picked, not typed");
            }
        });
        thirdAxis.valueProperty().addListener((obs, old, axis) -> {
            thirdPane.getChildren().setAll(thirdViewers.get(axis));
            redraw();
        });
        thirdAxis.setValue(CostAxis.MACS);
        history.points().addListener((ListChangeListener<EvaluatedPoint>) change -> redraw());
        history.latestProperty().addListener((obs, old, point) -> redraw());
        history.selectedProperty().addListener((obs, old, point) -> redraw());
        history.chartEngines().shownProperty().addListener((obs, old, engine) -> redraw());
    }

    /** Draws the charts shown (the third chart of the axis picked; the others wait until picked). */
    private void redraw() {
        ChartEngines engines = history.chartEngines();
        EvaluatedPoint latest = history.latestProperty().get();
        List<EvaluatedPoint> points = engines.onCharts(history.points());
        for (ParetoChart chart : shown()) {
            chart.show(points, engines.shows(latest) ? latest : null, history.selectedProperty().get());
        }
        legend.show(latency.legend());
        updateResetZoom();
    }

    /**
     * Draws a search's accuracy budget (top-1 in percent; NaN: none) as a dashed line on every chart, as it changes.
     */
    void budgetFrom(javafx.beans.value.ObservableDoubleValue accuracyPercent) {
        Runnable apply = () -> {
            double at = accuracyPercent.get();
            String label = Double.isNaN(at) ? null
                    : String.format(java.util.Locale.ROOT, "search budget: %.2f%% top-1 (full set)", at);
            all().forEach(chart -> chart.budget(at, label));
            redraw();
        };
        accuracyPercent.addListener((obs, old, now) -> apply.run());
        apply.run();
    }

    /** Fits every chart's axes to its points again. */
    void resetZoom() {
        all().forEach(ParetoChart::resetZoom);
        updateResetZoom();
    }

    private void updateResetZoom() {
        resetZoom.setDisable(shown().stream().noneMatch(ParetoChart::zoomed));
    }

    /** The legend again (its colours follow the theme). */
    void themeChanged() {
        legend.show(latency.legend());
    }

    private List<ParetoChart> shown() {
        List<ParetoChart> shown = new ArrayList<>(List.of(latency, size));
        if (thirdAxis.getValue() != null) {
            shown.add(third.get(thirdAxis.getValue()));
        }
        return shown;
    }

    /** Every chart, shown or not (for the theme). */
    List<ParetoChart> all() {
        List<ParetoChart> all = new ArrayList<>(List.of(latency, size));
        all.addAll(third.values());
        return all;
    }

    ParetoChart latencyChart() {
        return latency;
    }

    ParetoChart sizeChart() {
        return size;
    }

    ParetoChart thirdChart(CostAxis axis) {
        return third.get(axis);
    }

    /** A chart viewer where clicking a point selects it (and so its table row). */
    private ChartViewer viewer(ParetoChart chart) {
        chart.legendShown(false);
        ChartViewer viewer = new ChartViewer(chart.chart());
        viewer.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) {
                chart.resetZoom();
                updateResetZoom();
            }
        });
        chart.chart().getPlot().addChangeListener(e -> {
            if (resetZoom != null) {
                javafx.application.Platform.runLater(this::updateResetZoom);
            }
        });
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item && item.getDataset() == chart.points()) {
                    history.selectedProperty().set(chart.pointAt(item.getSeriesIndex(), item.getItem()));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // hover shows the tooltip; nothing to do here
            }
        });
        return viewer;
    }
}
