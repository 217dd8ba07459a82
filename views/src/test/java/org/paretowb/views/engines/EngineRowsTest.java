package org.paretowb.views.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Provenance;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;

/** Pairing a point with the same recipe on the other engine, and how the rows read. */
class EngineRowsTest {
    private static final String ORT = "ONNX Runtime 1.21.1 (DJL 0.36.0), optimisation ALL, 1 intra-op thread";
    private static final String DJL = "PyTorch 2.7.1 (DJL 0.36.0)";

    @Test
    void aPointPairsWithTheNewestPointOfItsRecipeOnTheOtherEngineOnTheSameImages() {
        EvaluatedPoint ort = point(1, Recipe.BASELINE, ORT, 1000, 0.080, 4000);
        EvaluatedPoint pruned = point(2, Recipe.builder().pruning(new PruningSettings(0.5)).build(), ORT, 1000, 0.080,
                4000);
        EvaluatedPoint djlOnOtherImages = point(3, Recipe.BASELINE, DJL, 500, 0.600, 800);
        EvaluatedPoint djl = point(4, Recipe.BASELINE, DJL, 1000, 0.600, 800);
        EvaluatedPoint djlAgain = point(5, Recipe.BASELINE, DJL, 1000, 0.640, 800);
        List<EvaluatedPoint> all = List.of(ort, pruned, djlOnOtherImages, djl, djlAgain);

        assertEquals(new EngineRows.Pair(ort, djlAgain), EngineRows.pairOf(ort, all));
        assertEquals(new EngineRows.Pair(ort, djl), EngineRows.pairOf(djl, all));
        assertNull(EngineRows.pairOf(pruned, all).djl(), "not measured on DJL");
        assertNull(EngineRows.pairOf(djlOnOtherImages, all).ort(), "not on the same images");
    }

    @Test
    void rowsSayHowManyTimesFasterOnnxRuntimeWasAndTheAccuracyDifferenceInPoints() {
        EngineRows.Pair pair = new EngineRows.Pair(point(1, Recipe.BASELINE, ORT, 1000, 0.080, 4000),
                point(2, Recipe.BASELINE, DJL, 1000, 0.600, 800));
        List<EngineRows.Row> rows = EngineRows.of(pair);

        assertEquals(new EngineRows.Row("Engine", ORT, DJL, ""), row(rows, "Engine"));
        assertEquals(new EngineRows.Row("Batch-1 latency p50 (ms)", "0.080", "0.600", "7.50x faster"),
                row(rows, "Batch-1 latency p50 (ms)"));
        assertEquals("5.00x faster", row(rows, "Throughput (images/s, batch 64)").ortAgainstDjl());
        assertEquals("+0.00 points", row(rows, "Top-1 accuracy (%)").ortAgainstDjl());
        String summary = EngineRows.summary(pair);
        assertTrue(summary.contains("0.080 ms on ONNX Runtime (#1), 0.600 ms on DJL PyTorch (#2): 7.50x faster"), summary);
        assertTrue(EngineRows.summary(new EngineRows.Pair(pair.ort(), null)).contains("Measure on DJL PyTorch (Ctrl+J)"));
    }

    private static EngineRows.Row row(List<EngineRows.Row> rows, String what) {
        return rows.stream().filter(r -> r.what().equals(what)).findFirst().orElseThrow();
    }

    private static EvaluatedPoint point(int id, Recipe recipe, String engine, int samples, double p50, double throughput) {
        Provenance how = Provenance.builder().engine(engine, 2, 1).images("test", true).latencyRuns(20, 200)
                .throughputBatch(64).kernels("fp32 kernels", true).sizeFormat("PWB1").build();
        return new EvaluatedPoint(id, recipe, Measurement.builder().accuracy(0.9, 0.99, new double[10])
                .latency(p50, p50 * 1.2).sizeBytes(1000).counts(100, 100, 1000).throughput(throughput)
                .predictions(new byte[samples]).network("1x28x28 flatten dense10").how(how).build());
    }
}
