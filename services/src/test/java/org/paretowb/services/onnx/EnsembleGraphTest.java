package org.paretowb.services.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.runtime.OnnxNetwork;
import org.paretowb.services.runtime.OrtRuntime;

/** The joint graph computes the weighted mean of its members' outputs, on ONNX Runtime. */
class EnsembleGraphTest {
    private static final int IMAGES = 16;
    private static OrtRuntime ort;
    private static float[] pixels;
    private static WeightSet cnn;
    private static WeightSet pruned;

    @BeforeAll
    static void start() throws Exception {
        ort = new OrtRuntime();
        LabeledImages test = new FashionMnist().testSet().first(IMAGES);
        pixels = test.scaledPixels(0, IMAGES);
        cnn = new ExampleWeights().load(Architecture.CNN);
        pruned = new ChannelPruner().prune(cnn, new StructuredPruningSettings(0.5, StructuredPruningSettings.Norm.L1));
    }

    private static float[] logits(byte[] onnx, boolean parallel) {
        try (OnnxNetwork network = parallel ? ort.loadParallel(onnx, cnn.spec(), 1, 2) : ort.load(onnx, cnn.spec(), 1)) {
            return network.logits(pixels, IMAGES);
        }
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4f * Math.max(1, Math.abs(expected[i])), "value " + i);
        }
    }

    @Test
    void anEnsembleOfAModelWithItselfGivesTheModelsLogits() {
        byte[] single = new OnnxExporter().export(cnn);
        byte[] joint = EnsembleGraph.join(List.of(single, single), EnsembleGraph.Combine.LOGITS,
                EnsembleGraph.equalWeights(2), "test");
        float[] expected = logits(single, false);
        assertClose(expected, logits(joint, false));
        assertClose(expected, logits(joint, true));
    }

    @Test
    void weightsMixTheMembersLogits() {
        byte[] a = new OnnxExporter().export(cnn);
        byte[] b = new OnnxExporter().export(pruned);
        float[] la = logits(a, false);
        float[] lb = logits(b, false);
        double[] weights = EnsembleGraph.normalised(new double[] {3, 1}, 2);
        assertArrayEquals(new double[] {0.75, 0.25}, weights, 1e-12);
        float[] joint = logits(EnsembleGraph.join(List.of(a, b), EnsembleGraph.Combine.LOGITS, weights, "test"), false);
        float[] expected = new float[la.length];
        for (int i = 0; i < la.length; i++) {
            expected[i] = 0.75f * la[i] + 0.25f * lb[i];
        }
        assertClose(expected, joint);
        float[] onlyA = logits(EnsembleGraph.join(List.of(a, b), EnsembleGraph.Combine.LOGITS,
                EnsembleGraph.normalised(new double[] {1, 0}, 2), "test"), false);
        assertClose(la, onlyA);
    }

    @Test
    void probabilitiesAreTheMeanOfTheMembersSoftmax() {
        byte[] a = new OnnxExporter().export(cnn);
        byte[] b = new OnnxExporter().export(pruned);
        float[] pa = softmax(logits(a, false));
        float[] pb = softmax(logits(b, false));
        float[] joint = logits(EnsembleGraph.join(List.of(a, b), EnsembleGraph.Combine.PROBS,
                EnsembleGraph.equalWeights(2), "test"), false);
        float[] expected = new float[pa.length];
        for (int i = 0; i < pa.length; i++) {
            expected[i] = (pa[i] + pb[i]) / 2;
        }
        assertClose(expected, joint);
    }

    @Test
    void membersWithDifferentInputsAreRefused() throws Exception {
        byte[] cnnFile = new OnnxExporter().export(cnn);
        var model = org.paretowb.services.onnx.proto.Onnx.ModelProto.parseFrom(cnnFile).toBuilder();
        var shape = model.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
        shape.getDimBuilder(2).setDimValue(32);
        shape.getDimBuilder(3).setDimValue(32);
        byte[] mlpOtherInput = model.build().toByteArray();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnsembleGraph.join(
                List.of(cnnFile, mlpOtherInput), EnsembleGraph.Combine.LOGITS, EnsembleGraph.equalWeights(2), "test"));
        assertTrue(e.getMessage().contains("differ in their input"), e.getMessage());
        assertTrue(e.getMessage().contains("Nx1x28x28") && e.getMessage().contains("Nx1x32x32"), e.getMessage());
    }

    @Test
    void badWeightsAndTooFewMembersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EnsembleGraph.normalised(new double[] {1}, 2));
        assertThrows(IllegalArgumentException.class, () -> EnsembleGraph.normalised(new double[] {1, -1}, 2));
        assertThrows(IllegalArgumentException.class, () -> EnsembleGraph.normalised(new double[] {0, 0}, 2));
        byte[] single = new OnnxExporter().export(cnn);
        assertThrows(IllegalArgumentException.class, () -> EnsembleGraph.join(List.of(single),
                EnsembleGraph.Combine.LOGITS, new double[] {1}, "test"));
        assertEquals("mean of probabilities, weights 0.75, 0.25",
                EnsembleGraph.rule(EnsembleGraph.Combine.PROBS, new double[] {0.75, 0.25}));
    }

    private static float[] softmax(float[] logits) {
        int classes = logits.length / IMAGES;
        float[] out = new float[logits.length];
        for (int n = 0; n < IMAGES; n++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits[n * classes + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[n * classes + k] - max);
            }
            for (int k = 0; k < classes; k++) {
                out[n * classes + k] = (float) (Math.exp(logits[n * classes + k] - max) / sum);
            }
        }
        return out;
    }
}
