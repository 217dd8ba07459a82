package org.paretowb.models.measure;

import java.util.Arrays;

/** Percentiles of timing samples, by the nearest-rank method. */
public final class Percentiles {
    private final double[] sorted;

    public Percentiles(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples to take percentiles of");
        }
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
    }

    /** The smallest sample such that at least {@code p} percent of the samples are at or below it. */
    public double at(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
