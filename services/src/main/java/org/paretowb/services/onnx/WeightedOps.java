package org.paretowb.services.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paretowb.models.network.Dense;
import org.paretowb.models.network.Flatten;
import org.paretowb.models.network.Norm;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.Window;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;

/** Convolutions, batch norms and dense layers (Gemm, MatMul) of an ONNX graph, with their weights. */
final class WeightedOps {
    private final GraphReader g;
    private final OpInputs inputs;

    WeightedOps(GraphReader graph, OpInputs inputs) {
        this.g = graph;
        this.inputs = inputs;
    }

    void conv(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
        TensorProto w = inputs.constant(node, 1, "weights");
        long[] dims = OnnxValues.dims(w);
        if (dims.length != 4) {
            throw g.unsupported(node, "has " + (dims.length - 2) + "-D kernels " + OnnxValues.show(dims) + ": only 2-D"
                    + " convolutions (weights of 4 dimensions) are supported; a Conv1d network is not." + OpReader.ADVICE);
        }
        inputs.requireNoAutoPad(node);
        long[] kernel = OnnxValues.ints(node, "kernel_shape", new long[] {dims[2], dims[3]});
        long[] strides = OnnxValues.ints(node, "strides", new long[] {1, 1});
        long[] pads = inputs.pads(node);
        long[] dilations = OnnxValues.ints(node, "dilations", new long[] {1, 1});
        int groups = (int) OnnxValues.integer(node, "group", 1);
        int filters = (int) dims[0];
        Window window = new Window((int) kernel[0], (int) kernel[1], (int) strides[0], (int) strides[1],
                (int) pads[0], (int) pads[1], (int) dilations[0], (int) dilations[1]);
        Conv conv;
        try {
            conv = new Conv(filters, window, groups);
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
                ? OnnxValues.floats(inputs.constant(node, 2, "bias")) : new float[filters];
        String name = g.emit(node, conv, List.of(in), List.of());
        g.replaceParams(name, List.of(new Tensor(name + ".weight", dims, OnnxValues.floats(w)),
                new Tensor(name + ".bias", new long[] {filters}, bias)));
    }





    void batchNorm(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
        float epsilon = OnnxValues.real(node, "epsilon", 1e-5f);
        float[][] values = new float[4][];
        for (int k = 0; k < 4; k++) {
            values[k] = OnnxValues.floats(inputs.constant(node, k + 1, "scale, bias, mean and variance"));
        }
        for (int c = 0; c < values[3].length; c++) {
            values[3][c] += epsilon - OnnxExporter.BATCH_NORM_EPSILON; // the workbench's norm adds 1e-5
        }
        String name = g.emit(node, new Norm(), List.of(in), List.of());
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

    void gemm(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
        TensorProto w = inputs.constant(node, 1, "weights");
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
            float[] c = OnnxValues.floats(inputs.constant(node, 2, "bias"));
            for (int u = 0; u < units; u++) {
                bias[u] = beta * (c.length == 1 ? c[0] : c[u]);
            }
        }
        for (int k = 0; k < weight.length; k++) {
            weight[k] *= alpha;
        }
        dense(node, in, units, weight, bias);
    }

    void matMul(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
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

    void dense(NodeProto node, String in, int units, float[] weight, float[] bias) throws WeightFileException {
        if (!g.flat(in)) {
            int[] s = g.shape(in);
            if (!in.equals(NetworkSpec.INPUT) || s[1] != 1 || s[2] != 1) {
                throw g.unsupported(node, "reads maps of " + s[0] + "x" + s[1] + "x" + s[2] + ": a dense layer needs"
                        + " features (flatten first)");
            }
            NodeProto flatten = NodeProto.newBuilder().setOpType("Flatten").setName("flatten")
                    .addOutput(node.getName() + "#flat").build();
            in = g.emit(flatten, new Flatten(), List.of(in), List.of());
        }
        int features = g.shape(in)[0];
        if (weight.length != (long) units * features || bias.length != units) {
            throw g.unsupported(node, "has " + weight.length + " weights where its input of " + features
                    + " features needs " + units + " x " + features);
        }
        String name = g.emit(node, new Dense(units), List.of(in), List.of());
        g.replaceParams(name, List.of(new Tensor(name + ".weight", new long[] {units, features}, weight),
                new Tensor(name + ".bias", new long[] {units}, bias)));
    }
}
