package org.paretowb.charts;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Byte counts for axis ticks: "850 B", "126 kB", "1.2 MB" (decimal units). */
final class ByteFormat extends NumberFormat {
    private final DecimalFormat digits = new DecimalFormat("#,##0.#");

    @Override
    public StringBuffer format(double bytes, StringBuffer target, FieldPosition position) {
        if (bytes >= 1e6) {
            return target.append(digits.format(bytes / 1e6)).append(" MB");
        }
        if (bytes >= 1e3) {
            return target.append(new DecimalFormat("#,##0").format(bytes / 1e3)).append(" kB");
        }
        return target.append(new DecimalFormat("#,##0").format(bytes)).append(" B");
    }

    @Override
    public StringBuffer format(long bytes, StringBuffer target, FieldPosition position) {
        return format((double) bytes, target, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("axis labels are not parsed");
    }
}
