package org.paretowb.app.cli;

import java.util.Arrays;
import java.util.function.Supplier;

/** Small helpers shared by the commands. */
final class Flags {
    private Flags() {
    }

    /** Builds a settings record from flag values; its validation message becomes a one-line user error. */
    static <T> T settings(String flags, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(flags + ": " + e.getMessage());
        }
    }

    /** The median of timing samples (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
