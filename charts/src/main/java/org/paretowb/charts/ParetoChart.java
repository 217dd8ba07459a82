package org.paretowb.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.paretowb.charts.axis.AxisFit;
import org.paretowb.charts.axis.AxisRange;
import org.paretowb.charts.axis.FittedAxes;
import org.paretowb.charts.axis.Unit;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.LatencyAnchors;
import org.paretowb.models.pareto.ParetoFront;
import org.paretowb.models.recipe.Technique;

/**
 * Accuracy (vertical, %) against one cost (horizontal) for every evaluated point, a marker per technique family
 * ({@link Markers}: filled for the full evaluation set, hollow for a live subset), the latest point ringed, the
 * selected point squared, and the Pareto frontier drawn as a step line. Points with the same figures are one marker
 * with their count beside it and all of them in its tooltip. Both axes fit the points shown ({@link AxisFit}); a
 * zoom stays until {@link #resetZoom()}, and new points then refit.
 */
public final class ParetoChart {
    /** Series of {@link #points()}: the latest point, the selected point, then the families, each filled and hollow. */
    public static final int LATEST = 0;
    public static final int SELECTED = 1;
    static final int FIRST_FAMILY = 2;
    private static final AxisFit ACCURACY = new AxisFit(0, 1.0, false, false, new AxisRange(0, 100, false));
    private static final String ACCURACY_LABEL = "Top-1 accuracy (%)";

    /** The series that draws a family's points: measured on the full set (filled) or a live subset (hollow). */
    public static int seriesOf(Technique family, boolean subset) {
        return FIRST_FAMILY + 2 * Markers.FAMILIES.indexOf(family) + (subset ? 1 : 0);
    }

    /** The series that draws this point's marker (when it stands for its group). */
    public static int seriesOf(EvaluatedPoint p) {
        return seriesOf(Technique.of(p.recipe()), p.subset());
    }

    private final CostAxis axis;
    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection frontier = new XYSeriesCollection();
    /** The 95% intervals: of the p50 on the latency axis, of a subset's top-1 (Wilson) on the accuracy axis. */
    private final org.jfree.data.xy.XYIntervalSeriesCollection errors = new org.jfree.data.xy.XYIntervalSeriesCollection();
    private final List<List<PointGroup>> shown = new ArrayList<>();
    private final JFreeChart chart;
    private final PointRenderer renderer = new PointRenderer(this::groupAt);
    /** This session's id: points of another are drawn grey; null until set (then none is). */
    private String session;
    private AxisRange fittedX;
    private AxisRange fittedY;
    private boolean dark;
    private final BudgetLine budget = new BudgetLine();
    /** Where the latency chart draws each point ({@link LatencyAnchors}); none on the other charts. */
    private LatencyAnchors anchors = LatencyAnchors.none();
    /** Whether the latency chart draws any point against its baseline (its axis title then says so). */
    private boolean relative;

