package org.paretowb.services.onnx;

import org.paretowb.models.network.Activation;
import org.paretowb.models.network.Add;
import org.paretowb.models.network.AvgPool;
import org.paretowb.models.network.Concat;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Flatten;
import org.paretowb.models.network.GlobalAvgPool;
import org.paretowb.models.network.MaxPool;
import org.paretowb.models.network.Mul;
import org.paretowb.models.network.Relu;
import java.util.Arrays;
import java.util.List;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.Window;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;

/**
 * Turns one ONNX node into workbench nodes: the operators of torchvision's classification networks (see
 * {@link OnnxImporter}). A node the workbench cannot represent is refused with its operator, its node, the
 * attribute at fault and what the user can do.
 */
final class OpReader {
    static final String SUPPORTED = "Conv (any kernel, stride, padding, dilation and groups), BatchNormalization,"
            + " Relu, Clip, LeakyRelu, Sigmoid, Tanh, HardSigmoid, HardSwish, Add and Mul of two tensors, Concat,"
            + " MaxPool, AveragePool, GlobalAveragePool, Flatten, Reshape (as a flatten), Gemm, MatMul, Add/Sub/Mul/Div"
            + " by a constant, Dropout, Identity, Softmax (last), Constant, Pad (of nothing), Shape, Gather,"
            + " Unsqueeze";
    static final String ADVICE = " Export with opset 13 (torch.onnx.export(..., opset_version=13)), or use"
            + " the TorchScript route (paretowb torchscript) for evaluation and the unstructured techniques.";

    private final GraphReader g;
    private final OpInputs inputs;
    private final WeightedOps weighted;
    private final ValueOps values;

    OpReader(GraphReader graph) {
        this.g = graph;
        this.inputs = new OpInputs(graph);
        this.weighted = new WeightedOps(graph, inputs);
        this.values = new ValueOps(graph, inputs);
    }

    void read(NodeProto node) throws WeightFileException {
        switch (node.getOpType()) {
            case "Conv" -> weighted.conv(node);
            case "BatchNormalization" -> weighted.batchNorm(node);
            case "Relu" -> unary(node, new Relu());
            case "LeakyRelu" -> unary(node, Activation.leakyRelu(OnnxValues.real(node, "alpha", 0.01f)));
            case "Sigmoid" -> unary(node, Activation.sigmoid());
            case "Tanh" -> unary(node, Activation.tanh());
            case "HardSigmoid" -> unary(node, Activation.hardSigmoid(OnnxValues.real(node, "alpha", 0.2f),
                    OnnxValues.real(node, "beta", 0.5f)));
            case "HardSwish" -> unary(node, Activation.hardSwish());
            case "Clip" -> clip(node);
            case "MaxPool", "AveragePool" -> pool(node);
            case "GlobalAveragePool" -> unary(node, new GlobalAvgPool());
            case "Flatten" -> flatten(node);
            case "Reshape" -> reshape(node);
            case "Gemm" -> weighted.gemm(node);
            case "MatMul" -> weighted.matMul(node);
            case "Add", "Sub", "Mul", "Div" -> values.arithmetic(node);
            case "Concat" -> values.concat(node);
            case "Dropout", "Identity" -> pass(node);
            case "Softmax", "LogSoftmax" -> softmax(node);
            case "Constant" -> values.constant(node);
            case "Pad" -> values.pad(node);
            case "Shape" -> values.shapeOf(node);
            case "Gather" -> values.gather(node);
            case "Unsqueeze", "Squeeze", "Cast" -> values.passShape(node);
            case "Conv1d", "ConvTranspose" -> throw g.unsupported(node, "is not supported: the workbench's"
                    + " convolutions are 2-D (Conv)." + ADVICE);
            default -> throw g.unsupported(node, "is not supported (the workbench imports " + SUPPORTED + ")."
                    + ADVICE);
        }
    }



    private void unary(NodeProto node, Layer layer) throws WeightFileException {
        g.emit(node, layer, List.of(inputs.data(node, 0)), List.of());
    }

