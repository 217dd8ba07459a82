package org.paretowb.charts.axis;

import java.awt.FontMetrics;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;

/**
 * Whether a set of ticks can be drawn with no two labels touching: along a horizontal axis each label takes its
 * width, along a vertical one its height; neighbours need {@value #GAP} pixels between them. The first label may
 * stick out of its end of the axis by half of itself (the other axis's labels leave room there); the last by at most
 * {@value #OVERHANG} pixels, since a chart's border is there (a size axis's last label "1 MB" read "1 ME").
 */
public final class LabelSpace implements Predicate<List<Tick>> {
    /** Pixels between two neighbouring labels. */
    public static final double GAP = 8;
    /** How far the last label may reach past the end of its axis. */
    public static final double OVERHANG = 12;

    private final DoubleUnaryOperator position;
    private final LabelSize size;
    private final double from;
    private final double to;

    /** How much room a label takes along the axis, in pixels. */
    @FunctionalInterface
    public interface LabelSize {
        double of(String label);

        /** A label's width (a horizontal axis) or its height (a vertical one) in these metrics. */
        static LabelSize of(FontMetrics metrics, boolean horizontal) {
            return horizontal ? label -> metrics.stringWidth(label) : label -> metrics.getAscent() + metrics.getDescent();
        }
    }

    /**
     * @param position where a value stands along the axis, in pixels
     * @param from     the axis's first pixel
     * @param to       its last pixel
     */
    public LabelSpace(DoubleUnaryOperator position, LabelSize size, double from, double to) {
        this.position = position;
        this.size = size;
        this.from = Math.min(from, to);
        this.to = Math.max(from, to);
    }

    @Override
    public boolean test(List<Tick> ticks) {
        if (!Ticks.allDiffer(ticks)) {
            return false;
        }
        double[] at = ticks.stream().mapToDouble(t -> position.applyAsDouble(t.value())).sorted().toArray();
        double[] half = new double[ticks.size()];
        List<Tick> ordered = ticks.stream().sorted((a, b) -> Double.compare(position.applyAsDouble(a.value()),
                position.applyAsDouble(b.value()))).toList();
        for (int i = 0; i < half.length; i++) {
            half[i] = size.of(ordered.get(i).label()) / 2;
        }
        for (int i = 0; i + 1 < at.length; i++) {
            if (at[i + 1] - at[i] < half[i] + half[i + 1] + GAP) {
                return false;
            }
        }
        int last = at.length - 1;
        return at.length == 0 || (at[0] >= from - half[0] && at[last] + half[last] <= to + OVERHANG);
    }
}
