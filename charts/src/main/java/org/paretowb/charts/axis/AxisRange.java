package org.paretowb.charts.axis;

/** The span an axis shows, and whether it is logarithmic. */
public record AxisRange(double lower, double upper, boolean log) {
    public AxisRange {
        if (!(upper > lower) || (log && !(lower > 0))) {
            throw new IllegalArgumentException("an axis range needs lower < upper (and lower > 0 on a log axis), got "
                    + lower + " to " + upper);
        }
    }
}
