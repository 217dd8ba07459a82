package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityTechnique;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;

/**
 * The rows of each technique, with an accuracy that needs no engine: the share of the original network's absolute
 * weight mass a changed network keeps (so a harsher setting scores lower), and int8 from a stand-in calibration.
 */
class TechniqueSensitivityTest {
    private WeightSet mlp;
    private final List<Recipe> recipes = new ArrayList<>();
    private TechniqueSensitivity analysis;

    private static double mass(WeightSet w) {
        double sum = 0;
        for (Tensor t : w.tensors()) {
            for (float v : t.values()) {
                sum += Math.abs(v);
            }
        }
        return sum;
    }

    @BeforeEach
    void setUp() throws Exception {
        mlp = new ExampleWeights().load(Architecture.MLP);
        double whole = mass(mlp);
        Map<String, double[]> times = new LinkedHashMap<>();
        times.put("fc1", new double[] {10, 4});
        times.put("fc2", new double[] {3, 2});
        analysis = new TechniqueSensitivity((weights, recipe, cancel) -> {
            recipes.add(recipe);
            return Math.min(1, mass(weights) / whole) * 0.9;
        }, cancel -> new TechniqueSensitivity.Calibrated(mlp, times));
    }

    private List<LayerSensitivity> run(SensitivityTechnique t) {
        return analysis.analyse(t, mlp, done -> { }, CancelToken.NEVER);
    }

    @Test
    void pruningHasARowPerLayerWithFewerNonZerosAndLessAccuracyAtEachSparsity() {
        List<LayerSensitivity> rows = run(SensitivityTechnique.PRUNE);
        assertEquals(List.of("fc1", "fc2", "fc3"), rows.stream().map(LayerSensitivity::layer).toList());
        LayerSensitivity fc1 = rows.get(0);
        assertEquals(9, fc1.settings().length);
        assertEquals(784 * 256, fc1.weights());
        assertEquals(Math.round(784 * 256 * 0.1), fc1.cost()[8], 2, "90% pruned keeps a tenth");
        for (int i = 1; i < 9; i++) {
            assertTrue(fc1.accuracy()[i] < fc1.accuracy()[i - 1]);
        }
        assertEquals(0.9, fc1.baseline(), 1e-9);
        assertEquals(27, analysis.evaluations(SensitivityTechnique.PRUNE, mlp));
    }

    @Test
    void weightBitsCostTheLayersBytesAtEachWidth() {
        List<LayerSensitivity> rows = run(SensitivityTechnique.BITS);
        assertEquals(3, rows.size());
        LayerSensitivity fc2 = rows.get(1);
        assertArrayEquals(new double[] {8, 4, 2}, fc2.settings());
        assertArrayEquals(new double[] {256 * 128, 256 * 128 / 2.0, 256 * 128 / 4.0}, fc2.cost());
        assertEquals(256 * 128 * 4.0, fc2.baselineCost());
    }

    @Test
    void lowRankFactorizesTheHiddenLayersOnlyAndCutsTheirParameters() {
        List<LayerSensitivity> rows = run(SensitivityTechnique.RANK);
        assertEquals(List.of("fc1", "fc2"), rows.stream().map(LayerSensitivity::layer).toList());
        LayerSensitivity fc1 = rows.get(0);
        for (int i = 0; i < fc1.settings().length; i++) {
            assertTrue(fc1.cost()[i] <= fc1.settings()[i] * 784 * 256 + 256 + 784 + 256,
                    "at most the fraction of the weights, plus biases: " + fc1.cost()[i]);
        }
    }

    @Test
    void channelRemovalHasARowPerGroupAndCutsTheNetworksMacs() {
        List<LayerSensitivity> rows = run(SensitivityTechnique.CHANNELS);
        assertEquals(List.of("fc1", "fc2"), rows.stream().map(LayerSensitivity::layer).toList());
        LayerSensitivity fc1 = rows.get(0);
        assertEquals(mlp.spec().macs(), fc1.baselineCost());
        assertTrue(fc1.cost()[0] < fc1.baselineCost() && fc1.cost()[2] < fc1.cost()[0], "MACs fall");
    }

    @Test
    void int8PutsOneLayerAtATimeOnInt8KernelsWithItsKernelTimes() {
        recipes.clear();
        List<LayerSensitivity> rows = run(SensitivityTechnique.INT8);
        assertEquals(List.of("fc1", "fc2"), rows.stream().map(LayerSensitivity::layer).toList(), "fc3 has no profile");
        assertEquals(10, rows.get(0).baselineCost());
        assertArrayEquals(new double[] {4}, rows.get(0).cost());
        assertEquals(List.of("fc1"), recipes.get(1).quantization().int8Layers().names());
        assertEquals(List.of("fc2"), recipes.get(2).quantization().int8Layers().names());
    }

    @Test
    void int8WithoutRealKernelsIsRefused() {
        TechniqueSensitivity fp32Only = new TechniqueSensitivity((w, r, c) -> 0.5, null);
        assertThrows(IllegalStateException.class,
                () -> fp32Only.analyse(SensitivityTechnique.INT8, mlp, done -> { }, CancelToken.NEVER));
    }
}
