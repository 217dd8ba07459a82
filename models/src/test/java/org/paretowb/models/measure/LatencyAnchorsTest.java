package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.pareto.Frontiers;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;

class LatencyAnchorsTest {
    private static final String NOW = "20261207-101010-0001";

    private static EvaluatedPoint point(int id, Recipe recipe, double top1, double p50, Double beside, String session,
                                        String engine) {
        Provenance how = Provenance.builder().engine(engine, 1, 1).images("hand-made", false).latencyRuns(0, 1)
                .throughputBatch(64).kernels("fp32", true).sizeFormat("none").session(session, "m").build();
        return new EvaluatedPoint(id, recipe, Measurement.builder().accuracy(top1, 0.99, new double[10])
                .latency(p50, p50 * 2, new Interval(p50 * 0.98, p50 * 1.02))
                .sessionBaseline(beside == null ? null : new Measurement.Timing(beside, new Interval(beside * 0.98,
                        beside * 1.02)))
                .sizeBytes(1000 + id).counts(100, 100, 1000).throughput(500).predictions(new byte[10]).network("n")
                .how(how).build());
    }

    private static Recipe pruned(double sparsity) {
        return Recipe.builder().pruning(new PruningSettings(sparsity)).build();
    }

    @Test
    void aPointTimedBesideTheBaselineIsPlacedAtItsSessionsFirstBaselineTimesTheRatio() {
        EvaluatedPoint first = point(1, Recipe.BASELINE, 0.92, 0.087, null, NOW, "ort");
        EvaluatedPoint again = point(2, Recipe.BASELINE, 0.92, 0.070, null, NOW, "ort");
        EvaluatedPoint pruned = point(3, pruned(0.3), 0.92, 0.059, 0.060, NOW, "ort");
        EvaluatedPoint otherEngine = point(4, pruned(0.3), 0.92, 0.5, 0.6, NOW, "djl");
        EvaluatedPoint alone = point(5, pruned(0.5), 0.92, 0.065, null, NOW, "ort");

        LatencyAnchors anchors = LatencyAnchors.of(List.of(again, pruned, first, otherEngine, alone));

        assertEquals(first, anchors.anchorOf(pruned), "the session's first baseline point");
        assertEquals(0.087 * 0.059 / 0.060, anchors.p50(pruned), 1e-12);
        assertEquals(0.087 * 0.059 * 0.98 / 0.060, anchors.interval(pruned).low(), 1e-12);
        assertEquals(0.070, anchors.p50(again), 0, "a baseline point is placed at its own p50");
        assertEquals(0.5, anchors.p50(otherEngine), 0, "no baseline point of its engine");
        assertEquals(0.065, anchors.p50(alone), 0, "timed alone");
        assertNull(anchors.note(alone));
        assertTrue(anchors.note(pruned).startsWith("drawn at 0.086 ms: baseline #1's 0.087 ms"), anchors.note(pruned));
    }

    @Test
    void theLatencyFrontierTakesThePointsWhereTheChartDrawsThem() {
        // raw, the pruned point (0.059 ms, 0.5 points less, a larger file here) would be on the latency frontier, ahead
        // of the baseline; timed beside it, it is as fast as the baseline (0.059 ms then) and only less accurate
        EvaluatedPoint baseline = point(1, Recipe.BASELINE, 0.920, 0.087, null, NOW, "ort");
        EvaluatedPoint pruned = point(2, pruned(0.9), 0.915, 0.059, 0.059, NOW, "ort");

        assertEquals(List.of(baseline), Frontiers.latencyOrSize(List.of(baseline, pruned)));
    }
}
