package org.paretowb.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Technique;
import org.paretowb.models.recipe.Recipe;
import org.junit.jupiter.api.Test;

class ParetoChartTest {
    private static final Provenance HOW = Provenance.builder().engine("test", 1, 1).images("hand-made", false)
            .latencyRuns(0, 1).throughputBatch(64).kernels("fp32", true).sizeFormat("none").build();

    private static EvaluatedPoint point(int id, double sparsity, double accuracy, double latency, long size) {
        return new EvaluatedPoint(id, Recipe.builder().pruning(new PruningSettings(sparsity)).build(),
                measured(accuracy, latency, size, 500));
    }

    private static Measurement measured(double accuracy, double latency, long size, double throughput) {
        return Measurement.builder().accuracy(accuracy, Math.max(accuracy, 0.99), new double[10]).latency(latency, latency)
                .sizeBytes(size).counts(100, 100, 1000).throughput(throughput).predictions(new byte[10])
                .network("1x1x99 flatten dense1").how(HOW).build();
    }

    @Test
    void baselineLatestAndFrontierAreDrawnApart() {
        EvaluatedPoint baseline = point(1, 0, 0.90, 1.0, 1000);
        EvaluatedPoint smaller = point(2, 0.5, 0.89, 1.0, 600);
        EvaluatedPoint dominated = point(3, 0.6, 0.80, 1.0, 700);
        ParetoChart chart = new ParetoChart(CostAxis.SIZE);

        chart.show(List.of(baseline, smaller, dominated), dominated);

        assertEquals(2, chart.points().getSeries(ParetoChart.seriesOf(Technique.PRUNING, false)).getItemCount());
        assertEquals(1, chart.points().getSeries(ParetoChart.seriesOf(Technique.BASELINE, false)).getItemCount());
        assertEquals(700.0, chart.points().getSeries(ParetoChart.LATEST).getX(0).doubleValue());
        assertEquals(2, chart.frontier().getItemCount(), "the dominated point is off the frontier");
        assertEquals(600.0, chart.frontier().getX(0).doubleValue());
        assertEquals(90.0, chart.frontier().getY(1).doubleValue(), 1e-9);
        assertEquals(dominated, chart.pointAt(ParetoChart.seriesOf(Technique.PRUNING, false), 1));
    }

    @Test
    void theSelectedPointIsDrawnOnItsOwnSeriesAndOnlyWhileItIsShown() {
        EvaluatedPoint baseline = point(1, 0, 0.90, 1.0, 1000);
        EvaluatedPoint smaller = point(2, 0.5, 0.89, 1.0, 600);
        ParetoChart chart = new ParetoChart(CostAxis.SIZE);

        chart.show(List.of(baseline, smaller), smaller, smaller);
        assertEquals(600.0, chart.points().getSeries(ParetoChart.SELECTED).getX(0).doubleValue());
        assertEquals(smaller, chart.pointAt(ParetoChart.SELECTED, 0));

        chart.show(List.of(baseline), baseline, smaller);
        assertEquals(0, chart.points().getSeries(ParetoChart.SELECTED).getItemCount(), "a deleted point is not drawn");
    }

    @Test
    void aSearchsBudgetIsADashedLineTheAccuracyAxisIncludesAndNaNRemoves() {
        ParetoChart chart = new ParetoChart(CostAxis.SIZE);
        chart.budget(80.0, "search budget");
        chart.show(List.of(point(1, 0, 0.90, 1.0, 1000), point(2, 0.5, 0.89, 1.0, 600)), null);

        var markers = chart.chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertEquals(1, markers.size());
        assertEquals(80.0, ((org.jfree.chart.plot.ValueMarker) markers.iterator().next()).getValue());
        assertTrue(chart.chart().getXYPlot().getRangeAxis().getRange().contains(80.0),
                "the line is on the chart, not below its axis (points at 89 and 90%)");

        chart.budget(Double.NaN, null);
        chart.show(List.of(point(1, 0, 0.90, 1.0, 1000), point(2, 0.5, 0.89, 1.0, 600)), null);

        var left = chart.chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertTrue(left == null || left.isEmpty());
        assertTrue(chart.chart().getXYPlot().getRangeAxis().getRange().getLowerBound() > 80.0, "fitted to the points");
    }

    @Test
    void onTheThroughputAxisMoreIsBetter() {
        EvaluatedPoint slow = point(1, 0, 0.90, 1.0, 1000);
        EvaluatedPoint fast = new EvaluatedPoint(2, Recipe.builder().pruning(new PruningSettings(0.5)).build(),
                measured(0.90, 1.0, 600, 900));
        ParetoChart chart = new ParetoChart(CostAxis.THROUGHPUT);

        chart.show(List.of(slow, fast), fast);

        assertEquals(1, chart.frontier().getItemCount(), "equal accuracy: only the higher throughput is on the front");
        assertEquals(900.0, chart.frontier().getX(0).doubleValue());
    }

