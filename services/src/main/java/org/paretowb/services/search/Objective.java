package org.paretowb.services.search;

import java.util.Locale;
import org.paretowb.models.measure.Measurement;

/** What a search makes as small (or, throughput, as large) as it can. */
public enum Objective {
    LATENCY("batch-1 latency p50", "ms", false),
    BYTES("serialized size", "bytes", false),
    MACS("multiply-accumulates per image", "MACs", false),
    THROUGHPUT("throughput", "images/s", true);

    private final String title;
    private final String unit;
    private final boolean maximised;

    Objective(String title, String unit, boolean maximised) {
        this.title = title;
        this.unit = unit;
        this.maximised = maximised;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    public boolean maximised() {
        return maximised;
    }

    /**
     * Whether the figure is the same on whatever machine it is measured: size and MACs are; latency and throughput
     * are timed, and a figure timed on a cluster's executor is not comparable with one timed on the workstation.
     */
    public boolean portable() {
        return this == BYTES || this == MACS;
    }

    /** The measured figure. */
    public double value(Measurement m) {
        return switch (this) {
            case LATENCY -> m.latencyP50Ms();
            case BYTES -> m.sizeBytes();
            case MACS -> m.macs();
            case THROUGHPUT -> m.throughput();
        };
    }

    /**
     * The figure relative to the baseline's, so that lower is better: 0.5 is half the latency, or twice the
     * throughput. Latency is compared with the baseline timed in rounds interleaved with the candidate, in the same
     * session, when the measurement has that timing: on a shared machine the load drifts between two points measured
     * a second apart, and the interleaved ratio cancels the drift; otherwise with the baseline's own p50.
     */
    public double relative(Measurement m, Measurement baseline) {
        if (this == LATENCY && m.sessionBaseline() != null && m.sessionBaseline().p50Ms() > 0) {
            return m.latencyP50Ms() / m.sessionBaseline().p50Ms();
        }
        double v = value(m);
        double b = value(baseline);
        return maximised ? b / v : v / b;
    }

    /** The figure with its unit, for messages. */
    public String format(double v) {
        return this == LATENCY ? String.format(Locale.ROOT, "%.4f ms", v)
                : String.format(Locale.ROOT, "%,.0f %s", v, unit);
    }

    /** The objective a command line names: latency, bytes, macs or throughput. */
    public static Objective parse(String text) {
        for (Objective o : values()) {
            if (o.name().equalsIgnoreCase(text.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an objective: latency, bytes, macs (minimised) or"
                + " throughput (maximised)");
    }
}
