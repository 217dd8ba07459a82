package org.paretowb.charts.axis;

import java.util.Arrays;

/**
 * How an axis fits its data: from the smallest to the largest value with a margin, so points never sit on the
 * border; never narrower than a minimum span (so run-to-run noise of a few percent does not fill a latency axis,
 * and one point gets a readable axis); zero included only where it means something (a change against a baseline);
 * a non-negative quantity never shown below zero; and on a log scale where the data spans a decade or more, if the
 * axis allows it (sizes, throughputs, counts).
 *
 * @param minRelativeSpan the least span as a share of the largest magnitude (0.3: differences under ±15% fill at
 *                        most the whole axis)
 * @param minSpan         the least span in data units (1.0 for accuracy in points)
 * @param logOverDecade   whether data spanning a factor of 10 or more gets a log scale
 * @param includeZero     whether zero is always shown
 * @param empty           the range with no data, in the axis's units
 */
public record AxisFit(double minRelativeSpan, double minSpan, boolean logOverDecade, boolean includeZero,
                      AxisRange empty) {
    /** The share of the span added on each side. */
    static final double MARGIN = 0.07;
    /** A log axis spans at least this factor, so it holds two ticks of its 1-to-9 set. */
    static final double MIN_LOG_FACTOR = 3;

    /** The range for these values (NaN and infinities ignored). */
    public AxisRange of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return empty;
        }
        double min = Arrays.stream(finite).min().getAsDouble();
        double max = Arrays.stream(finite).max().getAsDouble();
        if (includeZero) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (logOverDecade && min > 0 && max / min >= 10) {
            return log(min, max);
        }
        return linear(min, max);
    }

    private AxisRange log(double min, double max) {
        double low = Math.log10(min);
        double high = Math.log10(max);
        double need = Math.max(high - low, Math.log10(MIN_LOG_FACTOR));
        double centre = (low + high) / 2;
        low = Math.min(low, centre - need / 2);
        high = Math.max(high, centre + need / 2);
        double margin = (high - low) * MARGIN;
        return new AxisRange(Math.pow(10, low - margin), Math.pow(10, high + margin), true);
    }

    private AxisRange linear(double min, double max) {
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        double need = Math.max(max - min, Math.max(minSpan, minRelativeSpan * magnitude));
        if (!(need > 0)) {
            need = 1; // every value zero
        }
        double centre = (min + max) / 2;
        double lower = Math.min(min, centre - need / 2);
        double upper = Math.max(max, centre + need / 2);
        double margin = (upper - lower) * MARGIN;
        lower -= margin;
        upper += margin;
        if (!includeZero && min >= 0 && lower < 0) { // a size, a count, a time or an accuracy is never negative
            upper -= lower;
            lower = 0;
        }
        return new AxisRange(lower, upper, false);
    }
}
