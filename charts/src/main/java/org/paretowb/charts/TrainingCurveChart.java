package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.paretowb.charts.axis.AxisFit;
import org.paretowb.charts.axis.AxisRange;
import org.paretowb.charts.axis.FittedAxes;
import org.paretowb.charts.axis.Unit;

/**
 * A training job's curves as they come: training loss (left axis) and training accuracy (right axis, %) every few
 * batches, running averages over the epoch so far, at fractional epochs (1.5 is half-way through the second); and
 * the accuracy on the evaluation images after each epoch (right axis, markers). The epoch axis spans the whole
 * job from the start, and the other two fit their data: one epoch gives a readable accuracy axis (each tick
 * label different), not one value repeated.
 */
public final class TrainingCurveChart {
    private static final AxisFit LOSS = new AxisFit(0.2, 0.05, false, false, new AxisRange(0, 1, false));
    private static final AxisFit ACCURACY = new AxisFit(0, 1.0, false, false, new AxisRange(0, 100, false));
    private final XYSeries loss = new XYSeries("training loss", true, true);
    private final XYSeries accuracy = new XYSeries("training accuracy (%)", true, true);
    private final XYSeries validation = new XYSeries("accuracy on evaluation images after each epoch (%)", true, true);
    private final JFreeChart chart;
    private int epochs = 1;

    public TrainingCurveChart() {
        XYPlot plot = new XYPlot(new XYSeriesCollection(loss), epochAxis(), FittedAxes.of("Loss", Unit.PLAIN, LOSS.of()),
                renderer(true));
        XYSeriesCollection accuracies = new XYSeriesCollection(accuracy);
        accuracies.addSeries(validation);
        plot.setRangeAxis(1, FittedAxes.of("Accuracy (%)", Unit.PERCENT, ACCURACY.of()));
        plot.setDataset(1, accuracies);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer accuracyLines = renderer(true);
        accuracyLines.setSeriesLinesVisible(1, false);
        accuracyLines.setSeriesShapesVisible(1, true);
        accuracyLines.setSeriesShape(1, Markers.shape(org.paretowb.models.recipe.Technique.QUANTIZATION));
        accuracyLines.setSeriesShapesFilled(1, true);
        plot.setRenderer(1, accuracyLines);
        plot.setNoDataMessage("The curves appear once training starts");
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, true);
        theme(false);
    }

    private ValueAxis epochAxis() {
        return FittedAxes.of("Epoch", Unit.PLAIN, new AxisRange(0, epochs, false));
    }

    /** Lines with small markers: a curve of one reading (after one epoch) still shows its point. */
    private static XYLineAndShapeRenderer renderer(boolean lines) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, true);
        IntStream.range(0, 2).forEach(s -> {
            r.setSeriesStroke(s, new BasicStroke(2f));
            r.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        });
        return r;
    }

    /** Empties the curves for a job of this many epochs (the epoch axis spans them). */
    public void start(int totalEpochs) {
        epochs = Math.max(1, totalEpochs);
        loss.clear();
        accuracy.clear();
        validation.clear();
        chart.getXYPlot().getDomainAxis().setRange(0, epochs);
        refit();
    }

    public void clear() {
        start(epochs);
    }

    /** The running loss and training accuracy (a fraction) at this point of training ({@code epoch} fractional). */
    public void add(double epoch, double trainLoss, double trainAccuracy) {
        loss.add(epoch, trainLoss);
        accuracy.add(epoch, trainAccuracy * 100);
        if (epoch > epochs) {
            epochs = (int) Math.ceil(epoch);
            chart.getXYPlot().getDomainAxis().setRange(0, epochs);
        }
        refit();
    }

    /** The accuracy (a fraction) on the evaluation images after {@code epoch} epochs. */
    public void addValidation(int epoch, double evaluationAccuracy) {
        validation.add(epoch, evaluationAccuracy * 100);
        refit();
    }

    private void refit() {
        XYPlot plot = chart.getXYPlot();
        AxisRange l = LOSS.of(values(loss));
        plot.getRangeAxis(0).setRange(l.lower(), l.upper());
        double[] both = IntStream.range(0, accuracy.getItemCount() + validation.getItemCount())
                .mapToDouble(i -> i < accuracy.getItemCount() ? accuracy.getY(i).doubleValue()
                        : validation.getY(i - accuracy.getItemCount()).doubleValue()).toArray();
        AxisRange a = ACCURACY.of(both);
        plot.getRangeAxis(1).setRange(a.lower(), a.upper());
    }

    private static double[] values(XYSeries s) {
        return IntStream.range(0, s.getItemCount()).mapToDouble(i -> s.getY(i).doubleValue()).toArray();
    }

    /** Points drawn so far on the training curves. */
    public int epochs() {
        return loss.getItemCount();
    }

    /** Validation figures drawn so far (one per epoch measured). */
    public int validations() {
        return validation.getItemCount();
    }

    /** Light or dark, every axis and series included. */
    public void theme(boolean dark) {
        ChartTheme.apply(chart, dark);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer(0).setSeriesPaint(0, ChartTheme.series(9, dark));
        plot.getRenderer(1).setSeriesPaint(0, ChartTheme.series(0, dark));
        plot.getRenderer(1).setSeriesPaint(1, ChartTheme.series(1, dark));
    }

    /** The curves as drawn: training loss, training accuracy (%), evaluation accuracy per epoch (%). */
    public XYSeries lossSeries() {
        return loss;
    }

    public XYSeries accuracySeries() {
        return accuracy;
    }

    public XYSeries validationSeries() {
        return validation;
    }

    public JFreeChart chart() {
        return chart;
    }
}