    @Test
    void aLonePointGetsReadableAxes() {
        ParetoChart chart = new ParetoChart(CostAxis.SIZE);

        chart.show(List.of(point(1, 0, 0.9202, 0.5, 829_113)), null);

        org.jfree.data.Range x = chart.chart().getXYPlot().getDomainAxis().getRange();
        org.jfree.data.Range y = chart.chart().getXYPlot().getRangeAxis().getRange();
        assertTrue(x.getLowerBound() < 829_113 && x.getUpperBound() > 829_113 && x.getLength() >= 0.1 * 829_113,
                x.toString());
        assertTrue(y.getLength() >= 1.0, "accuracy axis spans at least one point: " + y);
    }

    @Test
    void theLatencyAxisFitsItsPointsAndDoesNotStartAtZero() {
        ParetoChart chart = new ParetoChart(CostAxis.LATENCY);

        chart.show(List.of(point(1, 0, 0.92, 0.057, 1000), point(2, 0.5, 0.91, 0.061, 900),
                point(3, 0.9, 0.85, 0.136, 800)), null);

        org.jfree.data.Range x = chart.chart().getXYPlot().getDomainAxis().getRange();
        assertTrue(x.getLowerBound() > 0.02 && x.getLowerBound() < 0.057, "from near the fastest point: " + x);
        assertTrue(x.getUpperBound() > 0.136 && x.getUpperBound() < 0.16, "to near the slowest: " + x);
    }

    @Test
    void pointsWithTheSameFiguresAreOneMarkerThatListsThemAll() {
        EvaluatedPoint baseline = point(1, 0, 0.90, 1.0, 1000);
        EvaluatedPoint again = point(4, 0.3, 0.90, 1.0, 1000);
        ParetoChart chart = new ParetoChart(CostAxis.SIZE);

        chart.show(List.of(baseline, again), null);

        int series = ParetoChart.seriesOf(Technique.BASELINE, false);
        assertEquals(1, chart.points().getSeries(series).getItemCount());
        assertEquals(0, chart.points().getSeries(ParetoChart.seriesOf(Technique.PRUNING, false)).getItemCount());
        assertEquals(List.of(baseline, again), chart.groupAt(series, 0).points());
        String tooltip = PointTooltip.of(chart.groupAt(series, 0));
        assertTrue(tooltip.startsWith("2 points") && tooltip.contains("#1 ") && tooltip.contains("#4 "), tooltip);
        assertTrue(tooltip.lines().allMatch(l -> l.length() <= PointTooltip.WIDTH), "wrapped: " + tooltip);
    }

    @Test
    void aSizeSpanningADecadeIsDrawnOnALogAxisAndAZoomStaysUntilReset() {
        ParetoChart chart = new ParetoChart(CostAxis.SIZE);
        chart.show(List.of(point(1, 0, 0.90, 1.0, 829_203), point(2, 0.9, 0.85, 1.0, 39_175)), null);
        assertTrue(chart.chart().getXYPlot().getDomainAxis() instanceof org.jfree.chart.axis.LogAxis);

        chart.chart().getXYPlot().getRangeAxis().setRange(86, 87);
        chart.show(List.of(point(1, 0, 0.90, 1.0, 829_203), point(2, 0.9, 0.85, 1.0, 39_175),
                point(3, 0.5, 0.80, 1.0, 400_000)), null);
        assertTrue(chart.zoomed(), "a new point does not undo the user's zoom");
        chart.resetZoom();
        assertTrue(!chart.zoomed() && chart.chart().getXYPlot().getRangeAxis().getLowerBound() < 80);
    }

    @Test
    void aLonePointOfTensOfMegabytesGetsAnAxisAroundIt() {
        ParetoChart chart = new ParetoChart(CostAxis.SIZE);

        chart.show(List.of(point(1, 0, 0.8432, 1.4, 44_710_229)), null); // ResNet-18: 1e-8 is below its ulp

        org.jfree.data.Range x = chart.chart().getXYPlot().getDomainAxis().getRange();
        assertTrue(x.getLowerBound() < 44_710_229 && x.getUpperBound() > 44_710_229, x.toString());
    }

