package org.paretowb.views.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;

/** The "B against A" column says which way each figure moved, and claims no difference the intervals do not show. */
class ComparisonTest {
    private static Measurement m(double top1, boolean subset, double p50, Interval ci, long size, double throughput,
                                 String session) {
        int samples = subset ? 1000 : 10_000;
        return Measurement.builder().accuracy(top1, 0.99, new double[10]).latency(p50, p50 * 1.4, ci)
                .sizeBytes(size).counts(200_000, size / 4, 1_000_000).throughput(throughput)
                .predictions(new byte[samples]).network("cnn")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1).images("test", subset)
                        .latencyRuns(20, 200).throughputBatch(64).kernels("fp32 kernels", true).sizeFormat("PWB1")
                        .session(session, "m").build())
                .build();
    }

    private static String difference(List<Comparison.Row> rows, String what) {
        return rows.stream().filter(r -> r.what().equals(what)).findFirst().orElseThrow().difference();
    }

    private static final Recipe PRUNED = Recipe.builder().pruning(new PruningSettings(0.5)).build();

    @Test
    void eachDifferenceSaysBetterOrWorse() {
        EvaluatedPoint a = new EvaluatedPoint(1, Recipe.BASELINE,
                m(0.92, false, 0.100, new Interval(0.098, 0.102), 800_000, 9000, "s1"));
        EvaluatedPoint b = new EvaluatedPoint(2, PRUNED,
                m(0.90, false, 0.070, new Interval(0.068, 0.072), 400_000, 12_000, "s1"));

        List<Comparison.Row> rows = Comparison.of(a, b);

        assertEquals("-2.00 points: worse", difference(rows, "Top-1 accuracy (%)"));
        assertEquals("0.70x: faster, better", difference(rows, "Latency p50 (ms)"));
        assertEquals("0.50x: smaller, better", difference(rows, "Size (bytes)"));
        assertEquals("1.33x: no claim: measured without an interval", difference(rows,
                "Throughput (images/s, batch 64)"), "the same kernels timed twice differ by tens of percent");
        assertEquals("0.70x: no claim: measured without an interval", difference(rows, "Latency p95 (ms)"));
        assertEquals("", difference(rows, "Parameters"), "equal: nothing said");
    }

    @Test
    void overlappingIntervalsAndOtherSessionsClaimNothing() {
        EvaluatedPoint a = new EvaluatedPoint(1, Recipe.BASELINE,
                m(0.92, true, 0.100, new Interval(0.095, 0.105), 800_000, 9000, "s1"));
        EvaluatedPoint b = new EvaluatedPoint(2, PRUNED,
                m(0.915, true, 0.103, new Interval(0.099, 0.108), 800_000, 9000, "s1"));
        EvaluatedPoint later = new EvaluatedPoint(3, PRUNED,
                m(0.915, true, 0.080, new Interval(0.079, 0.081), 800_000, 9100, "s2"));

        List<Comparison.Row> rows = Comparison.of(a, b);
        assertEquals("1.03x: no measurable difference (the 95% intervals overlap)", difference(rows, "Latency p50 (ms)"));
        assertEquals("-0.50 points: no measurable difference (the 95% intervals overlap)",
                difference(rows, "Top-1 accuracy (%)"), "a subset's Wilson intervals overlap");

        List<Comparison.Row> across = Comparison.of(a, later);
        assertEquals("0.80x: not compared: measured in different sessions", difference(across, "Latency p50 (ms)"));
        assertEquals("1.01x: not compared: measured in different sessions",
                difference(across, "Throughput (images/s, batch 64)"));
    }

    @Test
    void againstTheBaselineTheLatencyIsJudgedOnTheRoundsTimedTogether() {
        EvaluatedPoint baseline = new EvaluatedPoint(1, Recipe.BASELINE,
                m(0.92, false, 0.094, new Interval(0.092, 0.096), 800_000, 9000, "s1"));
        // timed later, on a busier machine: its own interval is above the baseline point's, but in the same rounds
        // the baseline ran as slowly
        Measurement later = Measurement.builder().accuracy(0.90, 0.99, new double[10])
                .latency(0.101, 0.14, new Interval(0.099, 0.103))
                .sessionBaseline(new Measurement.Timing(0.100, new Interval(0.098, 0.102)))
                .sizeBytes(400_000).counts(200_000, 100_000, 1_000_000).throughput(9000)
                .predictions(new byte[10_000]).network("cnn")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1).images("test", false)
                        .latencyRuns(20, 200).throughputBatch(64).kernels("fp32 kernels", true).sizeFormat("PWB1")
                        .session("s1", "m").build())
                .build();
        EvaluatedPoint pruned = new EvaluatedPoint(2, PRUNED, later);

        assertEquals("1.07x: no measurable difference (same rounds as the baseline)", difference(Comparison.of(baseline, pruned), "Latency p50 (ms)"));
    }

    @Test
    void aSubsetsTop5CarriesItsWilsonIntervalAndTheFullSetsIsExact() {
        java.util.function.BiFunction<Double, Boolean, Measurement> top5 = (value, subset) -> Measurement.builder()
                .accuracy(0.90, value, new double[10]).latency(0.1, 0.14).sizeBytes(1000).counts(10, 10, 10)
                .throughput(9000).predictions(new byte[subset ? 1000 : 10_000]).network("cnn")
                .how(Provenance.builder().engine("e", 2, 1).images("test", subset).latencyRuns(20, 200)
                        .throughputBatch(64).kernels("fp32 kernels", true).sizeFormat("PWB1").session("s1", "m").build())
                .build();
        EvaluatedPoint a = new EvaluatedPoint(1, Recipe.BASELINE, top5.apply(0.990, true));
        EvaluatedPoint b = new EvaluatedPoint(2, PRUNED, top5.apply(0.985, true));
        assertEquals("-0.50 points: no measurable difference (the 95% intervals overlap)",
                difference(Comparison.of(a, b), "Top-5 accuracy (%)"), "10 of 1,000 images against 15");

        EvaluatedPoint fullA = new EvaluatedPoint(1, Recipe.BASELINE, top5.apply(0.990, false));
        EvaluatedPoint fullB = new EvaluatedPoint(2, PRUNED, top5.apply(0.985, false));
        assertEquals("-0.50 points: worse", difference(Comparison.of(fullA, fullB), "Top-5 accuracy (%)"));
    }
}
