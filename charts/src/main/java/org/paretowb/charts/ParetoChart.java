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
import org.paretowb.models.recipe.Technique;

/**
 * Accuracy (vertical, %) against one cost (horizontal) for every evaluated point, coloured by technique,
 * with the baseline marked, the latest point ringed, the selected point squared, and the Pareto frontier
 * drawn as a step line.
 */
public final class ParetoChart {
    /** Series of {@link #points()}: the baseline, the latest point, the selected point, then one per technique. */
    public static final int BASELINE = 0;
    public static final int LATEST = 1;
    public static final int SELECTED = 2;
    private static final int FIRST_TECHNIQUE = 3;
    private static final List<Technique> TECHNIQUES = List.of(Technique.PRUNING, Technique.STRUCTURED,
            Technique.LOW_RANK, Technique.QUANTIZATION, Technique.DISTILLATION, Technique.FINE_TUNING,
            Technique.COMBINED);
    private static final Color[] TECHNIQUE_COLOURS = {new Color(31, 119, 180), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(23, 190, 207), new Color(140, 86, 75), new Color(188, 189, 34),
        new Color(227, 119, 194)};

    /** The series that draws a technique's points. */
    public static int seriesOf(Technique technique) {
        return FIRST_TECHNIQUE + TECHNIQUES.indexOf(technique);
    }

    private final CostAxis axis;
    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection frontier = new XYSeriesCollection();
    private final List<List<EvaluatedPoint>> shown = new ArrayList<>();
    private final JFreeChart chart;

    public ParetoChart(CostAxis axis) {
        this.axis = axis;
        List<String> names = new ArrayList<>(List.of("Baseline", "Latest", "Selected"));
        TECHNIQUES.forEach(t -> names.add(t.title()));
        for (String name : names) {
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
            if (axis != CostAxis.LATENCY) {
                n.setNumberFormatOverride(new DecimalFormat("#,##0"));
            }
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
        // a lone value widens by the minimum size before the margins: JFreeChart's 1e-8 is lost on tens of megabytes
        log.setAutoRangeMinimumSize(1);
        log.setNumberFormatOverride(new ByteFormat());
        log.setTickUnit(new NumberTickUnit(0.25)); // a quarter decade: 100 kB, 178 kB, 316 kB, 562 kB, 1 MB
        return log;
    }

    private XYLineAndShapeRenderer pointRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int t = 0; t < TECHNIQUES.size(); t++) {
            r.setSeriesPaint(FIRST_TECHNIQUE + t, TECHNIQUE_COLOURS[t]);
            r.setSeriesShape(FIRST_TECHNIQUE + t, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        r.setSeriesPaint(SELECTED, new Color(214, 39, 40));
        r.setSeriesShape(SELECTED, new Rectangle2D.Double(-8, -8, 16, 16));
        r.setSeriesShapesFilled(SELECTED, false);
        r.setSeriesStroke(SELECTED, new BasicStroke(2f));
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
        show(all, latest, null);
    }

    /** Redraws the chart with these points; {@code latest} and {@code selected} may be null. */
    public void show(List<EvaluatedPoint> all, EvaluatedPoint latest, EvaluatedPoint selected) {
        for (Technique t : TECHNIQUES) {
            fill(seriesOf(t), all.stream().filter(p -> !p.baseline() && Technique.of(p.recipe()) == t).toList());
        }
        fill(BASELINE, all.stream().filter(EvaluatedPoint::baseline).toList());
        fill(LATEST, latest == null ? List.of() : List.of(latest));
        fill(SELECTED, selected == null || !all.contains(selected) ? List.of() : List.of(selected));
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer(0);
        for (int series = 0; series < points.getSeriesCount(); series++) {
            renderer.setSeriesVisibleInLegend(series, points.getSeries(series).getItemCount() > 0, false);
        }
        fitLogAxisAroundOnePoint(all);
        XYSeries line = frontier.getSeries(0);
        line.clear();
        ParetoFront<EvaluatedPoint> front = new ParetoFront<>(
                p -> p.measurement().accuracy(), p -> axis.cost(p.measurement()));
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

    /** Light (white) or dark background, with axis and legend text to match. */
    public void theme(boolean dark) {
        Color background = dark ? new Color(30, 33, 39) : Color.WHITE;
        Color plot = dark ? new Color(38, 42, 49) : new Color(250, 250, 252);
        Color grid = dark ? new Color(70, 75, 85) : new Color(220, 220, 225);
        Color text = dark ? new Color(209, 213, 219) : Color.DARK_GRAY;
        chart.setBackgroundPaint(background);
        XYPlot p = chart.getXYPlot();
        p.setBackgroundPaint(plot);
        p.setDomainGridlinePaint(grid);
        p.setRangeGridlinePaint(grid);
        for (ValueAxis a : new ValueAxis[] {p.getDomainAxis(), p.getRangeAxis()}) {
            a.setLabelPaint(text);
            a.setTickLabelPaint(text);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
        }
        XYLineAndShapeRenderer points = (XYLineAndShapeRenderer) p.getRenderer(0);
        points.setSeriesPaint(BASELINE, dark ? Color.WHITE : Color.BLACK);
    }

    public JFreeChart chart() {
        return chart;
    }

    public CostAxis axis() {
        return axis;
    }

    /** The points as drawn: {@link #BASELINE}, {@link #LATEST}, {@link #SELECTED}, then one series per technique. */
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
