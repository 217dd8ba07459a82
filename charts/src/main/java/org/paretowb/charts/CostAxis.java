package org.paretowb.charts;

import java.util.function.ToDoubleFunction;
import org.paretowb.charts.axis.AxisFit;
import org.paretowb.charts.axis.AxisRange;
import org.paretowb.charts.axis.Unit;
import org.paretowb.models.measure.Measurement;

/**
 * What a Pareto chart puts on its horizontal axis. Accuracy is always the vertical axis. Throughput is
 * the one axis where more is better: its frontier takes the highest throughput as the cheapest. Each axis
 * fits its data ({@link AxisFit}): latency and throughput never span less than 30% of their value (the run-to-run
 * noise of a shared machine is about ±15%), counts and sizes 10%; any of them turns logarithmic where the points
 * span a factor of ten or more.
 */
public enum CostAxis {
    LATENCY("Batch-1 latency p50 (ms)", "Latency", Measurement::latencyP50Ms, false, Unit.PLAIN, 0.3, 1),
    SIZE("Serialized size (bytes)", "Size", m -> m.sizeBytes(), false, Unit.BYTES, 0.1, 1e6),
    MACS("Multiply-accumulates per image", "MACs", m -> m.macs(), false, Unit.COUNT, 0.1, 1e6),
    PARAMETERS("Parameters", "Parameters", m -> m.parameters(), false, Unit.COUNT, 0.1, 1e6),
    THROUGHPUT("Throughput at batch 64 (images/s, more is better)", "Throughput", Measurement::throughput, true,
            Unit.COUNT, 0.3, 1e4);

    private final String label;
    private final String title;
    private final ToDoubleFunction<Measurement> value;
    private final boolean moreIsBetter;
    private final Unit unit;
    private final AxisFit fit;

    CostAxis(String label, String title, ToDoubleFunction<Measurement> value, boolean moreIsBetter, Unit unit,
             double minRelativeSpan, double emptyUpper) {
        this.label = label;
        this.title = title;
        this.value = value;
        this.moreIsBetter = moreIsBetter;
        this.unit = unit;
        this.fit = new AxisFit(minRelativeSpan, 0, true, false, new AxisRange(0, emptyUpper, false));
    }

    /** A short name for a picker. */
    public String title() {
        return title;
    }

    /** Whether a higher value is better (throughput). */
    public boolean moreIsBetter() {
        return moreIsBetter;
    }

    /** The value as a cost, lower being better (throughput negated). */
    public double cost(Measurement m) {
        return moreIsBetter ? -of(m) : of(m);
    }

    public String label() {
        return label;
    }

    /** The axis title, saying so when the scale is logarithmic. */
    public String label(boolean log) {
        if (!log) {
            return label;
        }
        return label.endsWith(")") ? label.substring(0, label.length() - 1) + ", log scale)" : label + " (log scale)";
    }

    public double of(Measurement m) {
        return value.applyAsDouble(m);
    }

    /** How the tick labels read. */
    public Unit unit() {
        return unit;
    }

    /** How the axis fits the points. */
    public AxisFit fit() {
        return fit;
    }
}
