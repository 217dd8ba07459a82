package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.paretowb.charts.axis.AxisFit;
import org.paretowb.charts.axis.AxisRange;
import org.paretowb.charts.axis.FittedAxes;
import org.paretowb.charts.axis.Unit;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityCurve;
import org.paretowb.models.measure.SensitivityTechnique;

/**
 * Per-layer sensitivity to one technique: accuracy (%) against the setting of that one layer (sparsity, weight
 * bits, weights kept by low-rank, channels removed, fp32 or int8 kernels), a line per layer in the workbench's
 * palette (readable on light and dark), with the unchanged network's accuracy as a dashed reference line.
 */
public final class SensitivityChart {
    private static final AxisFit ACCURACY = new AxisFit(0, 1.0, false, false, new AxisRange(0, 100, false));
    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final JFreeChart chart;
    private boolean dark;

    public SensitivityChart() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> String.format(Locale.ROOT,
                "%s at %s: %.2f%%", dataset.getSeriesKey(series), setting(dataset.getXValue(series, item)),
                dataset.getYValue(series, item)));
        XYPlot plot = new XYPlot(curves, FittedAxes.of("Sparsity of the one pruned layer (%)", Unit.PERCENT,
                new AxisRange(0, 100, false)), FittedAxes.of("Top-1 accuracy (%)", Unit.PERCENT, ACCURACY.of()), renderer);
        plot.setNoDataMessage("Run the analysis to see each layer's curve");
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, true);
        theme(false);
    }

    private SensitivityTechnique technique = SensitivityTechnique.PRUNE;

    /** Draws these pruning curves (replacing any before), each labelled with its layer and weight count. */
    public void show(List<SensitivityCurve> layers) {
        show(SensitivityTechnique.PRUNE, layers.stream().map(c -> new LayerSensitivity(SensitivityTechnique.PRUNE,
                c.layer(), c.weights(), c.baseline(), c.weights(), c.sparsity(), c.accuracy(),
                new double[c.sparsity().length])).toList());
    }

    /** Draws one technique's curves (replacing any before), each labelled with its layer and weight count. */
    public void show(SensitivityTechnique shown, List<LayerSensitivity> layers) {
        show(shown, layers, 0);
    }

    /**
     * As {@link #show(SensitivityTechnique, List)}, measured on {@code images} evaluation images (0: unknown): the
     * unchanged network's 95% interval (Wilson) on that many images is drawn as a grey band, and the accuracy axis
     * includes it, so a difference inside the band reads as the noise it is.
     */
    public void show(SensitivityTechnique shown, List<LayerSensitivity> layers, int images) {
        chart.getXYPlot().clearRangeMarkers();
        technique = shown;
        curves.removeAllSeries();
        List<Double> accuracies = new ArrayList<>();
        double unchanged = shown.plotted(shown.unchanged());
        double lowest = unchanged;
        double highest = unchanged;
        for (double setting : shown.settings()) {
            lowest = Math.min(lowest, shown.plotted(setting));
            highest = Math.max(highest, shown.plotted(setting));
        }
        if (!layers.isEmpty()) {
            for (LayerSensitivity curve : layers) {
                XYSeries s = new XYSeries(label(shown, curve), true, false);
                s.add(unchanged, curve.baseline() * 100);
                for (int i = 0; i < curve.settings().length; i++) {
                    s.add(shown.plotted(curve.settings()[i]), curve.accuracy()[i] * 100);
                    accuracies.add(curve.accuracy()[i] * 100);
                }
                curves.addSeries(s);
            }
            XYSeries baseline = new XYSeries(shown == SensitivityTechnique.PRUNE ? "unpruned" : "unchanged", true, true);
            baseline.add(lowest, layers.get(0).baseline() * 100);
            baseline.add(shown == SensitivityTechnique.PRUNE ? 100 : highest, layers.get(0).baseline() * 100);
            accuracies.add(layers.get(0).baseline() * 100);
            curves.addSeries(baseline);
        }
        if (images > 0 && !layers.isEmpty()) {
            double base = layers.get(0).baseline();
            org.paretowb.models.measure.Interval band = org.paretowb.models.measure
                    .ConfidenceIntervals.wilson(Math.round(base * images), images);
            org.jfree.chart.plot.IntervalMarker marker = new org.jfree.chart.plot.IntervalMarker(band.low() * 100,
                    band.high() * 100, new java.awt.Color(0x80, 0x80, 0x80, 0x30));
            marker.setLabel(String.format(java.util.Locale.ROOT, "95%% interval of the unchanged top-1 on %,d images:"
                    + " differences inside it are noise", images));
            marker.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            chart.getXYPlot().addRangeMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
            accuracies.add(band.low() * 100);
            accuracies.add(band.high() * 100);
        }
        AxisRange y = ACCURACY.of(accuracies.stream().mapToDouble(Double::doubleValue).toArray());
        chart.getXYPlot().getRangeAxis().setRange(y.lower(), y.upper());
        var x = chart.getXYPlot().getDomainAxis();
        x.setLabel(shown.axis());
        double pad = shown == SensitivityTechnique.INT8 ? 0.1 : 0;
        x.setRange(shown == SensitivityTechnique.PRUNE ? 0 : lowest - pad, shown == SensitivityTechnique.PRUNE ? 100
                : highest + pad);
        colour();
    }

    /**
     * A curve's legend: the layer, its weights and, where the technique has a cost of its own, the cost unchanged
     * and at the harshest setting (int8: the layer's batch-1 kernel time, fp32 then int8).
     */
    static String label(SensitivityTechnique shown, LayerSensitivity curve) {
        String layer = String.format(Locale.ROOT, "%s (%,d weights", curve.layer(), curve.weights());
        double[] cost = curve.cost();
        if (cost.length == 0 || shown == SensitivityTechnique.PRUNE) {
            return layer + ")";
        }
        double last = cost[cost.length - 1];
        return switch (shown) {
            case INT8 -> String.format(Locale.ROOT, "%s; kernel %.1f → %.1f µs)", layer, curve.baselineCost(), last);
            case CHANNELS -> String.format(Locale.ROOT, "%s; network %,.0f → %,.0f MACs)", layer, curve.baselineCost(),
                    last);
            case BITS -> String.format(Locale.ROOT, "%s; %,.0f → %,.0f bytes)", layer, curve.baselineCost(), last);
            case RANK -> String.format(Locale.ROOT, "%s; %,.0f → %,.0f parameters)", layer, curve.baselineCost(), last);
            case PRUNE -> layer + ")";
        };
    }

    /** The technique the chart shows. */
    public SensitivityTechnique technique() {
        return technique;
    }

    private String setting(double plotted) {
        return switch (technique) {
            case PRUNE, RANK, CHANNELS -> String.format(Locale.ROOT, "%.0f%%", plotted);
            case BITS -> String.format(Locale.ROOT, "%.0f bits", plotted);
            case INT8 -> plotted >= 0.5 ? "int8 kernels" : "fp32 kernels";
        };
    }

    /** Light or dark, the curves' colours included. */
    public void theme(boolean dark) {
        this.dark = dark;
        ChartTheme.apply(chart, dark);
        colour();
    }

    private void colour() {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int last = curves.getSeriesCount() - 1;
        for (int s = 0; s < last; s++) {
            r.setSeriesPaint(s, ChartTheme.series(s, dark));
        }
        if (last >= 0) {
            r.setSeriesPaint(last, ChartTheme.series(7, dark));
            r.setSeriesShapesVisible(last, false);
            r.setSeriesStroke(last, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
    }

    /** The curves as drawn: one series per layer, then the unpruned reference. */
    public XYSeriesCollection curves() {
        return curves;
    }

    public JFreeChart chart() {
        return chart;
    }
}
