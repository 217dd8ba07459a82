package org.paretowb.services.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.GraphProto;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;
import org.paretowb.services.onnx.proto.Onnx.ValueInfoProto;

/**
 * Reads an ONNX file into the workbench's own network description and weights, so that every technique
 * (the structured ones included) works on it and the result exports back to ONNX. The graph must be a
 * chain (each node takes the previous node's output) of: Conv (square kernel, stride 1, equal pads),
 * BatchNormalization, Relu, LeakyRelu, Sigmoid, Tanh, MaxPool and AveragePool (window equal to stride),
 * GlobalAveragePool, Flatten or Reshape to (N, features), Gemm or MatMul (+ Add) with constant weights.
 *
 * <p>Constants come from initializers or Constant nodes. A Mul by a constant (one value, or one per channel
 * or feature; Div by one likewise) is folded into the weights: into the Conv, Gemm, MatMul or
 * BatchNormalization right before it, or else into the input side of the next Conv, Gemm or MatMul when
 * only pooling or flattening lies between (a MaxPool only for factors that are not negative), as a scaling
 * of the input before the first layer is. Dropout and Identity are skipped, as is a Softmax after which
 * nothing is computed (the class with the highest score is the same). Any other operator, or one used in a
 * way the workbench cannot represent, is refused with its name and node; {@link #initializers} still lists
 * such a file's weights.
 */
public final class OnnxImporter {
    private static final String SUPPORTED = "Conv, BatchNormalization, Relu, LeakyRelu, Sigmoid, Tanh, MaxPool,"
            + " AveragePool, GlobalAveragePool, Flatten, Reshape, Gemm, MatMul, Add, Mul and Div by a constant,"
            + " Constant, Dropout, Identity, Pad (of nothing), Softmax (last)";

    /**
     * One weight tensor stored in an ONNX file.
     *
     * @param type the ONNX element type, for example {@code FLOAT}
     * @param count the number of elements (1 for a scalar)
     */
    public record Initializer(String name, List<Long> shape, long count, String type) {
        public Initializer {
            shape = List.copyOf(shape);
        }
    }

    /**
     * The file's initializers in stored order, read without interpreting the graph: they list even when
     * {@link #read} refuses an operator, so a caller can still show the model's weights.
     */
    public List<Initializer> initializers(byte[] bytes, String source) throws WeightFileException {
        List<Initializer> list = new ArrayList<>();
        for (TensorProto t : parse(bytes, source).getGraph().getInitializerList()) {
            long count = t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
            TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
            list.add(new Initializer(t.getName(), t.getDimsList(), count,
                    type == null ? "type " + t.getDataType() : type.name()));
        }
        return list;
    }

    public WeightSet read(byte[] bytes, String source) throws WeightFileException {
        ModelProto model = parse(bytes, source);
        if (model.getGraph().getNodeCount() == 0) {
            throw new WeightFileException(source + " is not an ONNX model: it has no graph");
        }
        return new Chain(model.getGraph(), source).read();
    }

