package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.paretowb.models.measure.BatchScan;

/**
 * Throughput against batch size (a base-2 axis), one line per intra-op thread count, with the knee marked: the
 * smallest batch reaching 90% of the best throughput. Drawn to PNG or SVG for the command line and reports.
 */
public final class ThroughputChart {
    private final JFreeChart chart;

    public ThroughputChart(BatchScan scan, String title) {
        XYSeriesCollection lines = new XYSeriesCollection();
        for (int threads : scan.threadCounts()) {
            XYSeries s = new XYSeries(threads + " intra-op thread" + (threads == 1 ? "" : "s"), true, false);
            scan.cells().stream().filter(c -> c.threads() == threads).forEach(c -> s.add(c.batch(), c.imagesPerSecond()));
            lines.addSeries(s);
        }
        LogAxis batch = new LogAxis("Batch size (images per run)");
        batch.setBase(2);
        batch.setTickUnit(new NumberTickUnit(1));
        batch.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        batch.setSmallestValue(0.5);
        NumberAxis rate = new NumberAxis("Throughput (images/s)");
        rate.setAutoRangeIncludesZero(true);
        rate.setUpperMargin(0.12);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesPaint(s, ChartTheme.series(s, false));
        }
        XYPlot plot = new XYPlot(lines, batch, rate, renderer);
        scan.knee().ifPresent(k -> {
            XYPointerAnnotation mark = new XYPointerAnnotation(String.format(Locale.ROOT,
                    "knee: batch %d, %d thread%s, %,.0f images/s (>= 90%% of the best)", k.batch(), k.threads(),
                    k.threads() == 1 ? "" : "s", k.imagesPerSecond()), k.batch(), k.imagesPerSecond(),
                    leftHalf(scan, k.batch()) ? 0 : Math.PI);
            mark.setTextAnchor(leftHalf(scan, k.batch()) ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
            mark.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            mark.setArrowPaint(Color.DARK_GRAY);
            plot.addAnnotation(mark);
        });
        chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.PLAIN, 13), plot, true);
        ChartTheme.apply(chart, false);
    }

    /** Whether a batch lies in the left half of the base-2 axis (the label then goes to its right). */
    private static boolean leftHalf(BatchScan scan, int batch) {
        int largest = scan.cells().stream().mapToInt(BatchScan.Cell::batch).max().orElse(1);
        return batch * batch <= largest;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Writes the chart as PNG, or as SVG when the file name ends in .svg. */
    public void write(Path file, int width, int height) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            Files.writeString(file, g.getSVGDocument());
        } else {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        }
    }
}
