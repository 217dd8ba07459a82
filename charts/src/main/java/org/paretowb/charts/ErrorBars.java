package org.paretowb.charts;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Interval;

/** The 95% intervals a {@link ParetoChart} draws as error bars. */
final class ErrorBars {
    private ErrorBars() {
    }

    /**
     * An error bar per point where its figure has an interval: horizontal for the latency p50's 95% interval (on the
     * latency chart, as {@code latencyOf} gives it: null for none), vertical for the top-1 of a live subset (Wilson, 95%); none for exact figures.
     */
    static XYIntervalSeries of(List<EvaluatedPoint> all, Function<EvaluatedPoint, Interval> latencyOf,
                               ToDoubleFunction<EvaluatedPoint> xOf, ToDoubleFunction<EvaluatedPoint> yOf) {
        XYIntervalSeries series = new XYIntervalSeries("95% intervals", false, true);
        for (EvaluatedPoint p : all) {
            double x = xOf.applyAsDouble(p);
            double y = yOf.applyAsDouble(p);
            Interval latency = latencyOf.apply(p);
            var accuracy = p.measurement().accuracyInterval();
            double xLow = latency == null ? x : Math.min(x, latency.low());
            double xHigh = latency == null ? x : Math.max(x, latency.high());
            double yLow = Math.min(y, accuracy.low() * 100);
            double yHigh = Math.max(y, accuracy.high() * 100);
            if (xLow < x || xHigh > x || yLow < y || yHigh > y) {
                series.add(x, xLow, xHigh, y, yLow, yHigh);
            }
        }
        return series;
    }

    /** Draws the bars alone: no line, no marker, no legend entry. */
    static org.jfree.chart.renderer.xy.XYErrorRenderer renderer() {
        org.jfree.chart.renderer.xy.XYErrorRenderer bars = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        bars.setDefaultLinesVisible(false);
        bars.setDefaultShapesVisible(false);
        bars.setCapLength(4);
        bars.setErrorStroke(new java.awt.BasicStroke(1f));
        bars.setDefaultSeriesVisibleInLegend(false);
        return bars;
    }

    /** Both ends of every error bar, horizontal or vertical. */
    static DoubleStream ends(XYIntervalSeriesCollection errors, boolean horizontal) {
        DoubleStream.Builder ends = DoubleStream.builder();
        for (int s = 0; s < errors.getSeriesCount(); s++) {
            for (int i = 0; i < errors.getItemCount(s); i++) {
                ends.add(horizontal ? errors.getStartXValue(s, i) : errors.getStartYValue(s, i));
                ends.add(horizontal ? errors.getEndXValue(s, i) : errors.getEndYValue(s, i));
            }
        }
        return ends.build();
    }
}
