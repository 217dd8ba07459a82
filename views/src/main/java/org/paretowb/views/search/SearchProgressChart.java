package org.paretowb.views.search;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.paretowb.services.search.Trial;

/**
 * A search's course: every full-set candidate's measured objective, those within the accuracy budget apart from those
 * outside it, and the best within the budget so far as a line, against the evaluation it came at.
 */
final class SearchProgressChart {
    private final XYSeries within = new XYSeries("Within the budget (full set)");
    private final XYSeries outside = new XYSeries("Over the budget (full set)");
    private final XYSeries best = new XYSeries("Best within the budget so far");
    private final JFreeChart chart;

    SearchProgressChart(String objective) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(within);
        data.addSeries(outside);
        data.addSeries(best);
        chart = ChartFactory.createXYLineChart(null, "Evaluation",
                objective, data, PlotOrientation.VERTICAL, true, true,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(2, false);
        renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        renderer.setSeriesPaint(1, new Color(0xb0, 0xb0, 0xb0));
        renderer.setSeriesPaint(2, new Color(0xd6, 0x27, 0x28));
        renderer.setSeriesStroke(2, new BasicStroke(2f));
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    }

    void clear(String objective) {
        within.clear();
        outside.clear();
        best.clear();
        chart.getXYPlot().getRangeAxis().setLabel(objective);
    }

    /** A trial as it comes; subset trials are not drawn (their figures are judged on the full set later). */
    void add(Trial trial, Trial bestSoFar) {
        if (!trial.fullSet()) {
            return;
        }
        (trial.meets() ? within : outside).add(trial.number(), trial.value());
        if (bestSoFar != null) {
            best.add(trial.number(), bestSoFar.value());
        }
    }

    JFreeChart chart() {
        return chart;
    }
}
