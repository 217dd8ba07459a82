package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** A search's accuracy budget drawn across a chart as a labelled dashed line. */
final class BudgetLine {
    private static final Color RED = new Color(0xd6, 0x27, 0x28);
    private double accuracyPercent = Double.NaN;
    private ValueMarker marker;

    /** Draws the line at {@code accuracyPercent} on {@code plot}, or removes it for NaN. */
    void set(XYPlot plot, double accuracyPercent, String label) {
        if (marker != null) {
            plot.removeRangeMarker(marker);
            marker = null;
        }
        this.accuracyPercent = accuracyPercent;
        if (Double.isNaN(accuracyPercent)) {
            return;
        }
        marker = new ValueMarker(accuracyPercent, RED,
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelPaint(RED);
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(marker);
    }

    /** The line's accuracy in percent (NaN: none). */
    double accuracyPercent() {
        return accuracyPercent;
    }
}
