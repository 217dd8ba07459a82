package org.paretowb.models.measure;

import java.util.Locale;

/**
 * A 95% confidence interval of a figure, in the figure's own unit (milliseconds, or a fraction for accuracy).
 * Two figures differ measurably only when their intervals do not overlap ({@link #separatesFrom}).
 *
 * @param low the lower end
 * @param high the upper end, at least {@code low}
 */
public record Interval(double low, double high) {
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("an interval needs low <= high, got " + low + " and " + high);
        }
    }

    /** An interval of no width: a figure that is exact for what it describes (accuracy on the whole set). */
    public static Interval exactly(double value) {
        return new Interval(value, value);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** The smallest interval holding this one and {@code value}. */
    public Interval including(double value) {
        return new Interval(Math.min(low, value), Math.max(high, value));
    }

    /** Whether the two intervals have no value in common: only then is a difference between their figures claimed. */
    public boolean separatesFrom(Interval other) {
        return high < other.low || other.high < low;
    }

    /**
     * This interval around {@code centre} widened by an independent relative error {@code spread} (a 95% half-width
     * as a share of {@code centre}): each end moves to the root of the sum of the squares of the two half-widths.
     */
    public Interval widenedBy(double centre, double spread) {
        if (!(spread >= 0)) {
            throw new IllegalArgumentException("a spread must be 0 or more, got " + spread);
        }
        double extra = spread * centre;
        return new Interval(centre - Math.hypot(centre - low, extra), centre + Math.hypot(high - centre, extra));
    }

    /** The larger distance from {@code centre} to either end: the "±" printed beside a figure. */
    public double plusMinus(double centre) {
        return Math.max(centre - low, high - centre);
    }

    /** {@link #plusMinus} as a share of {@code centre} (0.05 for ±5%). */
    public double relativePlusMinus(double centre) {
        return centre > 0 ? plusMinus(centre) / centre : Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%s, %s]", low, high);
    }
}