    public ParetoChart(CostAxis axis) {
        this.axis = axis;
        points.addSeries(new XYSeries("Latest", false, true));
        points.addSeries(new XYSeries("Selected", false, true));
        for (Technique family : Markers.FAMILIES) {
            points.addSeries(new XYSeries(family.title(), false, true));
            points.addSeries(new XYSeries(family.title() + " (live subset)", false, true));
        }
        for (int s = 0; s < points.getSeriesCount(); s++) {
            shown.add(List.of());
        }
        frontier.addSeries(new XYSeries("Pareto frontier", true, true));
        this.fittedX = axis.fit().of();
        this.fittedY = ACCURACY.of();
        XYPlot plot = new XYPlot(points, FittedAxes.of(axis.label(fittedX.log()), axis.unit(), fittedX),
                FittedAxes.of(ACCURACY_LABEL, Unit.PERCENT, fittedY), renderer);
        plot.setDataset(1, frontier);
        plot.setRenderer(1, frontierRenderer());
        plot.setDataset(2, errors);
        plot.setRenderer(2, ErrorBars.renderer());
        if (axis == CostAxis.LATENCY) { // where each point is drawn, from the anchors of the last show()
            renderer.notes(p -> {
                String note = anchors.note(p);
                return note == null ? List.of() : PointTooltip.wrap(note, PointTooltip.WIDTH);
            });
        }
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setNoDataMessage("No points yet");
        this.chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, true);
        theme(false);
    }

    private static XYStepRenderer frontierRenderer() {
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setSeriesShape(0, new Rectangle2D.Double(0, 0, 0, 0));
        return r;
    }

    /** Redraws the chart with these points; {@code latest} may be null. */
    public void show(List<EvaluatedPoint> all, EvaluatedPoint latest) {
        show(all, latest, null);
    }

    /**
     * Redraws the chart with these points; {@code latest} (which may be a point not among them: an interim one) and
     * {@code selected} may be null.
     */
    public void show(List<EvaluatedPoint> all, EvaluatedPoint latest, EvaluatedPoint selected) {
        List<EvaluatedPoint> drawn = new ArrayList<>(all);
        if (latest != null) {
            drawn.add(latest);
        }
        anchors(all, drawn);
        List<PointGroup> groups = PointGroup.of(all, this::x, ParetoChart::y);
        for (Technique family : Markers.FAMILIES) {
            for (boolean subset : new boolean[] {false, true}) {
                fill(seriesOf(family, subset), groups.stream()
                        .filter(g -> g.family() == family && g.subset() == subset).toList());
            }
        }
        fill(LATEST, latest == null ? List.of() : PointGroup.of(List.of(latest), this::x, ParetoChart::y));
        fill(SELECTED, selected == null || !all.contains(selected) ? List.of()
                : PointGroup.of(List.of(selected), this::x, ParetoChart::y));
        XYSeries line = frontier.getSeries(0);
        line.clear();
        ParetoFront<EvaluatedPoint> front = new ParetoFront<>(
                p -> p.measurement().accuracy(), p -> axis.moreIsBetter() ? -x(p) : x(p));
        for (EvaluatedPoint p : front.of(all)) {
            line.add(x(p), y(p));
        }
        errorBars(all);
        fit(drawn);
        chart.getXYPlot().setFixedLegendItems(legendItems());
    }

    /**
     * A search's accuracy budget as a dashed line across the chart at {@code accuracyPercent} top-1 (the baseline's
     * full-set accuracy less the points it may lose), labelled; NaN removes it. The accuracy axis includes it.
     */
    public void budget(double accuracyPercent, String label) {
        budget.set(chart.getXYPlot(), accuracyPercent, label);
    }

    /** The budget line's accuracy in percent (NaN: none). */
    public double budget() {
        return budget.accuracyPercent();
    }

    /** Fits both axes to the points, unless the user zoomed in (then {@link #resetZoom()} fits them). */
    private void fit(List<EvaluatedPoint> drawn) {
        boolean zoomed = zoomed();
        fittedX = axis.fit().of(DoubleStream.concat(drawn.stream().mapToDouble(this::x),
                barEnds(true)).toArray());
        fittedY = ACCURACY.of(DoubleStream.concat(DoubleStream.concat(
                drawn.stream().mapToDouble(ParetoChart::y), barEnds(false)),
                Double.isNaN(budget()) || drawn.isEmpty() ? DoubleStream.empty()
                        : DoubleStream.of(budget())).toArray());
        if (!zoomed) {
            resetZoom();
        }
    }

    /** Whether an axis shows other than what it was fitted to (the user zoomed or panned). */
    public boolean zoomed() {
        XYPlot plot = chart.getXYPlot();
        return !FittedAxes.shows(plot.getDomainAxis(), fittedX) || !FittedAxes.shows(plot.getRangeAxis(), fittedY);
    }

    /** Back to the axes fitted to the points (after a zoom or a pan); a log or linear scale as the points need. */
    public void resetZoom() {
        XYPlot plot = chart.getXYPlot();
        if (FittedAxes.isLog(plot.getDomainAxis()) != fittedX.log()) {
            ValueAxis x = FittedAxes.of(axisLabel(fittedX.log()), axis.unit(), fittedX);
            ChartTheme.axis(x, dark);
            plot.setDomainAxis(x);
        } else {
            plot.getDomainAxis().setRange(fittedX.lower(), fittedX.upper());
        }
        plot.getRangeAxis().setRange(fittedY.lower(), fittedY.upper());
    }

    private void fill(int series, List<PointGroup> groups) {
        shown.set(series, List.copyOf(groups));
        XYSeries s = points.getSeries(series);
        s.setNotify(false);
        s.clear();
        for (PointGroup g : groups) {
            s.add(g.x(), g.y());
        }
        s.setNotify(true);
    }

    private void errorBars(List<EvaluatedPoint> all) {
        errors.removeAllSeries();
        errors.addSeries(ErrorBars.of(all, p -> axis == CostAxis.LATENCY ? anchors.interval(p) : null, this::x,
                ParetoChart::y));
    }

    /** Both ends of every error bar, horizontal or vertical: the axes show whole intervals, not just the points. */
    private DoubleStream barEnds(boolean horizontal) {
        return ErrorBars.ends(errors, horizontal);
    }

    /** The error bars as drawn (for checks). */
    public org.jfree.data.xy.XYIntervalSeriesCollection errorBars() {
        return errors;
    }

    private double x(EvaluatedPoint p) {
        return axis == CostAxis.LATENCY ? anchors.p50(p) : axis.of(p.measurement());
    }

    /**
     * On the latency chart: the baselines among {@code all} that the points timed beside one are drawn against, the
     * axis title saying so where any of the {@code drawn} points is.
     */
    private void anchors(List<EvaluatedPoint> all, List<EvaluatedPoint> drawn) {
        if (axis != CostAxis.LATENCY) {
            return;
        }
        anchors = LatencyAnchors.of(all);
        relative = anchors.anyAnchored(drawn);
        chart.getXYPlot().getDomainAxis().setLabel(axisLabel(FittedAxes.isLog(chart.getXYPlot().getDomainAxis())));
    }

    /** The horizontal axis's title: on the latency chart, saying when points are drawn against their baseline. */
    private String axisLabel(boolean log) {
        if (!relative) {
            return axis.label(log);
        }
        return log ? "Batch-1 p50 (ms, baseline-relative, log scale)" : "Batch-1 p50 (ms, baseline-relative)";
    }

    private static double y(EvaluatedPoint p) {
        return p.measurement().accuracy() * 100;
    }

    /** The legend: the families drawn, filled and hollow where both are, the latest, the selected, the frontier. */
    public List<LegendEntry> legend() {
        boolean other = false;
        for (int series = FIRST_FAMILY; series < shown.size(); series++) {
            for (int item = 0; item < shown.get(series).size(); item++) {
                other |= renderer.ofOtherSession(series, item);
            }
        }
        return ParetoLegend.of(shown, other, frontier.getSeries(0).getItemCount() > 0, dark);
    }

    private LegendItemCollection legendItems() {
        return ParetoLegend.items(legend());
    }

    /**
     * This session's id: a point measured in another session (its provenance names another, or none) is drawn
     * light grey, with a legend entry, so it is not read against this session's points.
     */
    public void session(String id) {
        this.session = id;
        renderer.otherSession(p -> session != null && !session.equals(p.measurement().how().session()));
    }

    /** Whether the marker at {@code item} of {@code series} is drawn as another session's (grey). */
    public boolean drawnAsOtherSession(int series, int item) {
        return renderer.ofOtherSession(series, item);
    }

    /** Light or dark: background, axes, legend and the colours of the markers. */
    public void theme(boolean dark) {
        this.dark = dark;
        ChartTheme.apply(chart, dark);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = renderer;
        renderer.dark(dark);
        r.setSeriesPaint(LATEST, Markers.latestColour(dark));
        r.setSeriesPaint(SELECTED, Markers.selectedColour(dark));
        for (Technique family : Markers.FAMILIES) {
            r.setSeriesPaint(seriesOf(family, false), Markers.colour(family, dark));
            r.setSeriesPaint(seriesOf(family, true), Markers.colour(family, dark));
        }
        r.setDefaultItemLabelPaint(ChartTheme.text(dark));
        plot.getRenderer(1).setSeriesPaint(0, Markers.selectedColour(dark));
        ((org.jfree.chart.renderer.xy.XYErrorRenderer) plot.getRenderer(2)).setErrorPaint(ChartTheme.series(7, dark));
        plot.setFixedLegendItems(legendItems());
    }

    /** Whether the chart draws its own legend (the window draws one for all its charts instead). */
    public void legendShown(boolean shown) {
        chart.getLegend().setVisible(shown);
    }

    public JFreeChart chart() {
        return chart;
    }

    public CostAxis axis() {
        return axis;
    }

    /** The markers as drawn: {@link #LATEST}, {@link #SELECTED}, then a series per family and fill ({@link #seriesOf}). */
    public XYSeriesCollection points() {
        return points;
    }

    /** The frontier as drawn, by ascending cost. */
    public XYSeries frontier() {
        return frontier.getSeries(0);
    }

    /** The points drawn as the marker at {@code item} of {@code series}. */
    public PointGroup groupAt(int series, int item) {
        return shown.get(series).get(item);
    }

    /** The point a marker stands for (of several with the same figures: the baseline, else the first by id). */
    public EvaluatedPoint pointAt(int series, int item) {
        return groupAt(series, item).first();
    }

    /** Every point drawn with this family's marker, filled or hollow. */
    public List<EvaluatedPoint> pointsOf(Technique family) {
        List<EvaluatedPoint> all = new ArrayList<>();
        for (boolean subset : new boolean[] {false, true}) {
            shown.get(seriesOf(family, subset)).forEach(g -> all.addAll(g.points()));
        }
        return all;
    }

    /** The values along the horizontal axis of every marker drawn (for checks). */
    DoubleStream xs() {
        return shown.stream().flatMap(List::stream).mapToDouble(PointGroup::x);
    }
}
