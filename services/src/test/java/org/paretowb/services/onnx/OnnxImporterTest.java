package org.paretowb.services.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.ChannelPruner;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** ONNX files read back into the workbench's own networks: the same logits, and every technique applies. */
class OnnxImporterTest {
    private static PyTorchRuntime runtime;
    private static float[] pixels;

    @BeforeAll
    static void start() throws Exception {
        runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        pixels = new FashionMnist().testSet().first(32).scaledPixels(0, 32);
    }

    private static float[] logits(WeightSet weights) {
        try (LoadedNetwork network = LoadedNetwork.load(weights, runtime)) {
            return network.logits(pixels, 32);
        }
    }

    private static float maxDifference(float[] a, float[] b) {
        float worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    @Test
    void theExamplesExportedAsOnnxReadBackToTheSameLogits() throws Exception {
        for (Architecture architecture : Architecture.values()) {
            WeightSet original = new ExampleWeights().load(architecture);
            WeightSet imported = new OnnxImporter().read(new OnnxExporter().export(original), architecture + ".onnx");
            float difference = maxDifference(logits(original), logits(imported));
            assertTrue(difference < 1e-4, architecture + ": max |logit difference| " + difference);
        }
    }

    @Test
    void averagePoolingRoundTripsThroughOnnx() throws Exception {
        org.paretowb.models.network.NetworkSpec spec = org.paretowb.models.network.NetworkSpec.parse(
                "1x28x28 conv8k5p2 relu avgpool2 conv16k3p1 relu avgpool2 flatten dense10");
        java.util.Random random = new java.util.Random(3);
        java.util.List<org.paretowb.models.network.Tensor> tensors = new java.util.ArrayList<>();
        int index = 0;
        for (long[] shape : spec.parameterShapes()) {
            float[] values = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian() * 0.1f;
            }
            tensors.add(new org.paretowb.models.network.Tensor("t" + index++, shape, values));
        }
        WeightSet weights = new WeightSet(spec, tensors);
        WeightSet imported = new OnnxImporter().read(new OnnxExporter().export(weights), "avg.onnx");
        assertEquals(spec.describe(), imported.spec().describe());
        assertTrue(maxDifference(logits(weights), logits(imported)) < 1e-4);
    }

    @Test
    void anImportedCnnCanBeStructurallyPrunedAndExportedAgain() throws Exception {
        WeightSet imported = new OnnxImporter().read(new OnnxExporter().export(new ExampleWeights()
                .load(Architecture.CNN)), "cnn.onnx");
        WeightSet pruned = new ChannelPruner().prune(imported, new StructuredPruningSettings(0.5,
                StructuredPruningSettings.Norm.L1));
        assertTrue(pruned.spec().macs() < imported.spec().macs() / 2, pruned.spec().describe());
        WeightSet again = new OnnxImporter().read(new OnnxExporter().export(pruned), "pruned.onnx");
        assertTrue(maxDifference(logits(pruned), logits(again)) < 1e-4);
    }

    @Test
    void badFilesAndUnsupportedOperatorsAreNamed() throws Exception {
        OnnxImporter importer = new OnnxImporter();
        WeightFileException text = assertThrows(WeightFileException.class,
                () -> importer.read("hello, not onnx".getBytes(), "notes.onnx"));
        assertTrue(text.getMessage().startsWith("notes.onnx is not an ONNX"), text.getMessage());

        byte[] onnx = new OnnxExporter().export(new ExampleWeights().load(Architecture.MLP));
        WeightFileException truncated = assertThrows(WeightFileException.class,
                () -> importer.read(Arrays.copyOf(onnx, onnx.length / 2), "half.onnx"));
        assertTrue(truncated.getMessage().startsWith("half.onnx is not an ONNX"), truncated.getMessage());

        ModelProto model = ModelProto.parseFrom(onnx);
        ModelProto.Builder withSigmoid = model.toBuilder();
        NodeProto relu = withSigmoid.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Relu"))
                .findFirst().orElseThrow();
        int at = withSigmoid.getGraph().getNodeList().indexOf(relu);
        withSigmoid.getGraphBuilder().setNode(at, relu.toBuilder().setOpType("Sigmoid").setName("act1"));
        WeightFileException sigmoid = assertThrows(WeightFileException.class,
                () -> importer.read(withSigmoid.build().toByteArray(), "sigmoid.onnx"));
        assertEquals("sigmoid.onnx: operator Sigmoid in node 'act1' is not supported yet (supported: Conv,"
                + " BatchNormalization, Relu, MaxPool, AveragePool, GlobalAveragePool, Flatten, Reshape, Gemm, MatMul, Add, Dropout, Identity, Pad (of"
                + " nothing), Softmax (last))", sigmoid.getMessage());
    }
}
