package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A training job's curve, epoch by epoch: training loss (left axis) and training accuracy in % (right axis). */
public final class TrainingCurveChart {
    private final XYSeries loss = new XYSeries("training loss");
    private final XYSeries accuracy = new XYSeries("training accuracy (%)");
    private final JFreeChart chart;

    public TrainingCurveChart() {
        NumberAxis epochs = new NumberAxis("Epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis lossAxis = new NumberAxis("Loss");
        lossAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(loss), epochs, lossAxis, renderer(new Color(214, 39, 40)));
        NumberAxis accuracyAxis = new NumberAxis("Training accuracy (%)");
        accuracyAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, accuracyAxis);
        plot.setDataset(1, new XYSeriesCollection(accuracy));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(new Color(31, 119, 180)));
        plot.setBackgroundPaint(new Color(250, 250, 252));
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
    }

    private static XYLineAndShapeRenderer renderer(Color colour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(2f));
        return r;
    }

    public void clear() {
        loss.clear();
        accuracy.clear();
    }

    public void add(int epoch, double trainLoss, double trainAccuracy) {
        loss.add(epoch, trainLoss);
        accuracy.add(epoch, trainAccuracy * 100);
    }

    /** Epochs drawn so far. */
    public int epochs() {
        return loss.getItemCount();
    }

    public JFreeChart chart() {
        return chart;
    }
}
