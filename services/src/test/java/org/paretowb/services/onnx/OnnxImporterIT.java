package org.paretowb.services.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
class OnnxImporterIT {
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
        withSigmoid.getGraphBuilder().setNode(at, relu.toBuilder().setOpType("Elu").setName("act1"));
        WeightFileException elu = assertThrows(WeightFileException.class,
                () -> importer.read(withSigmoid.build().toByteArray(), "elu.onnx"));
        assertTrue(elu.getMessage().startsWith("elu.onnx: operator Elu in node 'act1' is not supported (the workbench"
                + " imports Conv (any kernel, stride, padding, dilation and groups), BatchNormalization, Relu, Clip,"), elu.getMessage());
        assertTrue(elu.getMessage().endsWith("Export with opset 13 (torch.onnx.export(..., opset_version=13)), or use"
                + " the TorchScript route (paretowb torchscript) for evaluation and the unstructured techniques."),
                "it says what the user can do: " + elu.getMessage());
    }

    @Test
    void pytorchNetworksWithLeakyReluSigmoidTanhAndConstantFactorsGivePyTorchsOwnLogits() throws Exception {
        for (String name : TorchActivationNetworks.NAMES) {
            WeightSet imported = TorchActivationNetworks.imported(name);
            float[] expected = TorchActivationNetworks.pytorchLogits(name);
            float[] ours = Arrays.copyOf(logits(imported), expected.length);
            float difference = maxDifference(expected, ours);
            assertTrue(difference < 1e-4, name + ": max |logit difference| to PyTorch " + difference);
        }
        assertEquals("1x28x28 avgpool4 flatten dense24 leakyrelu0.2 dense16 sigmoid dense12 tanh dense10",
                TorchActivationNetworks.imported("activations-mlp").spec().describe(), "the Mul by 0.5 is in dense16");
        assertEquals("1x28x28 conv4k3p1 bn leakyrelu0.1 maxpool2 conv8k3p1 tanh avgpool2 flatten dense16 sigmoid"
                + " dense10", TorchActivationNetworks.imported("activations-cnn").spec().describe(),
                "x * 2 is in conv1's weights, the per-channel factors in bn's and in dense16's inputs");
    }

    @Test
    void structurallyPrunedActivationNetworksExportToOnnxAndReadBackToTheSameLogits() throws Exception {
        for (String name : TorchActivationNetworks.NAMES) {
            WeightSet imported = TorchActivationNetworks.imported(name);
            WeightSet pruned = new ChannelPruner().prune(imported, new StructuredPruningSettings(0.5,
                    StructuredPruningSettings.Norm.L1));
            assertTrue(pruned.parameters() < imported.parameters(), pruned.spec().describe());
            WeightSet again = new OnnxImporter().read(new OnnxExporter().export(pruned), name + "-pruned.onnx");
            assertEquals(pruned.spec().describe().replace(" bn", ""), again.spec().describe(),
                    "the same network, its batch norm folded into the convolution by the exporter");
            float difference = maxDifference(logits(pruned), logits(again));
            assertTrue(difference < 1e-4, name + ": max |logit difference| " + difference);
        }
    }

    @Test
    void aMultiplicationThatCannotBeFoldedStaysAScalingNodeAndASquareIsAJoin() throws Exception {
        WeightSet weights = randomWeights("1x1x4 flatten dense4 sigmoid tanh dense2");
        ModelProto.Builder model = ModelProto.parseFrom(new OnnxExporter().export(weights)).toBuilder();
        var graph = model.getGraphBuilder();
        int tanh = graph.getNodeList().indexOf(graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("Tanh")).findFirst().orElseThrow());
        String sigmoidOutput = graph.getNode(tanh).getInput(0);
        graph.addInitializer(org.paretowb.services.onnx.proto.Onnx.TensorProto.newBuilder().setName("half")
                .setDataType(org.paretowb.services.onnx.proto.Onnx.TensorProto.DataType.FLOAT_VALUE).addFloatData(0.5f));
        graph.setNode(tanh, graph.getNode(tanh).toBuilder().setInput(0, "scaled"));
        graph.addNode(tanh, NodeProto.newBuilder().setOpType("Mul").setName("halve").addInput(sigmoidOutput)
                .addInput("half").addOutput("scaled"));

        WeightSet halved = new OnnxImporter().read(model.build().toByteArray(), "mul.onnx");
        assertEquals("1x1x4 flatten dense4 sigmoid affine tanh dense2", halved.spec().describe(),
                "between a sigmoid and a tanh the scaling cannot fold: it is a node of its own");
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, halved.tensors().get(2).values());

        graph.setNode(tanh, graph.getNode(tanh).toBuilder().setInput(1, sigmoidOutput)); // x * x: a join
        WeightSet squared = new OnnxImporter().read(model.build().toByteArray(), "square.onnx");
        assertEquals("1x1x4 flatten dense4 sigmoid mul@sigmoid1+sigmoid1 tanh dense2", squared.spec().describe());
    }

    @Test
    void aFilesInitializersAreListedEvenWhenAnOperatorIsRefused() throws Exception {
        byte[] onnx = TorchActivationNetworks.onnx("activations-cnn");
        ModelProto.Builder model = ModelProto.parseFrom(onnx).toBuilder();
        var graph = model.getGraphBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (graph.getNode(i).getOpType().equals("Tanh")) {
                graph.setNode(i, graph.getNode(i).toBuilder().setOpType("Softsign"));
            }
        }
        byte[] refused = model.build().toByteArray();
        OnnxImporter importer = new OnnxImporter();
        WeightFileException e = assertThrows(WeightFileException.class, () -> importer.read(refused, "softsign.onnx"));
        assertTrue(e.getMessage().startsWith("softsign.onnx: operator Softsign in node '/7/Tanh' is not supported"),
                e.getMessage());

        java.util.List<OnnxImporter.Initializer> initializers = importer.initializers(refused, "softsign.onnx");
        assertEquals(14, initializers.size(), initializers.toString());
        OnnxImporter.Initializer conv2 = initializers.stream().filter(t -> t.name().equals("6.weight")).findFirst()
                .orElseThrow();
        assertEquals(java.util.List.of(8L, 4L, 3L, 3L), conv2.shape());
        assertEquals(8 * 4 * 3 * 3, conv2.count());
        assertEquals("FLOAT", conv2.type());
        assertThrows(WeightFileException.class, () -> importer.initializers("hello, not onnx".getBytes(), "x.onnx"));
    }

    private static WeightSet randomWeights(String description) {
        org.paretowb.models.network.NetworkSpec spec = org.paretowb.models.network.NetworkSpec.parse(description);
        java.util.Random random = new java.util.Random(5);
        java.util.List<org.paretowb.models.network.Tensor> tensors = new java.util.ArrayList<>();
        for (long[] shape : spec.parameterShapes()) {
            float[] values = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            tensors.add(new org.paretowb.models.network.Tensor("t" + tensors.size(), shape, values));
        }
        return new WeightSet(spec, tensors);
    }
}