    @Test
    void theLatencyChartDrawsEachP50WithItsIntervalAndASubsetsTop1WithItsWilsonInterval() {
        Provenance subset = Provenance.builder().engine("test", 1, 1).images("first 1000", true)
                .latencyRuns(0, 1).throughputBatch(64).kernels("fp32", true).sizeFormat("none").build();
        Measurement m = Measurement.builder().accuracy(0.92, 0.99, new double[10])
                .latency(0.060, 0.07, new org.paretowb.models.measure.Interval(0.057, 0.064))
                .sizeBytes(1000).counts(100, 100, 1000).throughput(500).predictions(new byte[1000])
                .network("1x1x99 flatten dense1").how(subset).build();
        ParetoChart chart = new ParetoChart(CostAxis.LATENCY);

        chart.show(List.of(new EvaluatedPoint(1, Recipe.BASELINE, m)), null);

        var bars = chart.errorBars().getSeries(0);
        assertEquals(1, bars.getItemCount());
        assertEquals(0.057, bars.getXLowValue(0), 1e-12);
        assertEquals(0.064, bars.getXHighValue(0), 1e-12);
        assertTrue(bars.getYLowValue(0) < 92 && bars.getYHighValue(0) > 92, "top-1 of 1,000 images: about ±1.7 points");
        org.jfree.data.Range y = chart.chart().getXYPlot().getRangeAxis().getRange();
        org.jfree.data.Range x = chart.chart().getXYPlot().getDomainAxis().getRange();
        assertTrue(y.getLowerBound() <= bars.getYLowValue(0) && y.getUpperBound() >= bars.getYHighValue(0),
                "the axis shows the whole interval: " + y);
        assertTrue(x.getLowerBound() <= 0.057 && x.getUpperBound() >= 0.064, "and the latency interval: " + x);
    }

    @Test
    void aPointOfAnotherSessionIsDrawnGreyWithALegendEntry() {
        Provenance earlier = Provenance.builder().engine("test", 1, 1).images("hand-made", false).latencyRuns(0, 1)
                .throughputBatch(64).kernels("fp32", true).sizeFormat("none").session("20261205-101010-0001", "m")
                .build();
        Provenance now = Provenance.builder().engine("test", 1, 1).images("hand-made", false).latencyRuns(0, 1)
                .throughputBatch(64).kernels("fp32", true).sizeFormat("none").session("20261206-101010-0002", "m")
                .build();
        EvaluatedPoint oldBaseline = new EvaluatedPoint(1, Recipe.BASELINE, Measurement.builder()
                .accuracy(0.90, 0.99, new double[10]).latency(1.2, 1.3).sizeBytes(1000).counts(100, 100, 1000)
                .throughput(500).predictions(new byte[10]).network("n").how(earlier).build());
        EvaluatedPoint baseline = new EvaluatedPoint(2, Recipe.BASELINE, Measurement.builder()
                .accuracy(0.90, 0.99, new double[10]).latency(1.0, 1.1).sizeBytes(1000).counts(100, 100, 1000)
                .throughput(500).predictions(new byte[10]).network("n").how(now).build());
        ParetoChart chart = new ParetoChart(CostAxis.LATENCY);
        int series = ParetoChart.seriesOf(Technique.BASELINE, false);

        chart.show(List.of(oldBaseline, baseline), null);
        assertTrue(chart.legend().stream().noneMatch(e -> e.name().equals("another session")), "no session set yet");

        chart.session("20261206-101010-0002");
        chart.show(List.of(oldBaseline, baseline), null);

        int oldItem = chart.pointAt(series, 0) == oldBaseline ? 0 : 1;
        assertTrue(chart.drawnAsOtherSession(series, oldItem));
        assertTrue(!chart.drawnAsOtherSession(series, 1 - oldItem));
        java.awt.Paint paint = chart.chart().getXYPlot().getRenderer(0).getItemPaint(series, oldItem);
        assertEquals(Markers.otherSessionColour(false), paint);
        assertEquals(Markers.colour(Technique.BASELINE, false),
                chart.chart().getXYPlot().getRenderer(0).getItemPaint(series, 1 - oldItem));
        assertTrue(chart.legend().stream().anyMatch(e -> e.name().equals("another session")
                && e.colour().equals(Markers.otherSessionColour(false))), "" + chart.legend());

        chart.show(List.of(baseline), null);
        assertTrue(chart.legend().stream().noneMatch(e -> e.name().equals("another session")), "none drawn: no entry");
    }

