package org.paretowb.services.onnx;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.GraphProto;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.OperatorSetIdProto;
import org.paretowb.services.onnx.proto.Onnx.StringStringEntryProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;
import org.paretowb.services.onnx.proto.Onnx.TensorShapeProto;
import org.paretowb.services.onnx.proto.Onnx.TypeProto;
import org.paretowb.services.onnx.proto.Onnx.ValueInfoProto;

/**
 * Writes a network as an ONNX model (opset 13, IR 8) with a dynamic batch dimension: input {@code images}
 * (N x C x H x W, pixels scaled to [0, 1]), output {@code logits} (N x classes).
 *
 * <p>Layers map to Conv, Relu, LeakyRelu, Sigmoid, Tanh, MaxPool, AveragePool, Flatten and Gemm. A BatchNormalization that follows a convolution is
 * folded into the convolution's weights and bias (w' = w g / sqrt(v + eps), b' = (b - m) g / sqrt(v + eps) + beta),
 * which computes the same function and lets int8 kernels take the convolution whole. Unstructured-pruned
 * weights are written as dense tensors. Weight-only quantized weights are written as their fp32 values.
 *
 * <p>The layers named in {@code int8} (see {@link LayerNames}) are written as ONNX Runtime's own static
 * quantizer writes them (QDQ): QuantizeLinear and DequantizeLinear on the input (uint8, with the range
 * calibrated in front of the layer), per-channel symmetric int8 weights and an int32 bias behind
 * DequantizeLinear, and a QuantizeLinear/DequantizeLinear pair on the output (after its ReLU) with the range
 * calibrated in front of the next layer, so that ONNX Runtime fuses them into QLinearConv and QGemm. Another
 * activation (leaky ReLU, sigmoid, tanh) runs in fp32 between that output pair, quantized with the range
 * calibrated in front of the activation, and the next layer's input pair. Dense
 * layers behind a dynamic fake-quantize are written as ONNX Runtime's dynamic quantizer writes them:
 * DynamicQuantizeLinear, MatMulInteger with int8 weights, and the float rescale.
 */
public final class OnnxExporter {
    static final float BATCH_NORM_EPSILON = 1e-5f; // DJL's BatchNorm default
    public static final String INPUT = "images";
    public static final String OUTPUT = "logits";

    /** fp32 everywhere (dynamic fake-quantize layers still become dynamic int8). */
    public byte[] export(WeightSet weights) {
        return export(weights, Set.of());
    }

    public byte[] export(WeightSet weights, Set<String> int8) {
        return model(weights, int8).toByteArray();
    }