    private static ModelProto parse(byte[] bytes, String source) throws WeightFileException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new WeightFileException(source + " is not an ONNX file (or is truncated): " + e.getMessage());
        }
        if (!model.hasGraph()) {
            throw new WeightFileException(source + " is not an ONNX model: it has no graph");
        }
        return model;
    }

    /** The file's metadata properties (key to value); empty when it has none or is not ONNX. */
    public Map<String, String> metadata(byte[] bytes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            for (var entry : ModelProto.parseFrom(bytes).getMetadataPropsList()) {
                out.put(entry.getKey(), entry.getValue());
            }
        } catch (InvalidProtocolBufferException e) {
            return Map.of();
        }
        return out;
    }

    /** Walks the graph's nodes in order, building layers and their tensors (named as DJL names them). */
    private static final class Chain {
        private final GraphProto graph;
        private final String source;
        private final Map<String, TensorProto> constants = new HashMap<>();
        private final List<Layer> layers = new ArrayList<>();
        private final List<Tensor> tensors = new ArrayList<>();
        private int[] shape;
        private boolean flat; // a Flatten was added: values flow as (N, features)
        private boolean matrixInput; // the graph's input is (N, features)
        private float[] pendingScale; // a Mul to fold into the input side of the next weighted layer
        private NodeProto pendingNode; // that Mul's node, for messages

        Chain(GraphProto graph, String source) {
            this.graph = graph;
            this.source = source;
            for (TensorProto t : graph.getInitializerList()) {
                constants.put(t.getName(), t);
            }
        }

        WeightSet read() throws WeightFileException {
            shape = inputShape();
            int[] input = shape.clone();
            List<NodeProto> nodes = graph.getNodeList();
            for (int i = 0; i < nodes.size(); i++) {
                NodeProto node = nodes.get(i);
                switch (node.getOpType()) {
                    case "Conv" -> conv(node);
                    case "BatchNormalization" -> norm(node);
                    case "Relu" -> add(new Layer.Relu());
                    case "LeakyRelu" -> add(Layer.Activation.leakyRelu(real(node, "alpha", 0.01f)));
                    case "Sigmoid" -> add(Layer.Activation.sigmoid());
                    case "Tanh" -> add(Layer.Activation.tanh());
                    case "Mul" -> scale(node, factor(node, false));
                    case "Div" -> scale(node, factor(node, true));
                    case "MaxPool" -> add(new Layer.MaxPool(window(node)));
                    case "AveragePool" -> add(new Layer.AvgPool(window(node)));
                    case "GlobalAveragePool" -> globalAverage(node);
                    case "Flatten", "Reshape" -> flatten();
                    case "Gemm" -> gemm(node);
                    case "MatMul" -> i = matMul(node, nodes, i);
                    case "Dropout", "Identity" -> { }
                    case "Pad" -> requireNoPadding(node);
                    case "Constant" -> constant(node);
                    case "Softmax" -> requireLast(node, nodes.subList(i + 1, nodes.size()));
                    default -> throw unsupported(node, "is not supported yet (supported: " + SUPPORTED + ")");
                }
            }
            if (pendingScale != null) {
                throw unfoldable(pendingNode, "no Conv, Gemm or MatMul follows it");
            }
            if (layers.isEmpty()) {
                throw new WeightFileException(source + ": no layer the workbench can run was found");
            }
            try {
                return new WeightSet(new NetworkSpec(input[0], input[1], input[2], layers), tensors);
            } catch (IllegalArgumentException e) {
                throw new WeightFileException(source + ": the layers do not fit together: " + e.getMessage());
            }
        }

        private int[] inputShape() throws WeightFileException {
            for (ValueInfoProto in : graph.getInputList()) {
                if (constants.containsKey(in.getName())) {
                    continue;
                }
                var dims = in.getType().getTensorType().getShape().getDimList();
                if (dims.size() == 4 && dims.get(1).hasDimValue() && dims.get(2).hasDimValue()
                        && dims.get(3).hasDimValue()) {
                    return new int[] {(int) dims.get(1).getDimValue(), (int) dims.get(2).getDimValue(),
                            (int) dims.get(3).getDimValue()};
                }
                if (dims.size() == 2 && dims.get(1).hasDimValue()) {
                    matrixInput = true;
                    return new int[] {(int) dims.get(1).getDimValue(), 1, 1};
                }
                throw new WeightFileException(source + ": input '" + in.getName() + "' has shape " + dims.size()
                        + "-D without fixed sizes; the workbench needs (N, C, H, W) or (N, features)");
            }
            throw new WeightFileException(source + ": the graph has no input");
        }

        private void add(Layer layer) throws WeightFileException {
            if (pendingScale != null && !passesScale(layer)) {
                throw unfoldable(pendingNode, "a " + layer.token() + " layer follows it before any Conv, Gemm or MatMul");
            }
            layers.add(layer);
            shape = layer.outputShape(shape);
        }

        /** Whether a scaling of the input commutes with the layer (per channel, so a flatten keeps it too). */
        private boolean passesScale(Layer layer) {
            boolean nonNegative = true;
            for (float f : pendingScale) {
                nonNegative &= f >= 0;
            }
            return layer instanceof Layer.Flatten || layer instanceof Layer.AvgPool
                    || layer instanceof Layer.MaxPool && nonNegative;
        }

        private void weights(String block, String[] names, float[][] values, List<long[]> shapes) {
            String prefix = String.format("%02d%s_", layers.size() + 1, block);
            for (int k = 0; k < names.length; k++) {
                tensors.add(new Tensor(prefix + names[k], shapes.get(k), values[k]));
            }
        }

        private void conv(NodeProto node) throws WeightFileException {
            TensorProto w = constant(node, 1, "weights");
            long[] dims = dims(w);
            long[] kernel = ints(node, "kernel_shape", new long[] {dims[2], dims[3]});
            long[] pads = ints(node, "pads", new long[] {0, 0, 0, 0});
            long[] strides = ints(node, "strides", new long[] {1, 1});
            long group = integer(node, "group", 1);
            if (kernel[0] != kernel[1] || strides[0] != 1 || strides[1] != 1 || group != 1
                    || pads[0] != pads[1] || pads[0] != pads[2] || pads[0] != pads[3]) {
                throw unsupported(node, "is supported with a square kernel, stride 1, one group and equal pads only");
            }
            int filters = (int) dims[0];
            float[] bias = node.getInputCount() > 2 ? floats(constant(node, 2, "bias")) : new float[filters];
            Layer.Conv conv = new Layer.Conv(filters, (int) kernel[0], (int) pads[0]);
            List<long[]> shapes = conv.parameterShapes(shape);
            requireShape(node, dims, shapes.get(0));
            float[] weight = scaledInputs(floats(w), filters);
            weights("Conv2d", new String[] {"weight", "bias"}, new float[][] {weight, bias}, shapes);
            add(conv);
        }

        private void norm(NodeProto node) throws WeightFileException {
            float epsilon = node.getAttributeList().stream().filter(a -> a.getName().equals("epsilon"))
                    .map(AttributeProto::getF).findFirst().orElse(1e-5f);
            if (Math.abs(epsilon - 1e-5f) > 1e-9f) {
                throw unsupported(node, "has epsilon " + epsilon + "; the workbench's batch norm uses 1e-5");
            }
            float[][] values = new float[4][];
            for (int k = 0; k < 4; k++) {
                values[k] = floats(constant(node, k + 1, "parameter"));
            }
            Layer.Norm norm = new Layer.Norm();
            weights("BatchNorm", new String[] {"gamma", "beta", "runningMean", "runningVar"}, values,
                    norm.parameterShapes(shape));
            add(norm);
        }

        /** A pooling node's window, which must be square, equal to its stride and without pads. */
        private int window(NodeProto node) throws WeightFileException {
            long[] kernel = ints(node, "kernel_shape", new long[0]);
            long[] strides = ints(node, "strides", kernel);
            long[] pads = ints(node, "pads", new long[] {0, 0, 0, 0});
            if (kernel.length != 2 || kernel[0] != kernel[1] || strides.length != 2 || strides[0] != kernel[0]
                    || strides[1] != kernel[1] || java.util.Arrays.stream(pads).anyMatch(p -> p != 0)) {
                throw unsupported(node, "is supported with a square window equal to its stride and no pads only");
            }
            return (int) kernel[0];
        }

        /** PyTorch writes a Pad of zeros before an AveragePool; it changes nothing. Real padding is refused. */
        private void requireNoPadding(NodeProto node) throws WeightFileException {
            long[] pads = ints(node, "pads", null);
            if (pads == null && node.getInputCount() > 1 && constants.containsKey(node.getInput(1))) {
                pads = longs(constants.get(node.getInput(1)));
            }
            if (pads == null || java.util.Arrays.stream(pads).anyMatch(p -> p != 0)) {
                throw unsupported(node, "is supported only when it pads nothing");
            }
        }

        private void globalAverage(NodeProto node) throws WeightFileException {
            if (shape[1] != shape[2]) {
                throw unsupported(node, "is supported on square inputs only, not " + shape[1] + "x" + shape[2]);
            }
            add(new Layer.AvgPool(shape[1]));
        }

        /** Flattens once; a Flatten or Reshape of what is already flat changes nothing. */
        private void flatten() throws WeightFileException {
            if (!flat) {
                add(new Layer.Flatten());
                flat = true;
            }
        }

        private void gemm(NodeProto node) throws WeightFileException {
            TensorProto w = constant(node, 1, "weights");
            long transB = integer(node, "transB", 0);
            long transA = integer(node, "transA", 0);
            float alpha = node.getAttributeList().stream().filter(a -> a.getName().equals("alpha"))
                    .map(AttributeProto::getF).findFirst().orElse(1f);
            float beta = node.getAttributeList().stream().filter(a -> a.getName().equals("beta"))
                    .map(AttributeProto::getF).findFirst().orElse(1f);
            if (transA != 0 || alpha != 1f || beta != 1f) {
                throw unsupported(node, "is supported with transA 0, alpha 1 and beta 1 only");
            }
            long[] dims = dims(w);
            float[] weight = transB == 1 ? floats(w) : transpose(floats(w), (int) dims[0], (int) dims[1]);
            int units = (int) (transB == 1 ? dims[0] : dims[1]);
            float[] bias = node.getInputCount() > 2 ? floats(constant(node, 2, "bias")) : new float[units];
            dense(node, units, weight, bias);
        }

        /** MatMul by constant weights (in x out), with the bias of a following Add when there is one. */
        private int matMul(NodeProto node, List<NodeProto> nodes, int at) throws WeightFileException {
            TensorProto w = constant(node, 1, "weights");
            long[] dims = dims(w);
            int units = (int) dims[1];
            float[] bias = new float[units];
            int last = at;
            if (at + 1 < nodes.size() && nodes.get(at + 1).getOpType().equals("Add")) {
                NodeProto add = nodes.get(at + 1);
                String other = add.getInput(0).equals(node.getOutput(0)) ? add.getInput(1) : add.getInput(0);
                TensorProto b = constants.get(other);
                if (b != null) {
                    bias = floats(b);
                    last = at + 1;
                }
            }
            dense(node, units, transpose(floats(w), (int) dims[0], units), bias);
            return last;
        }

        private void dense(NodeProto node, int units, float[] weight, float[] bias) throws WeightFileException {
            flatten();
            Layer.Dense dense = new Layer.Dense(units);
            List<long[]> shapes = dense.parameterShapes(shape);
            if (weight.length != shapes.get(0)[0] * shapes.get(0)[1] || bias.length != units) {
                throw unsupported(node, "has weights that do not fit its input of " + shapes.get(0)[1] + " features");
            }
            weights("Linear", new String[] {"weight", "bias"},
                    new float[][] {scaledInputs(weight, units), bias}, shapes);
            add(dense);
        }

        /**
         * The weights (units x inputs, row-major; a convolution's inputs are its input channels times its
         * kernel) with the pending input scaling folded in: input k is multiplied by the factor of its channel.
         */
        private float[] scaledInputs(float[] weight, int units) {
            if (pendingScale == null) {
                return weight;
            }
            float[] factor = pendingScale;
            pendingScale = null;
            pendingNode = null;
            float[] out = weight.clone();
            int inputs = weight.length / units;
            int perChannel = inputs / (factor.length == 1 ? 1 : factor.length);
            for (int u = 0; u < units; u++) {
                for (int k = 0; k < inputs; k++) {
                    out[u * inputs + k] *= factor.length == 1 ? factor[0] : factor[k / perChannel];
                }
            }
            return out;
        }

        /**
         * The constant factor of a Mul (either input) or the divisor of a Div (inverted): one value, or one
         * per channel (shape C x 1 x 1, or 1 x C x 1 x 1) or per feature (F, or 1 x F) of what flows.
         */
        private float[] factor(NodeProto node, boolean divide) throws WeightFileException {
            boolean[] constant = new boolean[node.getInputCount()];
            for (int k = 0; k < constant.length; k++) {
                constant[k] = constants.containsKey(node.getInput(k));
            }
            int at = constant.length != 2 || constant[0] == constant[1] ? -1 : constant[1] ? 1 : divide ? -1 : 0;
            if (at < 0) {
                throw unsupported(node, "is supported " + (divide ? "by" : "with") + " a constant (an initializer or"
                        + " a Constant node) only");
            }
            TensorProto t = constants.get(node.getInput(at));
            float[] values = floats(t);
            long[] dims = dims(t);
            if (values.length != 1 && !perChannel(dims, values.length)) {
                throw unsupported(node, "is supported by one constant, or one per channel or feature, only, not by"
                        + " one of shape " + java.util.Arrays.toString(dims) + " on values of shape "
                        + java.util.Arrays.toString(shape));
            }
            if (divide) {
                for (int k = 0; k < values.length; k++) {
                    values[k] = 1 / values[k];
                }
            }
            return values;
        }

        /** Whether a constant of these dimensions broadcasts one value to each channel or feature of what flows. */
        private boolean perChannel(long[] dims, int count) {
            if (count != shape[0]) {
                return false;
            }
            long[] expected = flat || matrixInput ? new long[] {count} : new long[] {count, 1, 1};
            long[] withBatch = new long[expected.length + 1];
            withBatch[0] = 1;
            System.arraycopy(expected, 0, withBatch, 1, expected.length);
            return java.util.Arrays.equals(dims, expected) || java.util.Arrays.equals(dims, withBatch);
        }

        /**
         * Folds a multiplication into the layer with weights right before it (its output units scaled), or
         * keeps it for the input side of the next one.
         */
        private void scale(NodeProto node, float[] factor) throws WeightFileException {
            Layer last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
            if (last instanceof Layer.Conv || last instanceof Layer.Dense) {
                int at = tensors.size() - 2;
                tensors.set(at, scaledUnits(tensors.get(at), factor)); // weight
                tensors.set(at + 1, scaledUnits(tensors.get(at + 1), factor)); // bias
            } else if (last instanceof Layer.Norm) {
                int at = tensors.size() - 4;
                tensors.set(at, scaledUnits(tensors.get(at), factor)); // gamma
                tensors.set(at + 1, scaledUnits(tensors.get(at + 1), factor)); // beta
            } else if (pendingScale == null) {
                pendingScale = factor;
                pendingNode = node;
            } else {
                throw unfoldable(node, "it follows another multiplication that waits to be folded");
            }
        }

        private static Tensor scaledUnits(Tensor t, float[] factor) {
            float[] v = t.values().clone();
            int units = (int) t.shape()[0];
            int per = v.length / units;
            for (int u = 0; u < units; u++) {
                float f = factor.length == 1 ? factor[0] : factor[u];
                for (int k = 0; k < per; k++) {
                    v[u * per + k] *= f;
                }
            }
            return t.withValues(v);
        }

        /** A Constant node's tensor, from its {@code value} (or {@code value_float(s)}) attribute. */
        private void constant(NodeProto node) {
            for (AttributeProto a : node.getAttributeList()) {
                TensorProto.Builder floats = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE);
                switch (a.getName()) {
                    case "value" -> constants.put(node.getOutput(0), a.getT());
                    case "value_float" -> constants.put(node.getOutput(0), floats.addFloatData(a.getF()).build());
                    case "value_floats" -> constants.put(node.getOutput(0), floats.addDims(a.getFloatsCount())
                            .addAllFloatData(a.getFloatsList()).build());
                    default -> { }
                }
            }
        }

        /** A Softmax only where nothing is computed after it. */
        private void requireLast(NodeProto node, List<NodeProto> after) throws WeightFileException {
            for (NodeProto next : after) {
                if (!List.of("Identity", "Dropout").contains(next.getOpType())) {
                    throw unsupported(node, "is supported as the last operation only (" + next.getOpType()
                            + " follows it)");
                }
            }
        }

        private WeightFileException unfoldable(NodeProto node, String why) {
            return unsupported(node, "cannot be folded into a layer with weights: " + why + " (a multiplication by a"
                    + " constant is supported right after a Conv, Gemm, MatMul or BatchNormalization, or before one"
                    + " with only pooling or flattening between)");
        }

        private void requireShape(NodeProto node, long[] dims, long[] expected) throws WeightFileException {
            if (!java.util.Arrays.equals(dims, expected)) {
                throw unsupported(node, "has weights " + java.util.Arrays.toString(dims) + " where its input needs "
                        + java.util.Arrays.toString(expected));
            }
        }

        private TensorProto constant(NodeProto node, int input, String what) throws WeightFileException {
            if (node.getInputCount() <= input || !constants.containsKey(node.getInput(input))) {
                throw unsupported(node, "needs constant " + what + " (an initializer)");
            }
            return constants.get(node.getInput(input));
        }

        private WeightFileException unsupported(NodeProto node, String why) {
            String name = node.getName().isEmpty() ? "(unnamed, output " + node.getOutput(0) + ")" : "'"
                    + node.getName() + "'";
            return new WeightFileException(source + ": operator " + node.getOpType() + " in node " + name + " " + why);
        }
    }

    private static long[] dims(TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    private static float[] floats(TensorProto t) throws WeightFileException {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new WeightFileException("tensor " + t.getName() + " is not float32 (data type " + t.getDataType() + ")");
        }
        if (t.getFloatDataCount() > 0) {
            float[] out = new float[t.getFloatDataCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.getFloatData(i);
            }
            return out;
        }
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.remaining() / 4];
        raw.asFloatBuffer().get(out);
        return out;
    }

    private static long[] longs(TensorProto t) {
        if (t.getInt64DataCount() > 0) {
            return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
        }
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[raw.remaining() / 8];
        raw.asLongBuffer().get(out);
        return out;
    }

    private static float[] transpose(float[] values, int rows, int cols) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }

    private static long[] ints(NodeProto node, String name, long[] otherwise) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(a -> a.getIntsList().stream().mapToLong(Long::longValue).toArray()).orElse(otherwise);
    }

    private static float real(NodeProto node, String name, float otherwise) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(AttributeProto::getF).orElse(otherwise);
    }

    private static long integer(NodeProto node, String name, long otherwise) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(AttributeProto::getI).orElse(otherwise);
    }
}
