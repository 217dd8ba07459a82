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
 * BatchNormalization, Relu, MaxPool and AveragePool (window equal to stride), GlobalAveragePool, Flatten or Reshape to (N, features), Gemm
 * or MatMul (+ Add) with constant weights; Dropout and Identity are skipped, as is a final Softmax (the
 * class with the highest score is the same). Any other operator is refused with its name and node.
 */
public final class OnnxImporter {
    private static final String SUPPORTED = "Conv, BatchNormalization, Relu, MaxPool, AveragePool, GlobalAveragePool, Flatten, Reshape, Gemm,"
            + " MatMul, Add, Dropout, Identity, Pad (of nothing), Softmax (last)";

    public WeightSet read(byte[] bytes, String source) throws WeightFileException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new WeightFileException(source + " is not an ONNX file (or is truncated): " + e.getMessage());
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new WeightFileException(source + " is not an ONNX model: it has no graph");
        }
        return new Chain(model.getGraph(), source).read();
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
        private boolean flat;

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
                    case "MaxPool" -> add(new Layer.MaxPool(window(node)));
                    case "AveragePool" -> add(new Layer.AvgPool(window(node)));
                    case "GlobalAveragePool" -> globalAverage(node);
                    case "Flatten", "Reshape" -> flatten();
                    case "Gemm" -> gemm(node);
                    case "MatMul" -> i = matMul(node, nodes, i);
                    case "Dropout", "Identity" -> { }
                    case "Pad" -> requireNoPadding(node);
                    case "Constant" -> constant(node);
                    case "Softmax" -> requireLast(node, i, nodes.size());
                    default -> throw unsupported(node, "is not supported yet (supported: " + SUPPORTED + ")");
                }
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
                    return new int[] {(int) dims.get(1).getDimValue(), 1, 1};
                }
                throw new WeightFileException(source + ": input '" + in.getName() + "' has shape " + dims.size()
                        + "-D without fixed sizes; the workbench needs (N, C, H, W) or (N, features)");
            }
            throw new WeightFileException(source + ": the graph has no input");
        }

        private void add(Layer layer) {
            layers.add(layer);
            shape = layer.outputShape(shape);
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
            weights("Conv2d", new String[] {"weight", "bias"}, new float[][] {floats(w), bias}, shapes);
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
        private void flatten() {
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
            weights("Linear", new String[] {"weight", "bias"}, new float[][] {weight, bias}, shapes);
            add(dense);
        }

        private void constant(NodeProto node) {
            node.getAttributeList().stream().filter(a -> a.getName().equals("value")).findFirst()
                    .ifPresent(a -> constants.put(node.getOutput(0), a.getT()));
        }

        private void requireLast(NodeProto node, int at, int count) throws WeightFileException {
            if (at != count - 1) {
                throw unsupported(node, "is supported as the last node only");
            }
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

    private static long integer(NodeProto node, String name, long otherwise) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(AttributeProto::getI).orElse(otherwise);
    }
}
