package org.paretowb.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.paretowb.charts.axis.AxisFit;
import org.paretowb.charts.axis.AxisRange;
import org.paretowb.charts.axis.FittedAxes;
import org.paretowb.charts.axis.Unit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Per-class accuracy change of a point against the baseline, in percentage points: one horizontal bar per
 * class, red where the class lost accuracy, green where it gained. A class with no compared images has no bar.
 */
public final class ClassDeltaChart {
    public static final Color LOSS = new Color(200, 45, 45);
    public static final Color GAIN = new Color(40, 140, 80);
    private static final String SERIES = "change";
    /** Zero always shown; a class that moved 0.1 point must not fill the chart. */
    private static final AxisFit CHANGE = new AxisFit(0, 1.0, false, true, new AxisRange(-1, 1, false));

    private final DefaultCategoryDataset deltas = new DefaultCategoryDataset();
    private final JFreeChart chart;

    public ClassDeltaChart() {
        ValueAxis value = FittedAxes.of("Change (percentage points)", Unit.CHANGE, CHANGE.of());
        CategoryAxis classes = new CategoryAxis(null);
        classes.setCategoryMargin(0.15);
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Number v = deltas.getValue(row, column);
                return v != null && v.doubleValue() < 0 ? LOSS : GAIN;
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setMaximumBarWidth(0.08);
        bars.setDefaultToolTipGenerator((dataset, row, column) -> String.format(Locale.ROOT, "%s: %+.1f points",
                dataset.getColumnKey(column), dataset.getValue(row, column).doubleValue()));
        CategoryPlot plot = new CategoryPlot(deltas, classes, value, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setRangeZeroBaselineVisible(true);
        plot.setNoDataMessage("Select a point to see what it forgot");
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, false);
        theme(false);
    }

    /** Light or dark: background, axes and grid (the bars keep their red and green). */
    public void theme(boolean dark) {
        ChartTheme.apply(chart, dark);
    }

    /**
     * Draws these deltas (fractions, as {@code Forgetting#classDelta}), one bar per class in class order;
     * NaN (a class with no compared images) draws no bar.
     */
    public void show(double[] classDelta, List<String> classNames) {
        deltas.clear();
        for (int c = 0; c < classDelta.length; c++) {
            String name = c < classNames.size() ? classNames.get(c) : "class " + c;
            deltas.addValue(Double.isNaN(classDelta[c]) ? null : classDelta[c] * 100, SERIES, name);
        }
        AxisRange range = CHANGE.of(java.util.Arrays.stream(classDelta).map(d -> d * 100).toArray());
        chart.getCategoryPlot().getRangeAxis().setRange(range.lower(), range.upper());
    }

    /** The bars as drawn, in percentage points: one row, a column per class. */
    public DefaultCategoryDataset deltas() {
        return deltas;
    }

    public JFreeChart chart() {
        return chart;
    }
}
