package org.paretowb.charts;

import java.util.function.ToDoubleFunction;
import org.paretowb.models.measure.Measurement;

/**
 * What a Pareto chart puts on its horizontal axis. Accuracy is always the vertical axis. Throughput is
 * the one axis where more is better: its frontier takes the highest throughput as the cheapest.
 */
public enum CostAxis {
    LATENCY("Batch-1 latency p50 (ms)", "Latency", Measurement::latencyP50Ms, false, false),
    SIZE("Serialized size (bytes, log scale)", "Size", m -> m.sizeBytes(), true, false),
    MACS("Multiply-accumulates per image", "MACs", m -> m.macs(), false, false),
    PARAMETERS("Parameters", "Parameters", m -> m.parameters(), false, false),
    THROUGHPUT("Throughput at batch 64 (images/s, more is better)", "Throughput", Measurement::throughput, false, true);

    private final String label;
    private final String title;
    private final ToDoubleFunction<Measurement> value;
    private final boolean logarithmic;
    private final boolean moreIsBetter;

    CostAxis(String label, String title, ToDoubleFunction<Measurement> value, boolean logarithmic,
             boolean moreIsBetter) {
        this.label = label;
        this.title = title;
        this.value = value;
        this.logarithmic = logarithmic;
        this.moreIsBetter = moreIsBetter;
    }

    /** A short name for a picker. */
    public String title() {
        return title;
    }

    /** The value as a cost, lower being better (throughput negated). */
    public double cost(Measurement m) {
        return moreIsBetter ? -of(m) : of(m);
    }

    public String label() {
        return label;
    }

    public double of(Measurement m) {
        return value.applyAsDouble(m);
    }

    public boolean logarithmic() {
        return logarithmic;
    }
}
