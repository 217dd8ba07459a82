package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.MagnitudePruner;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** The example networks on DJL's PyTorch engine, on the embedded test set. */
class EngineMeasurementIT {
    private static PyTorchRuntime runtime;
    private static LabeledImages test;

    @BeforeAll
    static void startEngine() throws Exception {
        runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        test = new FashionMnist().testSet().first(500);
    }

    @Test
    void zeroPercentPruningLeavesTheLogitsIdentical() throws Exception {
        for (Architecture architecture : Architecture.values()) {
            WeightSet original = new ExampleWeights().load(architecture);
            WeightSet pruned = new MagnitudePruner().prune(original, new PruningSettings(0));
            float[] pixels = test.scaledPixels(0, 64);
            try (LoadedNetwork a = LoadedNetwork.load(original, runtime);
                 LoadedNetwork b = LoadedNetwork.load(pruned, runtime)) {
                assertArrayEquals(a.logits(pixels, 64), b.logits(pixels, 64), architecture.title());
            }
        }
    }

    @Test
    void weightsLoadedIntoTheEngineComeBackUnchanged() throws Exception {
        WeightSet original = new ExampleWeights().load(Architecture.CNN);
        try (LoadedNetwork network = LoadedNetwork.load(original, runtime)) {
            WeightSet back = LoadedNetwork.weightsOf(original.spec(), network.block());
            for (int i = 0; i < original.tensors().size(); i++) {
                assertArrayEquals(original.tensors().get(i).values(), back.tensors().get(i).values());
            }
        }
    }

    @Test
    void aMeasuredPointCountsWhatItPruned() throws Exception {
        WeightSet weights = new ExampleWeights().load(Architecture.CNN);
        PointMeasurer measurer = new PointMeasurer(runtime, weights, test, true, new RecipeApplier(), new Evaluator(100),
                new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));

        Measurement base = measurer.measure(Recipe.BASELINE, CancelToken.NEVER);
        Measurement half = measurer.measure(Recipe.builder().pruning(new PruningSettings(0.5)).build(),
                CancelToken.NEVER);

        assertEquals(500, base.samples());
        assertTrue(base.how().subset());
        assertTrue(base.accuracy() > 0.8, "trained CNN on 500 test images: " + base.accuracy());
        assertTrue(base.latencyP50Ms() > 0 && base.latencyP50Ms() <= base.latencyP95Ms());
        long prunable = weights.prunableParameters();
        long expectedNonZeros = weights.nonZeros() - Math.round(0.5 * prunable);
        assertEquals(expectedNonZeros, half.nonZeros(), "exact when no trained weight is already zero");
        assertEquals(base.parameters(), half.parameters());
        assertTrue(half.sizeBytes() < base.sizeBytes());
    }

    @Test
    void aCancelledMeasurementStopsAtTheNextBatch() throws Exception {
        PointMeasurer measurer = new PointMeasurer(runtime, new ExampleWeights().load(Architecture.CNN), test, true,
                new RecipeApplier(), new Evaluator(100), new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
        int[] checks = new int[1];
        CancelToken token = new CancelToken() {
            @Override
            public void check() {
                if (++checks[0] == 2) { // the evaluation has run its first batch: cancel now, mid-way
                    cancel();
                }
                super.check();
            }
        };

        assertThrows(CancelledException.class, () -> measurer.measure(Recipe.BASELINE, token));
        assertEquals(2, checks[0], "the measurement started, and stopped at the next batch boundary without"
                + " another check (no more work)");
    }
}