    ModelProto model(WeightSet weights, Set<String> int8) {
        NetworkSpec spec = weights.spec();
        Map<Integer, String> names = LayerNames.of(spec);
        for (String name : int8) {
            if (!names.containsValue(name)) {
                throw new IllegalArgumentException("no layer '" + name + "' in this network; its layers are "
                        + String.join(", ", names.values()));
            }
        }
        GraphProto.Builder graph = GraphProto.newBuilder().setName("paretowb");
        GraphWriter w = new GraphWriter(graph);
        new Walk(spec, weights.tensors(), names, int8, w).run();
        graph.addInput(value(INPUT, spec.channels(), spec.height(), spec.width()));
        int classes = spec.outputs();
        graph.addOutput(value(OUTPUT, classes));
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("Pareto Workbench").setProducerVersion("0.1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("paretowb.network").setValue(spec.describe()))
                .setGraph(graph).build();
    }

    /** A float tensor value N x dims, N symbolic. */
    private static ValueInfoProto value(String name, int... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (int d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }

    /** One pass over the layers, carrying the name of the value that flows. */
    private static final class Walk {
        private final NetworkSpec spec;
        private final List<Tensor> tensors;
        private final Map<Integer, String> names;
        private final Set<String> int8;
        private final GraphWriter w;
        private final int[] first;
        private String current = INPUT;
        private float[] range; // calibrated input range of the next weighted layer, from a static fake-quantize
        private boolean dynamic; // a dynamic fake-quantize precedes the next weighted layer
        private float[] outputRange; // where to quantize after an int8 layer (and its ReLU), if anywhere
        private String outputOf; // the int8 layer whose output that is
        private String owner = "input"; // the last weighted layer: ReLU, pool and flatten nodes are named after it

        Walk(NetworkSpec spec, List<Tensor> tensors, Map<Integer, String> names, Set<String> int8, GraphWriter w) {
            this.spec = spec;
            this.tensors = tensors;
            this.names = names;
            this.int8 = int8;
            this.w = w;
            this.first = spec.firstTensorOfLayer();
        }

        void run() {
            List<Layer> layers = spec.layers();
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                if (layer instanceof Layer.FakeQuant q) {
                    if (q.dynamic()) {
                        dynamic = true;
                    } else {
                        range = new float[] {q.min(), q.max()};
                    }
                } else if (layer instanceof Layer.Conv conv) {
                    boolean folds = i + 1 < layers.size() && layers.get(i + 1) instanceof Layer.Norm;
                    conv(i, conv, folds);
                    owner = names.get(i);
                    if (folds) {
                        i++;
                    }
                    afterWeighted(i);
                } else if (layer instanceof Layer.Dense) {
                    dense(i);
                    owner = names.get(i);
                    afterWeighted(i);
                } else if (layer instanceof Layer.Norm) {
                    batchNorm(i);
                } else if (layer instanceof Layer.Relu) {
                    current = w.node("Relu", owner + "_relu", current);
                    quantizeOutputIfPending(i);
                } else if (layer instanceof Layer.Activation activation) {
                    current = activation(activation);
                } else if (layer instanceof Layer.MaxPool pool) {
                    current = w.node("MaxPool", owner + "_maxpool", new AttributeProto[] {
                        GraphWriter.ints("kernel_shape", pool.size(), pool.size()),
                        GraphWriter.ints("strides", pool.size(), pool.size())}, current);
                } else if (layer instanceof Layer.AvgPool pool) {
                    current = w.node("AveragePool", owner + "_avgpool", new AttributeProto[] {
                        GraphWriter.ints("kernel_shape", pool.size(), pool.size()),
                        GraphWriter.ints("strides", pool.size(), pool.size())}, current);
                } else if (layer instanceof Layer.Flatten) {
                    current = w.node("Flatten", owner + "_flatten", new AttributeProto[] {GraphWriter.integer("axis", 1)}, current);
                } else {
                    throw new IllegalArgumentException("no ONNX form for layer " + layer.token());
                }
            }
            w.identity(current, OUTPUT);
        }

        private String activation(Layer.Activation activation) {
            return switch (activation.kind()) {
                case LEAKY_RELU -> w.node("LeakyRelu", owner + "_leakyrelu",
                        new AttributeProto[] {GraphWriter.real("alpha", activation.alpha())}, current);
                case SIGMOID -> w.node("Sigmoid", owner + "_sigmoid", current);
                case TANH -> w.node("Tanh", owner + "_tanh", current);
            };
        }

        /** After an int8 layer: quantize its output now, unless a ReLU follows (then after the ReLU). */
        private void afterWeighted(int i) {
            boolean reluNext = i + 1 < spec.layers().size() && spec.layers().get(i + 1) instanceof Layer.Relu;
            if (!reluNext) {
                quantizeOutputIfPending(i);
            }
        }

        private void quantizeOutputIfPending(int i) {
            if (outputRange != null && i < spec.layers().size() - 1) {
                current = quantizeDequantize(current, outputRange, outputOf + "_out");
            }
            outputRange = null;
        }

        private void conv(int i, Layer.Conv conv, boolean foldNorm) {
            Tensor weight = tensors.get(first[i]);
            float[] wv = weight.values().clone();
            float[] bias = tensors.get(first[i] + 1).values().clone();
            if (foldNorm) {
                fold(wv, bias, first[i + 1]);
            }
            AttributeProto[] attributes = {
                GraphWriter.ints("kernel_shape", conv.kernel(), conv.kernel()),
                GraphWriter.ints("pads", conv.padding(), conv.padding(), conv.padding(), conv.padding()),
                GraphWriter.ints("strides", 1, 1)};
            String name = names.get(i);
            if (int8.contains(name)) {
                String[] inputs = int8Inputs(name, weight.shape(), wv, bias);
                current = w.node("Conv", name, attributes, inputs);
                outputRange = nextRange(i);
                outputOf = name;
            } else {
                current = w.node("Conv", name, attributes, current, w.floats(name + "_w", weight.shape(), wv),
                        w.floats(name + "_b", new long[] {bias.length}, bias));
            }
            range = null;
            dynamic = false;
        }

        private void dense(int i) {
            Tensor weight = tensors.get(first[i]);
            float[] bias = tensors.get(first[i] + 1).values();
            String name = names.get(i);
            if (int8.contains(name)) {
                String[] inputs = int8Inputs(name, weight.shape(), weight.values(), bias);
                current = w.node("Gemm", name, new AttributeProto[] {GraphWriter.integer("transB", 1)}, inputs);
                outputRange = nextRange(i);
                outputOf = name;
            } else if (dynamic) {
                current = dynamicDense(name, weight, bias);
            } else {
                current = w.node("Gemm", name, new AttributeProto[] {GraphWriter.integer("transB", 1)}, current,
                        w.floats(name + "_w", weight.shape(), weight.values()),
                        w.floats(name + "_b", new long[] {bias.length}, bias));
            }
            range = null;
            dynamic = false;
        }

        /** Quantized input, dequantized int8 weights and dequantized int32 bias of a static int8 layer. */
        private String[] int8Inputs(String name, long[] shape, float[] weights, float[] bias) {
            if (range == null) {
                throw new IllegalArgumentException(name + " cannot run in int8: no calibrated input range in front"
                        + " of it (quantize statically first)");
            }
            float inputScale = scale(range);
            String x = quantizeDequantize(current, range, name + "_in");
            Int8Weights q = Int8Weights.perChannel(weights, (int) shape[0]);
            String wq = w.int8s(name + "_wq", shape, q.codes());
            String ws = w.floats(name + "_ws", new long[] {q.scales().length}, q.scales());
            String wz = w.int8s(name + "_wz", new long[] {q.scales().length}, new byte[q.scales().length]);
            String wd = w.node("DequantizeLinear", name + "_w", new AttributeProto[] {GraphWriter.integer("axis", 0)},
                    wq, ws, wz);
            int[] biasCodes = new int[bias.length];
            float[] biasScales = new float[bias.length];
            for (int c = 0; c < bias.length; c++) {
                biasScales[c] = inputScale * q.scales()[c];
                biasCodes[c] = biasScales[c] > 0 ? (int) Math.round(bias[c] / (double) biasScales[c]) : 0;
            }
            String bq = w.int32s(name + "_bq", new long[] {bias.length}, biasCodes);
            String bs = w.floats(name + "_bs", new long[] {bias.length}, biasScales);
            String bz = w.int32s(name + "_bz", new long[] {bias.length}, new int[bias.length]);
            String bd = w.node("DequantizeLinear", name + "_b", new AttributeProto[] {GraphWriter.integer("axis", 0)},
                    bq, bs, bz);
            return new String[] {x, wd, bd};
        }

        /** ONNX Runtime's dynamic int8 dense layer: x quantized per batch, int8 weights, float rescale. */
        private String dynamicDense(String name, Tensor weight, float[] bias) {
            int out = (int) weight.shape()[0];
            int in = (int) weight.shape()[1];
            float[] transposed = new float[in * out];
            for (int o = 0; o < out; o++) {
                for (int k = 0; k < in; k++) {
                    transposed[k * out + o] = weight.values()[o * in + k];
                }
            }
            Int8Weights q = Int8Weights.perTensor(transposed);
            String[] xq = w.nodeWithOutputs("DynamicQuantizeLinear", name + "_x", 3, current);
            String wq = w.int8s(name + "_wq", new long[] {in, out}, q.codes());
            String product = w.node("MatMulInteger", name + "_int", xq[0], wq, xq[2]);
            String asFloat = w.node("Cast", name + "_float", new AttributeProto[] {
                GraphWriter.integer("to", TensorProto.DataType.FLOAT.getNumber())}, product);
            String scale = w.node("Mul", name + "_scale", xq[1], w.floats(name + "_ws", new long[0], q.scales()));
            String scaled = w.node("Mul", name + "_rescaled", asFloat, scale);
            return w.node("Add", name, scaled, w.floats(name + "_b", new long[] {bias.length}, bias));
        }

        private void batchNorm(int i) {
            int c = (int) tensors.get(first[i]).shape()[0];
            long[] dims = {c};
            current = w.node("BatchNormalization", "bn", new AttributeProto[] {
                GraphWriter.real("epsilon", BATCH_NORM_EPSILON)}, current,
                w.floats("bn_gamma", dims, tensors.get(first[i]).values()),
                w.floats("bn_beta", dims, tensors.get(first[i] + 1).values()),
                w.floats("bn_mean", dims, tensors.get(first[i] + 2).values()),
                w.floats("bn_var", dims, tensors.get(first[i] + 3).values()));
        }

        /** Folds the BatchNorm whose tensors start at {@code norm} into conv weights and bias, in place. */
        private void fold(float[] weights, float[] bias, int norm) {
            float[] gamma = tensors.get(norm).values();
            float[] beta = tensors.get(norm + 1).values();
            float[] mean = tensors.get(norm + 2).values();
            float[] variance = tensors.get(norm + 3).values();
            int per = weights.length / bias.length;
            for (int c = 0; c < bias.length; c++) {
                double factor = gamma[c] / Math.sqrt(variance[c] + (double) BATCH_NORM_EPSILON);
                for (int k = 0; k < per; k++) {
                    weights[c * per + k] = (float) (weights[c * per + k] * factor);
                }
                bias[c] = (float) ((bias[c] - mean[c]) * factor + beta[c]);
            }
        }

        /** The calibrated range in front of the next weighted layer after {@code i}, or null. */
        private float[] nextRange(int i) {
            for (int j = i + 1; j < spec.layers().size(); j++) {
                Layer layer = spec.layers().get(j);
                if (layer instanceof Layer.FakeQuant q && !q.dynamic()) {
                    return new float[] {q.min(), q.max()};
                }
                if (layer instanceof Layer.Conv || layer instanceof Layer.Dense) {
                    return null;
                }
            }
            return null;
        }

        /** A QuantizeLinear/DequantizeLinear pair, its nodes named after the layer they serve. */
        private String quantizeDequantize(String input, float[] r, String hint) {
            float scale = scale(r);
            byte zero = (byte) Math.round(-r[0] / scale);
            String s = w.floats(hint + "_scale", new long[0], new float[] {scale});
            String z = w.uint8s(hint + "_zero", new long[0], new byte[] {zero});
            String q = w.node("QuantizeLinear", hint + "_q", input, s, z);
            return w.node("DequantizeLinear", hint + "_dq", q, s, z);
        }

        private static float scale(float[] r) {
            float s = (r[1] - r[0]) / 255f;
            return s > 0 ? s : 1f;
        }
    }
}
