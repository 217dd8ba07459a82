package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;

class MagnitudePrunerTest {
    private final MagnitudePruner pruner = new MagnitudePruner();

    static WeightSet randomWeights(long seed) {
        Random random = new Random(seed);
        float[] w1 = new float[300];
        float[] w2 = new float[701];
        float[] bias = new float[10];
        for (float[] a : List.of(w1, w2, bias)) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
        }
        return new WeightSet(Architecture.MLP, List.of(new Tensor("w1", new long[] {30, 10}, w1),
                new Tensor("w2", new long[] {701, 1}, w2), new Tensor("bias", new long[] {10}, bias)));
    }

    @Test
    void pruningReachesTheExactSparsityOverAllWeightsButNotBiases() {
        WeightSet weights = randomWeights(1);
        for (double sparsity : new double[] {0.1, 0.5, 0.7, 0.95}) {
            WeightSet pruned = pruner.prune(weights, new PruningSettings(sparsity));

            long zeroedWeights = 1001 - pruned.tensors().get(0).nonZeros() - pruned.tensors().get(1).nonZeros();
            assertEquals(Math.round(sparsity * 1001), zeroedWeights, "sparsity " + sparsity);
            assertArrayEquals(weights.tensors().get(2).values(), pruned.tensors().get(2).values());
        }
    }

    @Test
    void theSmallestMagnitudesGoFirstAcrossLayers() {
        WeightSet weights = new WeightSet(Architecture.MLP, List.of(
                new Tensor("a", new long[] {2, 2}, new float[] {0.1f, -5f, 3f, -0.2f}),
                new Tensor("b", new long[] {2, 2}, new float[] {-0.3f, 4f, 0.05f, 2f})));

        WeightSet pruned = pruner.prune(weights, new PruningSettings(0.5));

        assertArrayEquals(new float[] {0f, -5f, 3f, 0f}, pruned.tensors().get(0).values());
        assertArrayEquals(new float[] {0f, 4f, 0f, 2f}, pruned.tensors().get(1).values());
    }

    @Test
    void tiesAtTheThresholdStillGiveTheExactCount() {
        float[] equal = new float[100];
        java.util.Arrays.fill(equal, 0.5f);
        WeightSet weights = new WeightSet(Architecture.MLP, List.of(new Tensor("w", new long[] {10, 10}, equal)));

        assertEquals(70, pruner.prune(weights, new PruningSettings(0.3)).nonZeros());
    }

    @Test
    void theOriginalIsNeverChanged() {
        WeightSet weights = randomWeights(2);
        float[] before = weights.tensors().get(0).values().clone();

        pruner.prune(weights, new PruningSettings(0.9));

        assertArrayEquals(before, weights.tensors().get(0).values());
        assertSame(weights, pruner.prune(weights, PruningSettings.NONE), "0% is the same weights");
    }
}
