package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;

class ParameterCompressorTest {
    private final ParameterCompressor compressor = new ParameterCompressor();

    private static Recipe recipe(PruningSettings pruning, QuantizationSettings quantization) {
        return Recipe.builder().pruning(pruning).quantization(quantization).build();
    }

    @Test
    void bareTensorsArePrunedAndQuantizedExactlyAsTheWorkbenchsOwnWeights() {
        WeightSet weights = MagnitudePrunerTest.randomWeights(3);
        QuantizationSettings int4 = new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 4, true, true);
        for (PruningSettings.Scope scope : PruningSettings.Scope.values()) {
            PruningSettings pruning = new PruningSettings(0.6, scope);

            List<Tensor> bare = compressor.apply(weights.tensors(), recipe(pruning, int4));
            WeightSet own = new WeightQuantizer().quantize(new MagnitudePruner().prune(weights, pruning), int4);

            for (int t = 0; t < bare.size(); t++) {
                assertArrayEquals(own.tensors().get(t).values(), bare.get(t).values(), scope + " tensor " + t);
            }
        }
    }

    @Test
    void theBaselineRecipeLeavesTheTensorsAsTheyAre() {
        List<Tensor> tensors = MagnitudePrunerTest.randomWeights(4).tensors();
        assertSame(tensors, compressor.apply(tensors, Recipe.BASELINE));
    }

    @Test
    void stagesThatNeedTheArchitectureOrCalibrationAreRefusedByName() {
        List<Tensor> tensors = MagnitudePrunerTest.randomWeights(5).tensors();
        Recipe recipe = Recipe.builder().lowRank(new LowRankSettings(0.5))
                .quantization(new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, 100)).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compressor.apply(tensors, recipe));
        assertTrue(e.getMessage().contains("not low-rank factorization, static quantization"), e.getMessage());
        assertTrue(e.getMessage().contains("ONNX route"), e.getMessage());
    }
}
