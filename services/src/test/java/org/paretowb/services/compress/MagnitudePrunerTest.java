package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;

class MagnitudePrunerTest {
    private final MagnitudePruner pruner = new MagnitudePruner();

    /** 10 inputs, dense 30, dense 23: 990 prunable weights, 53 biases. */
    static WeightSet randomWeights(long seed) {
        Random random = new Random(seed);
        NetworkSpec spec = NetworkSpec.parse("1x1x10 flatten dense30 relu dense23");
        List<Tensor> tensors = spec.parameterShapes().stream().map(shape -> {
            float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            return new Tensor("t" + shape.length, shape, values);
        }).toList();
        return new WeightSet(spec, tensors);
    }

    @Test
    void pruningReachesTheExactSparsityOverAllWeightsButNotBiases() {
        WeightSet weights = randomWeights(1);
        for (double sparsity : new double[] {0.1, 0.5, 0.7, 0.95}) {
            WeightSet pruned = pruner.prune(weights, new PruningSettings(sparsity));

            long zeroedWeights = 990 - pruned.tensors().get(0).nonZeros() - pruned.tensors().get(2).nonZeros();
            assertEquals(Math.round(sparsity * 990), zeroedWeights, "sparsity " + sparsity);
            assertArrayEquals(weights.tensors().get(1).values(), pruned.tensors().get(1).values());
            assertArrayEquals(weights.tensors().get(3).values(), pruned.tensors().get(3).values());
        }
    }

    @Test
    void theSmallestMagnitudesGoFirstAcrossLayers() {
        WeightSet weights = new WeightSet(NetworkSpec.parse("1x1x2 flatten dense2 dense2"), List.of(
                new Tensor("a", new long[] {2, 2}, new float[] {0.1f, -5f, 3f, -0.2f}),
                new Tensor("a.bias", new long[] {2}, new float[] {0.01f, 0.02f}),
                new Tensor("b", new long[] {2, 2}, new float[] {-0.3f, 4f, 0.05f, 2f}),
                new Tensor("b.bias", new long[] {2}, new float[] {0.01f, 0.02f})));

        WeightSet pruned = pruner.prune(weights, new PruningSettings(0.5));

        assertArrayEquals(new float[] {0f, -5f, 3f, 0f}, pruned.tensors().get(0).values());
        assertArrayEquals(new float[] {0f, 4f, 0f, 2f}, pruned.tensors().get(2).values());
    }

    @Test
    void tiesAtTheThresholdStillGiveTheExactCount() {
        float[] equal = new float[100];
        Arrays.fill(equal, 0.5f);
        WeightSet weights = new WeightSet(NetworkSpec.parse("1x1x10 flatten dense10"), List.of(
                new Tensor("w", new long[] {10, 10}, equal), new Tensor("b", new long[] {10}, new float[10])));

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

    @Test
    void pruningOneTensorLeavesTheOthersAlone() {
        WeightSet weights = randomWeights(3);

        WeightSet pruned = pruner.pruneOnly(weights, 2, new PruningSettings(0.4));

        assertEquals(Math.round(0.4 * 690), 690 - pruned.tensors().get(2).nonZeros());
        for (int t : new int[] {0, 1, 3}) {
            assertArrayEquals(weights.tensors().get(t).values(), pruned.tensors().get(t).values());
        }
    }

    @Test
    void perLayerPruningZeroesTheSameShareOfEveryLayer() {
        WeightSet weights = randomWeights(4);

        WeightSet pruned = pruner.prune(weights, new PruningSettings(0.6, PruningSettings.Scope.PER_LAYER));

        assertEquals(Math.round(0.6 * 300), 300 - pruned.tensors().get(0).nonZeros());
        assertEquals(Math.round(0.6 * 690), 690 - pruned.tensors().get(2).nonZeros());
        assertArrayEquals(weights.tensors().get(1).values(), pruned.tensors().get(1).values());
    }
}
