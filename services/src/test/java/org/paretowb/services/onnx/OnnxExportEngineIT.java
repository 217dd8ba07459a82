package org.paretowb.services.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ActivationQuantizer;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.compress.LowRankFactorizer;
import org.paretowb.services.compress.MagnitudePruner;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;

class OnnxExportEngineIT {
    private static final int IMAGES = 64;
    private static PyTorchRuntime pytorch;
    private static OrtRuntime ort;
    private static LabeledImages test;

    @BeforeAll
    static void startEngines() throws Exception {
        pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        ort = new OrtRuntime();
        test = new FashionMnist().testSet().first(1000);
    }

    private static float maxDifference(WeightSet weights, byte[] onnx) {
        float[] pixels = test.scaledPixels(0, IMAGES);
        float[] ours;
        try (LoadedNetwork network = LoadedNetwork.load(weights, pytorch)) {
            ours = network.logits(pixels, IMAGES);
        }
        float[] theirs;
        try (OnnxNetwork network = ort.load(onnx, weights.spec(), 1)) {
            theirs = network.logits(pixels, IMAGES);
        }
        assertEquals(ours.length, theirs.length);
        float worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
        }
        return worst;
    }

    @Test
    void exportedFp32NetworksReproduceOurLogits() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);
        WeightSet[] networks = {
            cnn,
            new ExampleWeights().load(Architecture.MLP),
            new ChannelPruner().prune(cnn, new StructuredPruningSettings(0.5, StructuredPruningSettings.Norm.L1)),
            new LowRankFactorizer().factorize(cnn, new LowRankSettings(0.5, LowRankSettings.Criterion.PARAMETERS,
                    LowRankSettings.Target.ALL)),
            new MagnitudePruner().prune(cnn, new org.paretowb.models.recipe.PruningSettings(0.7)),
        };
        for (WeightSet weights : networks) {
            float worst = maxDifference(weights, new OnnxExporter().export(weights));
            assertTrue(worst <= 1e-4, weights.spec().describe() + ": max |diff| " + worst);
        }
    }

    @Test
    void staticInt8EverywhereKeepsTheAccuracyOfTheSimulatedNetwork() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);
        WeightSet calibrated = new ActivationQuantizer(pytorch).quantize(cnn,
                new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, 500),
                new FashionMnist().embeddedTrainingSubset());
        Evaluator evaluator = new Evaluator(250);
        double fp32;
        try (LoadedNetwork network = LoadedNetwork.load(cnn, pytorch)) {
            fp32 = evaluator.accuracy(network, test, CancelToken.NEVER);
        }
        byte[] int8 = new OnnxExporter().export(calibrated, Set.of("conv1", "conv2", "fc1", "fc2"));
        double real;
        try (OnnxNetwork network = ort.load(int8, calibrated.spec(), 1)) {
            real = evaluator.accuracy(network, test, CancelToken.NEVER);
        }
        assertTrue(Math.abs(real - fp32) <= 0.01, "int8 " + real + " vs fp32 " + fp32);
    }

    @Test
    void exportedActivationNetworksReproduceOurLogitsOnOnnxRuntime() throws Exception {
        for (String name : TorchActivationNetworks.NAMES) {
            WeightSet imported = TorchActivationNetworks.imported(name);
            WeightSet pruned = new ChannelPruner().prune(imported,
                    new StructuredPruningSettings(0.5, StructuredPruningSettings.Norm.L1));
            for (WeightSet weights : new WeightSet[] {imported, pruned}) {
                float worst = maxDifference(weights, new OnnxExporter().export(weights));
                assertTrue(worst <= 1e-4, weights.spec().describe() + ": max |diff| " + worst);
            }
        }
    }

    /**
     * The int8 convolutions' outputs are quantized before the leaky ReLU and the tanh with the range calibrated
     * there (not the range after the activation, which would clip them), and the activations run in fp32.
     */
    @Test
    void staticInt8AroundLeakyReluTanhAndSigmoidKeepsTheAccuracyOfTheSimulatedNetwork() throws Exception {
        WeightSet cnn = TorchActivationNetworks.imported("activations-cnn");
        WeightSet calibrated = new ActivationQuantizer(pytorch).quantize(cnn,
                new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, 500),
                new FashionMnist().embeddedTrainingSubset());
        Evaluator evaluator = new Evaluator(250);
        double simulated;
        try (LoadedNetwork network = LoadedNetwork.load(calibrated, pytorch)) {
            simulated = evaluator.accuracy(network, test, CancelToken.NEVER);
        }
        byte[] int8 = new OnnxExporter().export(calibrated, Set.of("conv1", "conv2", "fc1", "fc2"));
        double real;
        try (OnnxNetwork network = ort.load(int8, calibrated.spec(), 1)) {
            real = evaluator.accuracy(network, test, CancelToken.NEVER);
        }
        assertTrue(Math.abs(real - simulated) <= 0.01, "int8 " + real + " vs simulated " + simulated);
    }

    @Test
    void int8NeedsACalibratedRangeAndAKnownLayer() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);
        OnnxExporter exporter = new OnnxExporter();

        IllegalArgumentException uncalibrated = assertThrows(IllegalArgumentException.class,
                () -> exporter.export(cnn, Set.of("conv2")));
        assertTrue(uncalibrated.getMessage().contains("no calibrated input range"), uncalibrated.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> exporter.export(cnn, Set.of("conv7")));
        assertEquals("no layer 'conv7' in this network; its layers are conv1, conv2, fc1, fc2", unknown.getMessage());
    }
}
