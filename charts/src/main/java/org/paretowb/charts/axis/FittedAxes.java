package org.paretowb.charts.axis;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * JFreeChart axes whose ticks {@link Ticks} chooses, measured in the axis's own font at the size it is drawn: the
 * labels never collide and never read the same, whatever the chart's size. Their range is set, not automatic:
 * {@link AxisFit} fits it to the data.
 */
public final class FittedAxes {
    private FittedAxes() {
    }

    /** A linear or logarithmic axis for {@code range}, labelled {@code label} in {@code unit}. */
    public static ValueAxis of(String label, Unit unit, AxisRange range) {
        ValueAxis axis = range.log() ? new Log(label, unit) : new Linear(label, unit);
        axis.setRange(range.lower(), range.upper());
        return axis;
    }

    /** The unit of an axis made here (null for another axis). */
    public static Unit unitOf(ValueAxis axis) {
        return axis instanceof Linear l ? l.unit : axis instanceof Log g ? g.unit : null;
    }

    /** Whether the axis is logarithmic. */
    public static boolean isLog(ValueAxis axis) {
        return axis instanceof LogAxis;
    }

    /** The ticks an axis made here draws at this size (for tests and checks). */
    public static List<Tick> ticks(ValueAxis axis, Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return axis.refreshTicks(g2, new AxisState(), dataArea, edge).stream()
                .map(t -> new Tick(((ValueTick) t).getValue(), ((ValueTick) t).getText())).toList();
    }

    private static List<NumberTick> chosen(ValueAxis axis, Unit unit, boolean log, Graphics2D g2,
                                           Rectangle2D dataArea, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        LabelSpace.LabelSize size = LabelSpace.LabelSize.of(g2.getFontMetrics(axis.getTickLabelFont()), horizontal);
        LabelSpace space = new LabelSpace(v -> axis.valueToJava2D(v, dataArea, edge), size,
                horizontal ? dataArea.getMinX() : dataArea.getMinY(), horizontal ? dataArea.getMaxX() : dataArea.getMaxY());
        double lower = axis.getLowerBound();
        double upper = axis.getUpperBound();
        List<Tick> ticks = log ? Ticks.log(lower, upper, unit, space) : Ticks.linear(lower, upper, unit, space);
        TextAnchor anchor = RectangleEdge.TOP.equals(edge) ? TextAnchor.BOTTOM_CENTER
                : RectangleEdge.LEFT.equals(edge) ? TextAnchor.CENTER_RIGHT
                : RectangleEdge.RIGHT.equals(edge) ? TextAnchor.CENTER_LEFT : TextAnchor.TOP_CENTER;
        return ticks.stream().map(t -> new NumberTick(t.value(), t.label(), anchor, anchor, 0.0)).toList();
    }

    private static final class Linear extends NumberAxis {
        private final Unit unit;

        Linear(String label, Unit unit) {
            super(label);
            this.unit = unit;
            setAutoRange(false);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return chosen(this, unit, false, g2, dataArea, edge);
        }
    }

    private static final class Log extends LogAxis {
        private final Unit unit;

        Log(String label, Unit unit) {
            super(label);
            this.unit = unit;
            setBase(10);
            setSmallestValue(1e-9);
            setAutoRange(false);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return chosen(this, unit, true, g2, dataArea, edge);
        }
    }

    /** Whether {@code axis} shows exactly {@code range} (not zoomed or panned away from it). */
    public static boolean shows(org.jfree.chart.axis.ValueAxis axis, AxisRange range) {
        org.jfree.data.Range now = axis.getRange();
        double tolerance = (range.upper() - range.lower()) * 1e-9;
        return Math.abs(now.getLowerBound() - range.lower()) <= tolerance
                && Math.abs(now.getUpperBound() - range.upper()) <= tolerance;
    }
}
