package org.paretowb.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.GraphProto;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.OperatorSetIdProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;
import org.paretowb.services.onnx.proto.Onnx.TensorShapeProto;
import org.paretowb.services.onnx.proto.Onnx.TypeProto;
import org.paretowb.services.onnx.proto.Onnx.ValueInfoProto;

/**
 * ONNX graphs the workbench cannot take, each with the one line that names the file, the node and what is wrong:
 * the command line prints it after "paretowb: ", the window shows it in a dialog.
 */
final class BadGraphs {
    /** A file written and the message that refuses it. */
    record Case(Path file, String message) {
    }

    private BadGraphs() {
    }

    /** The four of them, written into {@code dir}. */
    static List<Case> all(Path dir) throws IOException {
        return List.of(elu(dir), reshape(dir), conv1d(dir), constant(dir));
    }

    static Case elu(Path dir) throws IOException {
        GraphProto.Builder g = graph(4);
        g.addNode(conv("x", "c"));
        g.addNode(NodeProto.newBuilder().setOpType("Elu").setName("/act/Elu").addInput("c").addOutput("y"));
        Path file = write(dir, "elu.onnx", g);

        return new Case(file, file + ": operator Elu in node '/act/Elu' is not supported (the workbench imports"
                + " Conv (any kernel, stride, padding, dilation and groups), BatchNormalization, Relu, Clip, LeakyRelu,"
                + " Sigmoid, Tanh, HardSigmoid, HardSwish, Add and Mul of two tensors, Concat, MaxPool, AveragePool,"
                + " GlobalAveragePool, Flatten, Reshape (as a flatten), Gemm, MatMul, Add/Sub/Mul/Div by a constant,"
                + " Dropout, Identity, Softmax (last), Constant, Pad (of nothing), Shape, Gather, Unsqueeze). Export"
                + " with opset 13 (torch.onnx.export(..., opset_version=13)), or use the TorchScript route (paretowb"
                + " torchscript) for evaluation and the unstructured techniques.");
    }

    static Case reshape(Path dir) throws IOException {
        GraphProto.Builder g = graph(4);
        g.addNode(conv("x", "c"));
        g.addInitializer(TensorProto.newBuilder().setName("shape").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(3).addInt64Data(-1).addInt64Data(2).addInt64Data(16));
        g.addNode(NodeProto.newBuilder().setOpType("Reshape").setName("/view/Reshape").addInput("c")
                .addInput("shape").addOutput("y"));
        Path file = write(dir, "reshape.onnx", g);

        return new Case(file, file + ": operator Reshape in node '/view/Reshape' reshapes its input of [N, 2, 4,"
                + " 4] to [-1, 2, 16], which is not a flatten to (N, 32): only Reshape as a flatten is supported (use"
                + " torch.flatten(x, 1) or nn.Flatten in the model)");
    }

    static Case conv1d(Path dir) throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().setName("seq").addInput(input("x", 1, 16));
        g.addInitializer(floats("w", 4, 1, 3));
        g.addNode(NodeProto.newBuilder().setOpType("Conv").setName("/conv/Conv").addInput("x").addInput("w")
                .addOutput("y"));
        g.addOutput(ValueInfoProto.newBuilder().setName("y"));
        Path file = write(dir, "conv1d.onnx", g);

        return new Case(file, file + ": input 'x' is 3-D (N, C, L): a network on sequences (Conv1d) is not"
                + " supported; the workbench takes images (N, C, H, W) or features (N, F)");
    }

    static Case constant(Path dir) throws IOException {
        GraphProto.Builder g = graph(4);
        g.addNode(conv("x", "c"));
        g.getOutputBuilder(0).setName("constant");
        g.addNode(NodeProto.newBuilder().setOpType("Constant").setName("/Constant").addOutput("constant")
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(floats("v", 1, 10))));
        Path file = write(dir, "constant.onnx", g);

        return new Case(file, file + ": the graph's output 'constant' does not depend on its input 'x' (it is"
                + " computed from constants only)");
    }

    /** A graph with input x of (N, 1, size, size) and output y. */
    private static GraphProto.Builder graph(int size) {
        return GraphProto.newBuilder().setName("bad").addInput(input("x", 1, size, size))
                .addInitializer(floats("w", 2, 1, 3, 3)).addOutput(ValueInfoProto.newBuilder().setName("y"));
    }

    private static NodeProto conv(String in, String out) {
        return NodeProto.newBuilder().setOpType("Conv").setName("/conv/Conv").addInput(in).addInput("w").addOutput(out)
                .addAttribute(AttributeProto.newBuilder().setName("pads").setType(AttributeProto.AttributeType.INTS)
                        .addInts(1).addInts(1).addInts(1).addInts(1)).build();
    }

    private static ValueInfoProto input(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static TensorProto floats(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long count = 1;
        for (long d : dims) {
            t.addDims(d);
            count *= d;
        }
        for (int i = 0; i < count; i++) {
            t.addFloatData(0.1f * (i % 7 - 3));
        }
        return t.build();
    }

    private static Path write(Path dir, String name, GraphProto.Builder g) throws IOException {
        ModelProto model = ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(g).build();
        return Files.write(dir.resolve(name), model.toByteArray());
    }
}
