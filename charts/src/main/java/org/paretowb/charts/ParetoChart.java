package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.pareto.ParetoFront;

/**
 * Accuracy (vertical, %) against one cost (horizontal) for every evaluated point, with the baseline
 * marked, the latest point ringed, and the Pareto frontier drawn as a step line.
 */
public final class ParetoChart {
    /** Series of {@link #points()}: every point, the baseline, the latest point. */
    public static final int ALL = 0;
    public static final int BASELINE = 1;
    public static final int LATEST = 2;

    private final CostAxis axis;
    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection frontier = new XYSeriesCollection();
    private final List<List<EvaluatedPoint>> shown = new ArrayList<>();
    private final JFreeChart chart;

    public ParetoChart(CostAxis axis) {
        this.axis = axis;
        for (String name : List.of("Points", "Baseline", "Latest")) {
            points.addSeries(new XYSeries(name, false, true));
            shown.add(new ArrayList<>());
        }
        frontier.addSeries(new XYSeries("Pareto frontier", true, true));
        this.chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot(), true);
        chart.setBackgroundPaint(Color.WHITE);
    }

    private XYPlot plot() {
        ValueAxis x = axis.logarithmic() ? logAxis() : new NumberAxis(axis.label());
        if (x instanceof NumberAxis n) {
            // From zero: run-to-run noise of a few hundredths of a millisecond must not look like a speed-up.
            n.setAutoRangeIncludesZero(true);
        }
        NumberAxis y = new NumberAxis("Top-1 accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(1.0); // one point, or points within 0.1%, still get a readable axis
        y.setStandardTickUnits(accuracyTicks()); // steps of 0.1 or more, each label distinct
        XYPlot plot = new XYPlot(points, x, y, pointRenderer());
        plot.setDataset(1, frontier);
        plot.setRenderer(1, frontierRenderer());
        plot.setBackgroundPaint(new Color(250, 250, 252));
        plot.setDomainGridlinePaint(new Color(220, 220, 225));
        plot.setRangeGridlinePaint(new Color(220, 220, 225));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        return plot;
    }

    private static org.jfree.chart.axis.TickUnits accuracyTicks() {
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        DecimalFormat tenths = new DecimalFormat("0.0");
        DecimalFormat whole = new DecimalFormat("0");
        for (double step : new double[] {0.1, 0.2, 0.5}) {
            units.add(new NumberTickUnit(step, tenths));
        }
        for (double step : new double[] {1, 2, 5, 10, 20, 25}) {
            units.add(new NumberTickUnit(step, whole));
        }
        return units;
    }

    private LogAxis logAxis() {
        LogAxis log = new LogAxis(axis.label());
        log.setBase(10);
        log.setSmallestValue(1);
        log.setNumberFormatOverride(new ByteFormat());
        log.setTickUnit(new NumberTickUnit(0.25)); // a quarter decade: 100 kB, 178 kB, 316 kB, 562 kB, 1 MB
        return log;
    }

    private XYLineAndShapeRenderer pointRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(ALL, new Color(31, 119, 180));
        r.setSeriesShape(ALL, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(BASELINE, Color.BLACK);
        r.setSeriesShape(BASELINE, ShapeUtils.createDiamond(7));
        r.setSeriesPaint(LATEST, new Color(255, 127, 14));
        r.setSeriesShape(LATEST, new Ellipse2D.Double(-7, -7, 14, 14));
        r.setSeriesShapesFilled(LATEST, false);
        r.setSeriesStroke(LATEST, new BasicStroke(2.5f));
        r.setUseOutlinePaint(false);
        r.setDefaultToolTipGenerator((dataset, series, item) -> tooltip(shown.get(series).get(item)));
        return r;
    }

    private XYStepRenderer frontierRenderer() {
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesPaint(0, new Color(214, 39, 40));
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setSeriesShape(0, new Rectangle2D.Double(0, 0, 0, 0));
        return r;
    }

    private String tooltip(EvaluatedPoint p) {
        Measurement m = p.measurement();
        return String.format(Locale.ROOT, "#%d %s: %.2f%%, p50 %.3f ms, %,d bytes",
                p.id(), p.recipe().summary(), m.accuracy() * 100, m.latencyP50Ms(), m.sizeBytes());
    }

    /** Redraws the chart with these points; {@code latest} may be null. */
    public void show(List<EvaluatedPoint> all, EvaluatedPoint latest) {
        fill(ALL, all.stream().filter(p -> !p.baseline()).toList());
        fill(BASELINE, all.stream().filter(EvaluatedPoint::baseline).toList());
        fill(LATEST, latest == null ? List.of() : List.of(latest));
        fitLogAxisAroundOnePoint(all);
        XYSeries line = frontier.getSeries(0);
        line.clear();
        ParetoFront<EvaluatedPoint> front = new ParetoFront<>(
                p -> p.measurement().accuracy(), p -> axis.of(p.measurement()));
        for (EvaluatedPoint p : front.of(all)) {
            line.add(x(p), y(p));
        }
    }

    /** A log axis cannot auto-range a single value: show a decade around it instead. */
    private void fitLogAxisAroundOnePoint(List<EvaluatedPoint> all) {
        if (!axis.logarithmic()) {
            return;
        }
        ValueAxis x = chart.getXYPlot().getDomainAxis();
        double min = all.stream().mapToDouble(this::x).min().orElse(0);
        double max = all.stream().mapToDouble(this::x).max().orElse(0);
        if (min > 0 && min == max) {
            x.setRange(min / Math.sqrt(10), min * Math.sqrt(10));
        } else {
            x.setAutoRange(true);
        }
    }

    private void fill(int series, List<EvaluatedPoint> list) {
        shown.set(series, List.copyOf(list));
        XYSeries s = points.getSeries(series);
        s.setNotify(false);
        s.clear();
        for (EvaluatedPoint p : list) {
            s.add(x(p), y(p));
        }
        s.setNotify(true);
    }

    private double x(EvaluatedPoint p) {
        return axis.of(p.measurement());
    }

    private static double y(EvaluatedPoint p) {
        return p.measurement().accuracy() * 100;
    }

    public JFreeChart chart() {
        return chart;
    }

    public CostAxis axis() {
        return axis;
    }

    /** The points as drawn: series {@link #ALL}, {@link #BASELINE} and {@link #LATEST}. */
    public XYSeriesCollection points() {
        return points;
    }

    /** The frontier as drawn, by ascending cost. */
    public XYSeries frontier() {
        return frontier.getSeries(0);
    }

    /** The point drawn at {@code item} of {@code series}. */
    public EvaluatedPoint pointAt(int series, int item) {
        return shown.get(series).get(item);
    }
}
