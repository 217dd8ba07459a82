package org.paretowb.charts;

import java.util.function.ToDoubleFunction;
import org.paretowb.models.measure.Measurement;

/** The cost a Pareto chart puts on its horizontal axis. Accuracy is always the vertical axis. */
public enum CostAxis {
    LATENCY("Batch-1 latency p50 (ms)", Measurement::latencyP50Ms, false),
    SIZE("Serialized size (bytes, log scale)", m -> m.sizeBytes(), true);

    private final String label;
    private final ToDoubleFunction<Measurement> value;
    private final boolean logarithmic;

    CostAxis(String label, ToDoubleFunction<Measurement> value, boolean logarithmic) {
        this.label = label;
        this.value = value;
        this.logarithmic = logarithmic;
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
