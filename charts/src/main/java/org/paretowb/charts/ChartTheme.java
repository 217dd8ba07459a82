package org.paretowb.charts;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * Light and dark colours for every chart of the workbench: background, plot, grid lines, every axis (secondary
 * ones included) and the legend, so no chart keeps a white panel in the dark theme. Series colours come from
 * {@link #series}, a palette that reads on both (no yellow on white).
 */
public final class ChartTheme {
    private static final Color[] LIGHT = {new Color(31, 119, 180), new Color(44, 160, 44), new Color(148, 103, 189),
        new Color(23, 150, 170), new Color(140, 86, 75), new Color(227, 119, 194), new Color(255, 127, 14),
        new Color(127, 127, 127), new Color(130, 130, 20), new Color(214, 39, 40)};
    private static final Color[] DARK = {new Color(96, 165, 250), new Color(74, 222, 128), new Color(192, 160, 240),
        new Color(45, 212, 230), new Color(210, 160, 130), new Color(244, 150, 210), new Color(251, 160, 60),
        new Color(180, 180, 180), new Color(220, 220, 90), new Color(248, 113, 113)};

    private ChartTheme() {
    }

    /** The i-th colour of the series palette (it repeats after ten). */
    public static Color series(int i, boolean dark) {
        Color[] palette = dark ? DARK : LIGHT;
        return palette[Math.floorMod(i, palette.length)];
    }

    public static Color background(boolean dark) {
        return dark ? new Color(30, 33, 39) : Color.WHITE;
    }

    public static Color plotBackground(boolean dark) {
        return dark ? new Color(38, 42, 49) : new Color(250, 250, 252);
    }

    public static Color grid(boolean dark) {
        return dark ? new Color(70, 75, 85) : new Color(220, 220, 225);
    }

    public static Color text(boolean dark) {
        return dark ? new Color(209, 213, 219) : Color.DARK_GRAY;
    }

    /** Black on light, white on dark: the baseline, reference lines. */
    public static Color ink(boolean dark) {
        return dark ? Color.WHITE : Color.BLACK;
    }

    /** Colours {@code chart}'s background, plot, grid, axes and legend. */
    public static void apply(JFreeChart chart, boolean dark) {
        chart.setBackgroundPaint(background(dark));
        // room at the right for the last tick label, which may reach past its axis (LabelSpace.OVERHANG)
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 14));
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(plotBackground(dark));
        plot.setNoDataMessagePaint(text(dark));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid(dark));
            xy.setRangeGridlinePaint(grid(dark));
            xy.setOutlinePaint(grid(dark));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), dark);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), dark);
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(grid(dark));
            category.setOutlinePaint(grid(dark));
            category.setRangeZeroBaselinePaint(text(dark));
            axis(category.getDomainAxis(), dark);
            axis(category.getRangeAxis(), dark);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(background(dark));
                legend.setItemPaint(text(dark));
                // room after each entry: "fc1 (200,704 weights)" and the next marker must not run together
                legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 3, 2, 16));
            }
        }
    }

    /** Colours one axis's label, tick labels, tick marks and line. */
    public static void axis(Axis axis, boolean dark) {
        if (axis == null) {
            return;
        }
        Paint text = text(dark);
        axis.setLabelPaint(text);
        axis.setTickLabelPaint(text);
        axis.setTickMarkPaint(text);
        axis.setAxisLinePaint(text);
    }
}