    private static EvaluatedPoint timed(int id, Recipe recipe, double p50, Measurement.Timing beside, String session) {
        Provenance how = Provenance.builder().engine("test", 1, 1).images("hand-made", false).latencyRuns(0, 1)
                .throughputBatch(64).kernels("fp32", true).sizeFormat("none").session(session, "m").build();
        return new EvaluatedPoint(id, recipe, Measurement.builder().accuracy(0.92, 0.99, new double[10])
                .latency(p50, p50 * 2, new org.paretowb.models.measure.Interval(p50 * 0.97, p50 * 1.03))
                .sessionBaseline(beside).sizeBytes(1000).counts(100, 100, 1000).throughput(500)
                .predictions(new byte[10]).network("n").how(how).build());
    }

    private static Measurement.Timing beside(double p50) {
        return new Measurement.Timing(p50, new org.paretowb.models.measure.Interval(p50 * 0.97, p50 * 1.03));
    }

    @Test
    void aPointTimedBesideTheBaselineIsDrawnAgainstTheBaselinePointSoTheProcesssDriftDoesNotShowAsAnEffect() {
        // the README's window: the baseline read 0.087 ms at the start; pruned 30% read 0.059 ms beside a baseline
        // timed at 0.060 ms in the same rounds (no measurable difference), pruned 90% 0.098 beside 0.097
        String session = "20261207-101010-0001";
        EvaluatedPoint baseline = timed(1, Recipe.BASELINE, 0.087, null, session);
        EvaluatedPoint pruned30 = timed(2, Recipe.builder().pruning(new PruningSettings(0.3)).build(), 0.059,
                beside(0.060), session);
        EvaluatedPoint pruned90 = timed(3, Recipe.builder().pruning(new PruningSettings(0.9)).build(), 0.098,
                beside(0.097), session);
        EvaluatedPoint otherSession = timed(4, Recipe.builder().pruning(new PruningSettings(0.5)).build(), 0.070,
                beside(0.050), "20261206-101010-0001");
        ParetoChart chart = new ParetoChart(CostAxis.LATENCY);

        chart.show(List.of(baseline, pruned30, pruned90, otherSession), null);

        List<EvaluatedPoint> pruned = chart.pointsOf(Technique.PRUNING);
        assertEquals(0.087 * 0.059 / 0.060, xOf(chart, pruned30), 1e-12, "the baseline's p50 times the ratio");
        assertEquals(0.087 * 0.098 / 0.097, xOf(chart, pruned90), 1e-12);
        assertEquals(0.070, xOf(chart, otherSession), 1e-12, "no baseline point of its session: its own p50");
        assertEquals(3, pruned.size());
        var bars = chart.errorBars().getSeries(0);
        boolean scaledBar = false;
        for (int i = 0; i < bars.getItemCount(); i++) {
            if (Math.abs(bars.getX(i).doubleValue() - 0.087 * 0.059 / 0.060) < 1e-12) {
                assertEquals(0.087 * 0.059 * 0.97 / 0.060, bars.getXLowValue(i), 1e-12, "its interval scaled alike");
                assertEquals(0.087 * 0.059 * 1.03 / 0.060, bars.getXHighValue(i), 1e-12);
                scaledBar = true;
            }
        }
        assertTrue(scaledBar);
        assertTrue(chart.chart().getXYPlot().getDomainAxis().getLabel().contains("baseline-relative"));
        String tip = chart.chart().getXYPlot().getRenderer(0).getToolTipGenerator(
                ParetoChart.seriesOf(Technique.PRUNING, false), 0).generateToolTip(chart.points(),
                ParetoChart.seriesOf(Technique.PRUNING, false), indexOf(chart, pruned30));
        assertTrue(tip.contains("latency p50 0.059 ms") && tip.contains("drawn at 0.086 ms"), tip);
        chart.show(List.of(baseline, pruned30, pruned90), null);
        assertEquals(0.087 * 0.059 / 0.060, chart.frontier().getX(0).doubleValue(), 1e-12,
                "the frontier joins the points where they are drawn (all at one top-1: the cheapest)");

        chart.show(List.of(pruned30), null);
        assertEquals(0.059, xOf(chart, pruned30), 1e-12, "without its baseline point: its own p50");
        assertTrue(!chart.chart().getXYPlot().getDomainAxis().getLabel().contains("baseline-relative"));
    }

    private static int indexOf(ParetoChart chart, EvaluatedPoint p) {
        int series = ParetoChart.seriesOf(p);
        for (int i = 0; i < chart.points().getItemCount(series); i++) {
            if (chart.groupAt(series, i).points().contains(p)) {
                return i;
            }
        }
        throw new AssertionError("not drawn: " + p.id());
    }

    private static double xOf(ParetoChart chart, EvaluatedPoint p) {
        return chart.points().getXValue(ParetoChart.seriesOf(p), indexOf(chart, p));
    }
}
