package org.paretowb.charts.axis;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What an axis measures, and so how its tick labels read. A label shows as many decimals as the distance between
 * ticks needs (0.05 ms steps read 0.05, 0.10, not 0.1 twice) in the axis's own units: bytes as kB and MB, counts
 * as k and M, accuracy and loss as plain numbers, changes with their sign.
 */
public enum Unit {
    /** Percent (the axis title says so): 91.5 */
    PERCENT,
    /** A plain number: 0.25 ms, a loss of 0.31 */
    PLAIN,
    /** Bytes in decimal units: 850 B, 126 kB, 1.2 MB */
    BYTES,
    /** A count, compact: 950, 50k, 1.24M */
    COUNT,
    /** A signed change: -0.5, 0, +1.0 */
    CHANGE;

    /**
     * The label of {@code value} on an axis whose labels need to tell apart values {@code resolution} apart (the
     * tick step, or a log tick's own leading digit).
     */
    public String label(double value, double resolution) {
        return switch (this) {
            case PERCENT, PLAIN -> fixed(value, decimals(resolution));
            case CHANGE -> value == 0 ? "0" : (value > 0 ? "+" : "") + fixed(value, decimals(resolution));
            case BYTES -> scaled(value, resolution, new String[] {" B", " kB", " MB", " GB"});
            case COUNT -> scaled(value, resolution, new String[] {"", "k", "M", "G"});
        };
    }

    private static String scaled(double value, double resolution, String[] suffixes) {
        double magnitude = Math.abs(value);
        int power = 0;
        while (power < suffixes.length - 1 && magnitude >= Math.pow(1000, power + 1)) {
            power++;
        }
        double unit = Math.pow(1000, power);
        if (power == 0 && suffixes[0].isEmpty()) {
            return String.format(Locale.ROOT, "%,." + decimals(resolution) + "f", value);
        }
        return fixed(value / unit, decimals(resolution / unit)) + suffixes[power];
    }

    private static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text; // no "-0.0"
    }

    /** The decimals that show a multiple of {@code resolution} exactly (0.25 needs 2, 5 needs none), at most 6. */
    static int decimals(double resolution) {
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            return 0;
        }
        BigDecimal step = new BigDecimal(String.format(Locale.ROOT, "%.6g", resolution)).stripTrailingZeros();
        return Math.max(0, Math.min(6, step.scale()));
    }
}
