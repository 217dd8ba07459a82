package org.paretowb.charts.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.models.report.ReportInput;

/** The report claims only what the intervals support, and says what its "within 1 point" rests on. */
class IntervalsInReportTest {
    private static final String SESSION = "20261206-220000-abcd";
    private static final String MACHINE = "vm \u00b7 AMD EPYC, 2 logical cores";

    private static Measurement point(double top1, int samples, boolean subset, double p50, Interval ci,
                                     Measurement.Timing sameRounds, long size, long nonZeros) {
        return Measurement.builder().accuracy(top1, 0.99, new double[10]).latency(p50, p50 * 1.4, ci)
                .sessionBaseline(sameRounds).sizeBytes(size).counts(207_114, nonZeros, 1_236_864).throughput(9000)
                .predictions(new byte[samples]).network("cnn")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1)
                        .images(subset ? "test (first " + samples + ")" : "test", subset).latencyRuns(20, 200)
                        .latencyRounds(12, false).throughputBatch(64).kernels("fp32 kernels", true)
                        .sizeFormat("PWB1").session(SESSION, MACHINE).otherCpuShare(0.05).build())
                .build();
    }

    private static final EvaluatedPoint BASELINE = new EvaluatedPoint(1, Recipe.BASELINE,
            point(0.9202, 10_000, false, 0.0611, new Interval(0.0598, 0.0630), null, 829_203, 207_114));

    /** Pruned 30% timed in rounds alternating with the baseline: the two intervals overlap. */
    private static final EvaluatedPoint PRUNED_30 = new EvaluatedPoint(2,
            Recipe.builder().pruning(new PruningSettings(0.3)).build(),
            point(0.9203, 10_000, false, 0.0626, new Interval(0.0605, 0.0652),
                    new Measurement.Timing(0.0612, new Interval(0.0604, 0.0621)), 606_975, 145_093));

    private static String render(List<EvaluatedPoint> points) {
        return new HtmlReport().render(new ReportInput("noise", "CNN (example)", "Fashion-MNIST test set (10,000 images)",
                points, BASELINE, null, List.of(), Map.of(), Instant.parse("2026-12-06T22:00:00Z")));
    }

    private static String section(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        int to = page.indexOf("class=\"section\"", from + 1);
        return page.substring(from, to < 0 ? page.length() : to);
    }

    @Test
    void theBaselineAndPrunedThirtyPercentAreNoMeasurableDifferenceInTheGainsAndTheHeadline() {
        String page = render(List.of(BASELINE, PRUNED_30));

        assertTrue(section(page, "gains").contains(">no measurable difference<"), section(page, "gains"));
        assertTrue(section(page, "summary").contains(">no measurable difference<"), "the Fastest card: "
                + section(page, "summary"));
        assertFalse(page.contains("faster<"), "no speed-up claimed anywhere");
        assertTrue(section(page, "points").contains("\u00b10.0"), "the p50s carry their \u00b1");
    }

    @Test
    void aSubsetPointShowsItsWilsonIntervalAndTheHeadlineRestsOnFullSetFigures() {
        // on 1,000 images 92.10% is 90.3-93.6%: smaller than the full-set point, but not a full-set figure
        EvaluatedPoint subset = new EvaluatedPoint(3, Recipe.builder().structured(new StructuredPruningSettings(0.5,
                StructuredPruningSettings.Norm.L1)).build(),
                point(0.921, 1_000, true, 0.040, new Interval(0.039, 0.041),
                        new Measurement.Timing(0.061, new Interval(0.060, 0.062)), 300_000, 100_000));

        String page = render(List.of(BASELINE, PRUNED_30, subset));

        String points = section(page, "points");
        assertTrue(points.contains("\u00b11.84 pp"), "the subset's top-1 \u00b1: " + points);
        assertTrue(points.contains("Wilson: a subset of 1,000 images"), points);
        String summary = section(page, "summary");
        assertTrue(summary.contains("#2 "), "the smallest within 1 point is the full-set point #2: " + summary);
        assertFalse(summary.contains("#3 "), "not the subset point #3, though it is smaller: " + summary);
        assertTrue(summary.contains("Within 1 point on full-set figures (1 subset point not considered"), summary);
        assertTrue(page.contains("1 of 3 points measured on a subset of it"), "the cover's data line");
    }

    @Test
    void withOnlySubsetPointsTheHeadlineSaysItRestsOnASubset() {
        EvaluatedPoint subset = new EvaluatedPoint(3, Recipe.builder().pruning(new PruningSettings(0.5)).build(),
                point(0.915, 1_000, true, 0.061, new Interval(0.059, 0.063),
                        new Measurement.Timing(0.061, new Interval(0.060, 0.062)), 500_000, 103_557));

        String summary = section(render(List.of(BASELINE, subset)), "summary");

        assertTrue(summary.contains("Within 1 point rests on a subset"), summary);
        assertTrue(summary.contains("\u00b11.9 points (95%)"), summary);
    }

    @Test
    void theLatencyChartSaysItDrawsPointsAgainstTheBaselineAndTheTablesKeepTheRawP50() {
        String page = render(List.of(BASELINE, PRUNED_30));

        assertTrue(section(page, "charts").contains("relative to the baseline"), section(page, "charts"));
        assertTrue(page.contains("0.0626") || page.contains("0.063"), "the raw p50 in the tables");
        assertFalse(section(render(List.of(BASELINE)), "charts").contains("relative to the baseline"),
                "the baseline alone: drawn as measured, nothing to say");
    }
}
