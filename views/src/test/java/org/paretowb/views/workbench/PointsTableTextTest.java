package org.paretowb.views.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.FigureText;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.SessionInfo;

/** The history table's text: figures with their intervals, and no speed-up claimed where the intervals overlap. */
class PointsTableTextTest {
    private static final SessionInfo NOW = SessionInfo.current();

    private static Measurement point(double top1, int samples, boolean subset, double p50, Interval ci,
                                     Measurement.Timing sameRounds, long nonZeros, String session) {
        return Measurement.builder().accuracy(top1, 0.99, new double[10]).latency(p50, p50 * 1.4, ci)
                .sessionBaseline(sameRounds).sizeBytes(nonZeros * 4).counts(207_114, nonZeros, 1_236_864)
                .throughput(9000).predictions(new byte[samples]).network("cnn")
                .how(Provenance.builder().engine("ONNX Runtime 1.21.1", 2, 1)
                        .images(subset ? "test (first " + samples + ")" : "test", subset).latencyRuns(20, 200)
                        .latencyRounds(12, false).throughputBatch(64).kernels("fp32 kernels", true)
                        .sizeFormat("PWB1").session(session, NOW.machine()).build())
                .build();
    }

    private static final EvaluatedPoint BASELINE = new EvaluatedPoint(1, Recipe.BASELINE,
            point(0.9202, 10_000, false, 0.0611, new Interval(0.0598, 0.0630), null, 207_114, NOW.id()));
    private static final Recipe PRUNE_30 = Recipe.builder().pruning(new PruningSettings(0.3)).build();

    @Test
    void prunedThirtyPercentTimedWithTheBaselineSaysNoMeasurableDifference() {
        EvaluatedPoint pruned = new EvaluatedPoint(2, PRUNE_30, point(0.9203, 10_000, false, 0.0626,
                new Interval(0.0605, 0.0652), new Measurement.Timing(0.0612, new Interval(0.0604, 0.0621)), 145_093,
                NOW.id()));

        String text = GainsColumn.gainsText(BASELINE, pruned);
        String tip = GainsColumn.gainsTooltip(BASELINE, pruned);

        assertEquals("\u26a0 1.43x | no measurable difference", text, "the measured gains; the nominal in the tooltip");
        assertTrue(tip.startsWith("Size: 1.43x smaller file than baseline #1 (nominally 1.43x: fewer non-zero"
                + " weights).\nSpeed: no measurable difference (nominally 1.43x: less compute).\n\u26a0 Nominal and"
                + " measured differ: unstructured sparsity"), tip);
        assertTrue(tip.contains("Latency against the baseline: no measurable difference: the 95% intervals of the"
                + " p50s overlap"), tip);
        assertTrue(tip.contains("Batch-1 p50 0.063 ms (95% CI 0.061\u20130.065 ms, 12 rounds; in this process: the"
                + " spread between processes was not measured)"), tip);
        assertFalse(tip.contains("another session"), tip);
        assertEquals("0.063 \u00b10.003", FigureText.latencyCell(pruned.measurement()));
    }

    @Test
    void aSubsetPointShowsItsWilsonIntervalInTheCellAndTheTooltip() {
        EvaluatedPoint subset = new EvaluatedPoint(3, PRUNE_30, point(0.921, 1_000, true, 0.0626,
                new Interval(0.0605, 0.0652), new Measurement.Timing(0.0612, new Interval(0.0604, 0.0621)), 145_093,
                NOW.id()));

        assertEquals("92.10 \u00b11.84", FigureText.accuracyCell(subset.measurement()));
        assertEquals("92.02", FigureText.accuracyCell(BASELINE.measurement()), "exact on the whole set");
        assertTrue(GainsColumn.gainsTooltip(BASELINE, subset)
                .contains("Top-1 92.10% (95% CI 90.26\u201393.62%, Wilson: a subset of 1,000 images)"));
    }

    @Test
    void aPointOfAnotherSessionIsMarkedAndItsLatencyNotCompared() {
        EvaluatedPoint earlier = new EvaluatedPoint(4, PRUNE_30, point(0.9203, 10_000, false, 0.081,
                new Interval(0.078, 0.084), null, 145_093, "20261205-101010-0001"));

        assertEquals("\u26a0 1.43x | not compared", GainsColumn.gainsText(BASELINE, earlier),
                "the size against this session's baseline, no latency claim");
        assertTrue(GainsColumn.gainsTooltip(BASELINE, earlier).startsWith("From an earlier session"
                + " (20261205-101010-0001): its size is compared with this session's baseline #1; its latency is not"
                + " compared.\n"), GainsColumn.gainsTooltip(BASELINE, earlier));
        assertTrue(GainsColumn.gainsTooltip(BASELINE, earlier).contains("Measured in another session"
                + " (20261205-101010-0001) on this machine: latency not compared with this session's baseline"));
    }
}