    private void clip(NodeProto node) throws WeightFileException {
        float min = -Float.MAX_VALUE;
        float max = Float.MAX_VALUE;
        if (OnnxValues.has(node, "min") || OnnxValues.has(node, "max")) {
            min = OnnxValues.real(node, "min", min);
            max = OnnxValues.real(node, "max", max);
        }
        if (node.getInputCount() > 1 && !node.getInput(1).isEmpty()) {
            min = OnnxValues.floats(inputs.constant(node, 1, "minimum"))[0];
        }
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            max = OnnxValues.floats(inputs.constant(node, 2, "maximum"))[0];
        }
        unary(node, min == 0 && max == Float.MAX_VALUE ? new Relu() : Activation.clip(min, max));
    }

    private void pool(NodeProto node) throws WeightFileException {
        inputs.requireNoAutoPad(node);
        long[] kernel = OnnxValues.ints(node, "kernel_shape", new long[0]);
        if (kernel.length != 2) {
            throw g.unsupported(node, "has attribute kernel_shape = " + OnnxValues.show(kernel) + ": only 2-D pooling"
                    + " is supported");
        }
        long[] strides = OnnxValues.ints(node, "strides", new long[] {1, 1});
        long[] pads = inputs.pads(node);
        long[] dilations = OnnxValues.ints(node, "dilations", new long[] {1, 1});
        if (dilations[0] != 1 || dilations[1] != 1) {
            throw g.unsupported(node, "has attribute dilations = " + OnnxValues.show(dilations) + ": dilated pooling is"
                    + " not supported");
        }
        if (node.getOutputCount() > 1 && !node.getOutput(1).isEmpty() && g.readers(node.getOutput(1)) > 0) {
            throw g.unsupported(node, "has its indices read: only the pooled values are supported");
        }
        Window window = new Window((int) kernel[0], (int) kernel[1], (int) strides[0], (int) strides[1], (int) pads[0],
                (int) pads[1], 1, 1);
        boolean ceil = OnnxValues.integer(node, "ceil_mode", 0) == 1;
        unary(node, node.getOpType().equals("MaxPool") ? new MaxPool(window, ceil)
                : new AvgPool(window, ceil, OnnxValues.integer(node, "count_include_pad", 0) == 1));
    }

    private void flatten(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
        long axis = OnnxValues.integer(node, "axis", 1);
        if (axis != 1) {
            throw g.unsupported(node, "has attribute axis = " + axis + ": only a flatten to (N, features), axis 1, is"
                    + " supported");
        }
        flattened(node, in);
    }

    /** A flatten of {@code in}, or {@code in} itself when it is already features. */
    private void flattened(NodeProto node, String in) throws WeightFileException {
        if (g.flat(in)) {
            g.alias(node.getOutput(0), in);
        } else {
            g.emit(node, new Flatten(), List.of(in), List.of());
        }
    }

    /** A Reshape is accepted where it flattens to (N, C*H*W) or changes nothing; anything else is named. */
    private void reshape(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
        String shapeName = node.getInput(1);
        long[] target;
        if (g.shapes.has(shapeName)) {
            target = g.shapes.get(shapeName);
        } else if (g.constants.containsKey(shapeName)) {
            target = OnnxValues.longs(g.constants.get(shapeName));
        } else {
            throw g.unsupported(node, "reshapes to a shape computed at run time: only a flatten to (N, features) is"
                    + " supported");
        }
        int[] shape = g.shape(in);
        long[] dims = ShapeValues.of(shape, g.flat(in));
        long features = (long) shape[0] * shape[1] * shape[2];
        long[] resolved = resolved(target, dims);
        if (resolved != null && resolved.length == 2 && resolved[0] == ShapeValues.BATCH && resolved[1] == features) {
            flattened(node, in);
        } else if (resolved != null && Arrays.equals(resolved, dims)) {
            g.alias(node.getOutput(0), in);
        } else {
            throw g.unsupported(node, "reshapes its input of " + ShapeValues.show(dims) + " to "
                    + ShapeValues.show(target) + ", which is not a flatten to (N, " + features + "): only Reshape as a"
                    + " flatten is supported (use torch.flatten(x, 1) or nn.Flatten in the model)");
        }
    }

    /** The target dimensions with 0 (copy) and one -1 (infer) resolved; the batch stays {@link ShapeValues#BATCH}. */
    private static long[] resolved(long[] target, long[] input) {
        long[] out = target.clone();
        long total = 1;
        for (int k = 1; k < input.length; k++) {
            total *= input[k];
        }
        int infer = -1;
        long known = 1;
        for (int k = 0; k < out.length; k++) {
            if (out[k] == 0 && k < input.length) {
                out[k] = input[k];
            }
            if (out[k] == -1) {
                if (infer >= 0) {
                    return null;
                }
                infer = k;
            } else if (out[k] != ShapeValues.BATCH) {
                known *= out[k];
            }
        }
        if (infer == 0 && out.length == 2) {
            out[0] = ShapeValues.BATCH;
        } else if (infer >= 0) {
            if (known == 0 || total % known != 0) {
                return null;
            }
            out[infer] = total / known;
        }
        return out;
    }

    /** Dropout and Identity: the output is the input (a constant stays a constant). */
    private void pass(NodeProto node) throws WeightFileException {
        String in = node.getInput(0);
        if (g.constants.containsKey(in) && g.ref(in) == null) {
            g.constants.put(node.getOutput(0), g.constants.get(in));
        } else if (g.shapes.has(in)) {
            g.shapes.put(node.getOutput(0), g.shapes.get(in));
        } else {
            g.alias(node.getOutput(0), inputs.data(node, 0));
        }
    }

    /** A Softmax only where nothing but the graph's output reads it: the most likely class is the same without it. */
    private void softmax(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
        long axis = OnnxValues.integer(node, "axis", -1);
        if (!g.flat(in) || axis != 1 && axis != -1) {
            throw g.unsupported(node, "is supported over the classes of the last layer only");
        }
        g.alias(node.getOutput(0), in);
        g.markSoftmax(node);
    }


}
