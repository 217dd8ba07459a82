package org.paretowb.services.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.Window;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;

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
    private static final String ADVICE = " Export with opset 13 (torch.onnx.export(..., opset_version=13)), or use"
            + " the TorchScript route (paretowb torchscript) for evaluation and the unstructured techniques.";

    private final GraphReader g;

    OpReader(GraphReader graph) {
        this.g = graph;
    }

    void read(NodeProto node) throws WeightFileException {
        switch (node.getOpType()) {
            case "Conv" -> conv(node);
            case "BatchNormalization" -> batchNorm(node);
            case "Relu" -> unary(node, new Layer.Relu());
            case "LeakyRelu" -> unary(node, Layer.Activation.leakyRelu(OnnxValues.real(node, "alpha", 0.01f)));
            case "Sigmoid" -> unary(node, Layer.Activation.sigmoid());
            case "Tanh" -> unary(node, Layer.Activation.tanh());
            case "HardSigmoid" -> unary(node, Layer.Activation.hardSigmoid(OnnxValues.real(node, "alpha", 0.2f),
                    OnnxValues.real(node, "beta", 0.5f)));
            case "HardSwish" -> unary(node, Layer.Activation.hardSwish());
            case "Clip" -> clip(node);
            case "MaxPool", "AveragePool" -> pool(node);
            case "GlobalAveragePool" -> unary(node, new Layer.GlobalAvgPool());
            case "Flatten" -> flatten(node);
            case "Reshape" -> reshape(node);
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "Add", "Sub", "Mul", "Div" -> arithmetic(node);
            case "Concat" -> concat(node);
            case "Dropout", "Identity" -> pass(node);
            case "Softmax", "LogSoftmax" -> softmax(node);
            case "Constant" -> constant(node);
            case "Pad" -> pad(node);
            case "Shape" -> shapeOf(node);
            case "Gather" -> gather(node);
            case "Unsqueeze", "Squeeze", "Cast" -> passShape(node);
            case "Conv1d", "ConvTranspose" -> throw g.unsupported(node, "is not supported: the workbench's"
                    + " convolutions are 2-D (Conv)." + ADVICE);
            default -> throw g.unsupported(node, "is not supported (the workbench imports " + SUPPORTED + ")."
                    + ADVICE);
        }
    }

    private String data(NodeProto node, int index) throws WeightFileException {
        String value = node.getInput(index);
        String ref = g.ref(value);
        if (ref == null) {
            throw g.unsupported(node, "reads '" + value + "', which is "
                    + (g.constants.containsKey(value) ? "a constant" : "not computed from the input")
                    + "; the workbench needs a tensor computed from the network's input there");
        }
        return ref;
    }

    private void unary(NodeProto node, Layer layer) throws WeightFileException {
        g.emit(node, layer, List.of(data(node, 0)), List.of());
    }

    private void conv(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
        TensorProto w = constant(node, 1, "weights");
        long[] dims = OnnxValues.dims(w);
        if (dims.length != 4) {
            throw g.unsupported(node, "has " + (dims.length - 2) + "-D kernels " + OnnxValues.show(dims) + ": only 2-D"
                    + " convolutions (weights of 4 dimensions) are supported; a Conv1d network is not." + ADVICE);
        }
        requireNoAutoPad(node);
        long[] kernel = OnnxValues.ints(node, "kernel_shape", new long[] {dims[2], dims[3]});
        long[] strides = OnnxValues.ints(node, "strides", new long[] {1, 1});
        long[] pads = pads(node);
        long[] dilations = OnnxValues.ints(node, "dilations", new long[] {1, 1});
        int groups = (int) OnnxValues.integer(node, "group", 1);
        int filters = (int) dims[0];
        Window window = new Window((int) kernel[0], (int) kernel[1], (int) strides[0], (int) strides[1],
                (int) pads[0], (int) pads[1], (int) dilations[0], (int) dilations[1]);
        Layer.Conv conv;
        try {
            conv = new Layer.Conv(filters, window, groups);
        } catch (IllegalArgumentException e) {
            throw g.unsupported(node, "has attribute group = " + groups + " that does not fit: " + e.getMessage());
        }
        int[] shape = g.shape(in);
        long[] expected = {filters, shape[0] / Math.max(1, groups), kernel[0], kernel[1]};
        if (shape[0] % groups != 0 || !Arrays.equals(dims, expected)) {
            throw g.unsupported(node, "has weights " + OnnxValues.show(dims) + " where its input of " + shape[0]
                    + " channels in " + groups + " group" + (groups == 1 ? "" : "s") + " needs "
                    + OnnxValues.show(expected));
        }
        float[] bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty()
                ? OnnxValues.floats(constant(node, 2, "bias")) : new float[filters];
        String name = g.emit(node, conv, List.of(in), List.of());
        g.replaceParams(name, List.of(new Tensor(name + ".weight", dims, OnnxValues.floats(w)),
                new Tensor(name + ".bias", new long[] {filters}, bias)));
    }

    private void requireNoAutoPad(NodeProto node) throws WeightFileException {
        String autoPad = OnnxValues.text(node, "auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID") && !autoPad.isEmpty()) {
            throw g.unsupported(node, "has attribute auto_pad = " + autoPad + ", which is not supported: export with"
                    + " explicit pads (PyTorch does).");
        }
    }

    /** Pads as (top, left), which must equal (bottom, right). */
    private long[] pads(NodeProto node) throws WeightFileException {
        long[] pads = OnnxValues.ints(node, "pads", new long[] {0, 0, 0, 0});
        if (pads.length != 4 || pads[0] != pads[2] || pads[1] != pads[3]) {
            throw g.unsupported(node, "has attribute pads = " + OnnxValues.show(pads) + ": only equal padding on both"
                    + " sides of each axis is supported (as PyTorch's padding= writes it)");
        }
        return new long[] {pads[0], pads[1]};
    }

    private void batchNorm(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
        float epsilon = OnnxValues.real(node, "epsilon", 1e-5f);
        float[][] values = new float[4][];
        for (int k = 0; k < 4; k++) {
            values[k] = OnnxValues.floats(constant(node, k + 1, "scale, bias, mean and variance"));
        }
        for (int c = 0; c < values[3].length; c++) {
            values[3][c] += epsilon - OnnxExporter.BATCH_NORM_EPSILON; // the workbench's norm adds 1e-5
        }
        String name = g.emit(node, new Layer.Norm(), List.of(in), List.of());
        long[] dims = {values[0].length};
        if (dims[0] != g.shape(in)[0]) {
            throw g.unsupported(node, "has " + dims[0] + " channels where its input has " + g.shape(in)[0]);
        }
        String[] kinds = {"gamma", "beta", "runningMean", "runningVar"};
        List<Tensor> tensors = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            tensors.add(new Tensor(name + "." + kinds[k], dims, values[k]));
        }
        g.replaceParams(name, tensors);
    }

    private void clip(NodeProto node) throws WeightFileException {
        float min = -Float.MAX_VALUE;
        float max = Float.MAX_VALUE;
        if (OnnxValues.has(node, "min") || OnnxValues.has(node, "max")) {
            min = OnnxValues.real(node, "min", min);
            max = OnnxValues.real(node, "max", max);
        }
        if (node.getInputCount() > 1 && !node.getInput(1).isEmpty()) {
            min = OnnxValues.floats(constant(node, 1, "minimum"))[0];
        }
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            max = OnnxValues.floats(constant(node, 2, "maximum"))[0];
        }
        unary(node, min == 0 && max == Float.MAX_VALUE ? new Layer.Relu() : Layer.Activation.clip(min, max));
    }

    private void pool(NodeProto node) throws WeightFileException {
        requireNoAutoPad(node);
        long[] kernel = OnnxValues.ints(node, "kernel_shape", new long[0]);
        if (kernel.length != 2) {
            throw g.unsupported(node, "has attribute kernel_shape = " + OnnxValues.show(kernel) + ": only 2-D pooling"
                    + " is supported");
        }
        long[] strides = OnnxValues.ints(node, "strides", new long[] {1, 1});
        long[] pads = pads(node);
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
        unary(node, node.getOpType().equals("MaxPool") ? new Layer.MaxPool(window, ceil)
                : new Layer.AvgPool(window, ceil, OnnxValues.integer(node, "count_include_pad", 0) == 1));
    }

    private void flatten(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
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
            g.emit(node, new Layer.Flatten(), List.of(in), List.of());
        }
    }

    /** A Reshape is accepted where it flattens to (N, C*H*W) or changes nothing; anything else is named. */
    private void reshape(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
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

    private void gemm(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
        TensorProto w = constant(node, 1, "weights");
        long transA = OnnxValues.integer(node, "transA", 0);
        if (transA != 0) {
            throw g.unsupported(node, "has attribute transA = 1: only transA = 0 is supported");
        }
        long transB = OnnxValues.integer(node, "transB", 0);
        float alpha = OnnxValues.real(node, "alpha", 1f);
        float beta = OnnxValues.real(node, "beta", 1f);
        long[] dims = OnnxValues.dims(w);
        float[] weight = transB == 1 ? OnnxValues.floats(w)
                : OnnxValues.transpose(OnnxValues.floats(w), (int) dims[0], (int) dims[1]);
        int units = (int) (transB == 1 ? dims[0] : dims[1]);
        float[] bias = new float[units];
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            float[] c = OnnxValues.floats(constant(node, 2, "bias"));
            for (int u = 0; u < units; u++) {
                bias[u] = beta * (c.length == 1 ? c[0] : c[u]);
            }
        }
        for (int k = 0; k < weight.length; k++) {
            weight[k] *= alpha;
        }
        dense(node, in, units, weight, bias);
    }

    private void matMul(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
        if (!g.constants.containsKey(node.getInput(1))) {
            throw g.unsupported(node, "multiplies two computed tensors: only MatMul by constant weights (a dense"
                    + " layer) is supported");
        }
        TensorProto w = g.constants.get(node.getInput(1));
        long[] dims = OnnxValues.dims(w);
        if (dims.length != 2) {
            throw g.unsupported(node, "has weights " + OnnxValues.show(dims) + ": only a 2-D weight matrix is supported");
        }
        dense(node, in, (int) dims[1], OnnxValues.transpose(OnnxValues.floats(w), (int) dims[0], (int) dims[1]),
                new float[(int) dims[1]]);
    }

    private void dense(NodeProto node, String in, int units, float[] weight, float[] bias) throws WeightFileException {
        if (!g.flat(in)) {
            int[] s = g.shape(in);
            if (!in.equals(NetworkSpec.INPUT) || s[1] != 1 || s[2] != 1) {
                throw g.unsupported(node, "reads maps of " + s[0] + "x" + s[1] + "x" + s[2] + ": a dense layer needs"
                        + " features (flatten first)");
            }
            NodeProto flatten = NodeProto.newBuilder().setOpType("Flatten").setName("flatten")
                    .addOutput(node.getName() + "#flat").build();
            in = g.emit(flatten, new Layer.Flatten(), List.of(in), List.of());
        }
        int features = g.shape(in)[0];
        if (weight.length != (long) units * features || bias.length != units) {
            throw g.unsupported(node, "has " + weight.length + " weights where its input of " + features
                    + " features needs " + units + " x " + features);
        }
        String name = g.emit(node, new Layer.Dense(units), List.of(in), List.of());
        g.replaceParams(name, List.of(new Tensor(name + ".weight", new long[] {units, features}, weight),
                new Tensor(name + ".bias", new long[] {units}, bias)));
    }

    private void arithmetic(NodeProto node) throws WeightFileException {
        String op = node.getOpType();
        boolean firstConstant = isConstant(node.getInput(0));
        boolean secondConstant = isConstant(node.getInput(1));
        if (firstConstant && secondConstant) {
            throw g.unsupported(node, "computes from constants only; the network's output must depend on its input");
        }
        if (!firstConstant && !secondConstant) {
            if (op.equals("Sub") || op.equals("Div")) {
                throw g.unsupported(node, "of two computed tensors is not supported (only Add and Mul join tensors)");
            }
            g.emit(node, op.equals("Add") ? new Layer.Add() : new Layer.Mul(),
                    List.of(data(node, 0), data(node, 1)), List.of());
            return;
        }
        int at = firstConstant ? 1 : 0;
        String in = data(node, at);
        float[] c = perChannel(node, g.constants.get(node.getInput(1 - at)), in);
        int n = c.length;
        float[] scale = new float[n];
        float[] shift = new float[n];
        for (int k = 0; k < n; k++) {
            switch (op) {
                case "Add" -> { scale[k] = 1; shift[k] = c[k]; }
                case "Sub" -> { scale[k] = firstConstant ? -1 : 1; shift[k] = firstConstant ? c[k] : -c[k]; }
                case "Mul" -> scale[k] = c[k];
                default -> {
                    if (firstConstant) {
                        throw g.unsupported(node, "divides a constant by a computed tensor, which is not supported");
                    }
                    scale[k] = 1 / c[k];
                }
            }
        }
        String name = g.emit(node, new Layer.Affine(), List.of(in), List.of());
        g.replaceParams(name, List.of(new Tensor(name + ".scale", new long[] {n}, scale),
                new Tensor(name + ".shift", new long[] {n}, shift)));
    }

    private boolean isConstant(String value) {
        return g.constants.containsKey(value) && g.ref(value) == null;
    }

    /**
     * A constant that scales or shifts each channel (or feature) alike: one value, or one per channel shaped
     * (C), (C, 1, 1), (1, C, 1, 1) or (1, C) as broadcasting over what flows needs; expanded to one per channel.
     */
    private float[] perChannel(NodeProto node, TensorProto t, String in) throws WeightFileException {
        float[] values = OnnxValues.floats(t);
        long[] dims = OnnxValues.dims(t);
        int channels = g.shape(in)[0];
        boolean ok = values.length == 1 || values.length == channels && (g.flat(in)
                ? Arrays.equals(dims, new long[] {channels}) || Arrays.equals(dims, new long[] {1, channels})
                : Arrays.equals(dims, new long[] {channels, 1, 1}) || Arrays.equals(dims, new long[] {1, channels, 1, 1}));
        if (!ok) {
            throw g.unsupported(node, "uses a constant of shape " + OnnxValues.show(dims) + " on values of "
                    + ShapeValues.show(ShapeValues.of(g.shape(in), g.flat(in))) + ": only one value, or one per channel,"
                    + " is supported");
        }
        float[] out = new float[channels];
        for (int k = 0; k < channels; k++) {
            out[k] = values.length == 1 ? values[0] : values[k];
        }
        return out;
    }

    private void concat(NodeProto node) throws WeightFileException {
        if (node.getInputList().stream().allMatch(in -> g.shapes.has(in) || isConstant(in))) {
            List<long[]> parts = new ArrayList<>();
            for (String in : node.getInputList()) {
                parts.add(g.shapes.has(in) ? g.shapes.get(in) : OnnxValues.longs(g.constants.get(in)));
            }
            g.shapes.put(node.getOutput(0), ShapeValues.concat(parts.toArray(long[][]::new)));
            return;
        }
        long axis = OnnxValues.integer(node, "axis", 1);
        if (axis != 1) {
            throw g.unsupported(node, "has attribute axis = " + axis + ": only a concatenation of channels, axis 1, is"
                    + " supported");
        }
        List<String> ins = new ArrayList<>();
        for (int k = 0; k < node.getInputCount(); k++) {
            ins.add(data(node, k));
        }
        if (ins.size() == 1) {
            g.alias(node.getOutput(0), ins.get(0));
        } else {
            g.emit(node, new Layer.Concat(), ins, List.of());
        }
    }

    /** Dropout and Identity: the output is the input (a constant stays a constant). */
    private void pass(NodeProto node) throws WeightFileException {
        String in = node.getInput(0);
        if (g.constants.containsKey(in) && g.ref(in) == null) {
            g.constants.put(node.getOutput(0), g.constants.get(in));
        } else if (g.shapes.has(in)) {
            g.shapes.put(node.getOutput(0), g.shapes.get(in));
        } else {
            g.alias(node.getOutput(0), data(node, 0));
        }
    }

    /** A Softmax only where nothing but the graph's output reads it: the most likely class is the same without it. */
    private void softmax(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
        long axis = OnnxValues.integer(node, "axis", -1);
        if (!g.flat(in) || axis != 1 && axis != -1) {
            throw g.unsupported(node, "is supported over the classes of the last layer only");
        }
        g.alias(node.getOutput(0), in);
        g.markSoftmax(node);
    }

    /** A Constant node's tensor, from its {@code value} (or {@code value_float(s)}, {@code value_int(s)}) attribute. */
    private void constant(NodeProto node) {
        for (AttributeProto a : node.getAttributeList()) {
            TensorProto.Builder floats = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE);
            TensorProto.Builder longs = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE);
            switch (a.getName()) {
                case "value" -> g.constants.put(node.getOutput(0), a.getT());
                case "value_float" -> g.constants.put(node.getOutput(0), floats.addFloatData(a.getF()).build());
                case "value_floats" -> g.constants.put(node.getOutput(0), floats.addDims(a.getFloatsCount())
                        .addAllFloatData(a.getFloatsList()).build());
                case "value_int" -> g.constants.put(node.getOutput(0), longs.addInt64Data(a.getI()).build());
                case "value_ints" -> g.constants.put(node.getOutput(0), longs.addDims(a.getIntsCount())
                        .addAllInt64Data(a.getIntsList()).build());
                default -> { }
            }
        }
    }

    /** PyTorch may write a Pad of zeros (before an AveragePool); it changes nothing. Real padding is refused. */
    private void pad(NodeProto node) throws WeightFileException {
        long[] pads = OnnxValues.ints(node, "pads", null);
        if (pads == null && node.getInputCount() > 1 && g.constants.containsKey(node.getInput(1))) {
            pads = OnnxValues.longs(g.constants.get(node.getInput(1)));
        }
        if (pads == null || Arrays.stream(pads).anyMatch(p -> p != 0)) {
            throw g.unsupported(node, "is supported only when it pads nothing (give the padding to the Conv or pool"
                    + " instead)");
        }
        g.alias(node.getOutput(0), data(node, 0));
    }

    private void shapeOf(NodeProto node) throws WeightFileException {
        String in = data(node, 0);
        g.shapes.put(node.getOutput(0), ShapeValues.of(g.shape(in), g.flat(in)));
    }

    private void gather(NodeProto node) throws WeightFileException {
        if (!g.shapes.has(node.getInput(0)) || !g.constants.containsKey(node.getInput(1))) {
            throw g.unsupported(node, "is supported only on a tensor's shape (as in x.view(x.size(0), -1))");
        }
        g.shapes.put(node.getOutput(0), ShapeValues.gather(g.shapes.get(node.getInput(0)),
                OnnxValues.longs(g.constants.get(node.getInput(1)))));
    }

    /** Unsqueeze, Squeeze or Cast of a shape vector or an integer constant keeps its values. */
    private void passShape(NodeProto node) throws WeightFileException {
        String in = node.getInput(0);
        if (g.shapes.has(in)) {
            g.shapes.put(node.getOutput(0), g.shapes.get(in));
        } else if (isConstant(in) && OnnxValues.isInteger(g.constants.get(in))) {
            g.shapes.put(node.getOutput(0), OnnxValues.longs(g.constants.get(in)));
        } else {
            throw g.unsupported(node, "is supported only on a tensor's shape (as in x.view(x.size(0), -1))");
        }
    }

    private TensorProto constant(NodeProto node, int input, String what) throws WeightFileException {
        if (node.getInputCount() <= input || !g.constants.containsKey(node.getInput(input))) {
            throw g.unsupported(node, "needs constant " + what + " (an initializer)");
        }
        return g.constants.get(node.getInput(input));
    }
}
