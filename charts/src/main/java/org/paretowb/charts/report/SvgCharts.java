package org.paretowb.charts.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.paretowb.charts.ClassDeltaChart;
import org.paretowb.charts.CostAxis;
import org.paretowb.charts.ParetoChart;
import org.paretowb.models.measure.EvaluatedPoint;

/** The report's charts as SVG elements, drawn by the same chart classes as the window. */
final class SvgCharts {
    private SvgCharts() {
    }

    /** Accuracy against one cost for these points, each labelled with its id as in the report's tables. */
    static String pareto(CostAxis axis, List<EvaluatedPoint> points, String id, int width, int height) {
        ParetoChart chart = new ParetoChart(axis);
        chart.show(points, null);
        XYItemRenderer r = chart.chart().getXYPlot().getRenderer(0);
        r.setDefaultItemLabelGenerator((dataset, series, item) -> series == ParetoChart.LATEST || series == ParetoChart.SELECTED ? null : String.join(" ",
                chart.groupAt(series, item).points().stream().map(p -> "#" + p.id()).toList()));
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        r.setDefaultItemLabelPaint(new Color(90, 90, 100));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        r.setDefaultItemLabelsVisible(true);
        return svg(chart.chart(), id, width, height);
    }

    /** Per-class accuracy change, one bar per class. */
    static String classDeltas(double[] classDelta, List<String> classNames, String id, int width, int height) {
        ClassDeltaChart chart = new ClassDeltaChart();
        chart.show(classDelta, classNames);
        return svg(chart.chart(), id, width, height);
    }

    private static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-"); // clip paths stay unique with several charts in one page
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null)
                // integers, as the PDF renderer reads a view box (JFreeSVG writes "0.0 0.0 680.0 340.0")
                .replaceFirst("viewBox='[^']*'", "viewBox='0 0 " + width + " " + height + "'");
        // The size as an inline style, not as width and height attributes: the PDF renderer reads JFreeSVG's
        // "960.0" there as a CSS length without a unit and drops it. The screen stylesheet's !important
        // width still scales the chart to the page.
        return svg.replaceFirst("<svg ", "<svg style=\"width: " + width + "px; height: " + height + "px\" ");
    }
}
