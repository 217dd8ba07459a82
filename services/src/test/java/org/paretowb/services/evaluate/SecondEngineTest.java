package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Engines;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;

/** A recipe measured on ONNX Runtime, then again on DJL's PyTorch through a second engine. */
class SecondEngineTest {
    private static PyTorchRuntime torch;
    private static PointMeasurer onOrt;

    @BeforeAll
    static void startEngines() throws Exception {
        torch = new PyTorchRuntime(); // DJL's PyTorch engine first, then ONNX Runtime's environment
        torch.prepareInferenceThread();
        LabeledImages test = new FashionMnist().testSet().first(300);
        onOrt = new PointMeasurer(new OrtMeasuringEngine(new OrtRuntime(), test), new ExampleWeights().load(Architecture.CNN),
                test, true, new RecipeApplier(), new Evaluator(100), new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
    }

    @Test
    void theSecondEngineMeasuresTheSameNetworkOnTheSameImagesAndNamesItself() {
        Recipe pruned = new Recipe(new PruningSettings(0.5));
        SecondEngine djl = new SecondEngine(() -> new PyTorchMeasuringEngine(torch));
        assertFalse(djl.ready());

        Measurement ort = onOrt.measure(pruned, 200, CancelToken.NEVER);
        Measurement pytorch = djl.measure(onOrt, pruned, 200, CancelToken.NEVER);

        assertTrue(djl.ready(), "made and warmed up once");
        assertEquals(Engines.ONNX_RUNTIME, Engines.title(ort.how()));
        assertEquals(Engines.DJL_PYTORCH, Engines.title(pytorch.how()));
        assertTrue(pytorch.how().engine().startsWith("PyTorch"), pytorch.how().engine());
        assertEquals(ort.samples(), pytorch.samples());
        assertEquals(ort.nonZeros(), pytorch.nonZeros());
        assertEquals(ort.sizeBytes(), pytorch.sizeBytes(), "the same weight file");
        assertEquals(ort.network(), pytorch.network());
        byte[] a = ort.predictions();
        byte[] b = pytorch.predictions();
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            differ += a[i] == b[i] ? 0 : 1;
        }
        assertTrue(differ <= 2, "fp32 on both engines: " + differ + " of 200 predictions differ");
    }

    @Test
    void afterTheInputsChangeTheSecondEngineMeasuresTheNewModelOnTheNewImages() throws Exception {
        SecondEngine djl = new SecondEngine(() -> new PyTorchMeasuringEngine(torch));
        djl.measure(onOrt, Recipe.BASELINE, 100, CancelToken.NEVER); // made and warmed up on the CNN

        LabeledImages other = new FashionMnist().testSet().first(120).renamed("the first 120 test images");
        PointMeasurer mlp = new PointMeasurer(new OrtMeasuringEngine(new OrtRuntime(), other),
                new ExampleWeights().load(Architecture.MLP), other, false, new RecipeApplier(), new Evaluator(100),
                new LatencyProbe(5, 30), new ThroughputProbe(64, 1, 2));
        Measurement measured = djl.measure(mlp, Recipe.BASELINE, 0, CancelToken.NEVER);

        assertEquals(Engines.DJL_PYTORCH, Engines.title(measured.how()));
        assertEquals(120, measured.samples(), "on the new images");
        assertEquals("the first 120 test images", measured.how().evaluationSet());
        assertEquals(Architecture.MLP.spec().describe(), measured.network(), "the new model");
    }

    @Test
    void aCancelledFirstMeasurementLeavesTheEngineToBeWarmedUpAgain() {
        SecondEngine djl = new SecondEngine(() -> new PyTorchMeasuringEngine(torch));
        CancelToken cancelled = new CancelToken();
        cancelled.cancel();

        assertThrows(CancelledException.class, () -> djl.measure(onOrt, Recipe.BASELINE, 100, cancelled));

        assertFalse(djl.ready());
        assertEquals(Engines.DJL_PYTORCH, Engines.title(djl.measure(onOrt, Recipe.BASELINE, 100, CancelToken.NEVER).how()));
    }
}
