package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.paretowb.models.measure.SensitivityCurve;

/**
 * Per-layer pruning sensitivity: accuracy (%) against the sparsity of that one layer, a line per layer,
 * with the unpruned accuracy as a dashed reference line.
 */
public final class SensitivityChart {
    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final JFreeChart chart;

    public SensitivityChart() {
        NumberAxis x = new NumberAxis("Sparsity of the one pruned layer (%)");
        x.setRange(0, 100);
        NumberAxis y = new NumberAxis("Top-1 accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> String.format(Locale.ROOT,
                "%s at %.0f%%: %.2f%%", dataset.getSeriesKey(series), dataset.getXValue(series, item),
                dataset.getYValue(series, item)));
        XYPlot plot = new XYPlot(curves, x, y, renderer);
        plot.setBackgroundPaint(new Color(250, 250, 252));
        plot.setDomainGridlinePaint(new Color(220, 220, 225));
        plot.setRangeGridlinePaint(new Color(220, 220, 225));
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
    }

    /** Draws these curves (replacing any before), each labelled with its layer and weight count. */
    public void show(List<SensitivityCurve> layers) {
        curves.removeAllSeries();
        if (layers.isEmpty()) {
            return;
        }
        XYSeries baseline = new XYSeries("unpruned", true, true);
        baseline.add(0, layers.get(0).baseline() * 100);
        baseline.add(100, layers.get(0).baseline() * 100);
        for (SensitivityCurve curve : layers) {
            XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s (%,d weights)", curve.layer(), curve.weights()),
                    true, false);
            s.add(0, curve.baseline() * 100);
            for (int i = 0; i < curve.sparsity().length; i++) {
                s.add(curve.sparsity()[i] * 100, curve.accuracy()[i] * 100);
            }
            curves.addSeries(s);
        }
        curves.addSeries(baseline);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int last = curves.getSeriesCount() - 1;
        r.setSeriesPaint(last, Color.GRAY);
        r.setSeriesShapesVisible(last, false);
        r.setSeriesStroke(last, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
    }

    /** The curves as drawn: one series per layer, then the unpruned reference. */
    public XYSeriesCollection curves() {
        return curves;
    }

    public JFreeChart chart() {
        return chart;
    }
}
