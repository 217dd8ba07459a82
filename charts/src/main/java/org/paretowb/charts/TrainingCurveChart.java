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

/**
 * A training job's curve: running training loss (left axis) and training accuracy in % (right axis) every few batches,
 * and the validation top-1 after each epoch (right axis).
 */
public final class TrainingCurveChart {
    private final XYSeries loss = new XYSeries("training loss");
    private final XYSeries accuracy = new XYSeries("training accuracy (%)");
    private final XYSeries validation = new XYSeries("validation top-1 (%)");
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
        XYSeriesCollection accuracies = new XYSeriesCollection(accuracy);
        accuracies.addSeries(validation);
        plot.setDataset(1, accuracies);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer accuracyRenderer = renderer(new Color(31, 119, 180));
        accuracyRenderer.setSeriesPaint(1, new Color(44, 160, 44));
        accuracyRenderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(1, accuracyRenderer);
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
        validation.clear();
    }

    /** Running training figures at {@code epoch} (fractional every few batches, whole at an epoch's end). */
    public void add(double epoch, double trainLoss, double trainAccuracy) {
        loss.add(epoch, trainLoss);
        accuracy.add(epoch, trainAccuracy * 100);
    }

    /** Top-1 on the evaluation images after {@code epoch}, on the accuracy axis. */
    public void addValidation(int epoch, double top1) {
        validation.add(epoch, top1 * 100);
    }

    /** Points of the training curve drawn so far (every few batches and at each epoch's end). */
    public int epochs() {
        return loss.getItemCount();
    }

    /** Validation figures drawn so far (one per epoch measured). */
    public int validations() {
        return validation.getItemCount();
    }

    public JFreeChart chart() {
        return chart;
    }
}
