package org.paretowb.services.onnx;

import org.paretowb.models.network.Activation;
import org.paretowb.models.network.Add;
import org.paretowb.models.network.Affine;
import org.paretowb.models.network.AvgPool;
import org.paretowb.models.network.Concat;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import org.paretowb.models.network.FakeQuant;
import org.paretowb.models.network.Flatten;
import org.paretowb.models.network.GlobalAvgPool;
import org.paretowb.models.network.MaxPool;
import org.paretowb.models.network.Norm;
import org.paretowb.models.network.Relu;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Node;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;

/**
 * One pass over a graph's nodes, writing each as ONNX nodes and remembering which ONNX value holds each node's
 * tensor. ONNX nodes are named after the weighted layer they serve (a ReLU or pool after conv3 is "conv3_…"), so
 * that ONNX Runtime's profile charges their time to that layer ({@link org.paretowb.services.evaluate.NodeProfile}).
 *
 * <p>Static int8: a calibrated fake-quantize node becomes a QuantizeLinear/DequantizeLinear pair where an int8
 * layer reads it or where it quantizes an int8 layer's (activated) output; elsewhere it is left out, and its
 * readers read fp32 values. So an int8 chain stays int8 across residual adds and concatenations whose inputs are
 * all quantized, and ONNX Runtime fuses those into its integer add and concat too.
 */
final class GraphExport {
    private final NetworkSpec spec;
    private final List<Tensor> tensors;
    private final Set<String> int8;
    private final GraphWriter w;
    private final QuantizedNodes quantized;
    private final int[] first;
    private final List<List<Integer>> consumers;
    private final boolean[] flat;
    private final String[] owner;
    private final Map<String, String> value = new HashMap<>();
    private final Set<Integer> folded = new HashSet<>();
    private final Map<Integer, Boolean> pairs = new HashMap<>();

    GraphExport(WeightSet weights, Set<String> int8, GraphWriter w) {
        this.spec = weights.spec();
        this.tensors = weights.tensors();
        this.int8 = int8;
        this.w = w;
        this.quantized = new QuantizedNodes(w);
        this.first = spec.firstTensorOfLayer();
        this.consumers = spec.consumers();
        this.flat = spec.flat();
        this.owner = owners();
    }

    void run() {
        value.put(NetworkSpec.INPUT, OnnxExporter.INPUT);
        for (int i = 0; i < spec.nodes().size(); i++) {
            w.owner(owner[i]);
            value.put(spec.node(i).name(), export(i));
        }
        w.owner("");
        String last = spec.nodes().isEmpty() ? NetworkSpec.INPUT : spec.node(spec.nodes().size() - 1).name();
        w.identity(value.get(last), OnnxExporter.OUTPUT);
    }

    private String export(int i) {
        Node node = spec.node(i);
        String in = value.get(node.inputs().get(0));
        String hint = "/" + node.name() + "/" + onnxOp(node.layer());
        Layer layer = node.layer();
        if (layer instanceof Conv conv) {
            return conv(i, conv, in);
        } else if (layer instanceof Dense) {
            return dense(i, in);
        } else if (layer instanceof Norm) {
            return folded.contains(i) ? in : batchNorm(i, in, hint);
        } else if (layer instanceof Affine) {
            return affine(i, in, hint);
        } else if (layer instanceof Relu) {
            return w.node("Relu", hint, in);
        } else if (layer instanceof Activation activation) {
            return activation(activation, in, hint);
        } else if (layer instanceof MaxPool pool) {
            return w.node("MaxPool", hint, Pools.attributes(pool.window(), pool.ceil(), null), in);
        } else if (layer instanceof AvgPool pool) {
            return w.node("AveragePool", hint, Pools.attributes(pool.window(), pool.ceil(), pool.countPadding()), in);
        } else if (layer instanceof GlobalAvgPool) {
            return w.node("GlobalAveragePool", hint, in);
        } else if (layer instanceof Flatten) {
            return w.node("Flatten", hint, new AttributeProto[] {GraphWriter.integer("axis", 1)}, in);
        } else if (layer instanceof FakeQuant q) {
            return q.dynamic() || !emitsPair(i) ? in : quantized.quantizeDequantize(in, new float[] {q.min(), q.max()}, hint);
        } else if (layer instanceof Layer.Join) {
            return join(node, hint);
        }
        throw new IllegalArgumentException("no ONNX form for layer " + layer.token());
    }

    private String join(Node node, String hint) {
        List<String> inputs = node.inputs().stream().map(value::get).toList();
        if (node.layer() instanceof Concat) {
            return w.node("Concat", hint, new AttributeProto[] {GraphWriter.integer("axis", 1)},
                    inputs.toArray(String[]::new));
        }
        String op = node.layer() instanceof Add ? "Add" : "Mul";
        String result = inputs.get(0);
        for (int k = 1; k < inputs.size(); k++) {
            result = w.node(op, hint, result, inputs.get(k));
        }
        return result;
    }

    private String conv(int i, Conv conv, String in) {
        Tensor weight = tensors.get(first[i]);
        float[] wv = weight.values().clone();
        float[] bias = tensors.get(first[i] + 1).values().clone();
        int norm = foldableNorm(i);
        if (norm >= 0) {
            BatchNormFold.fold(wv, bias, tensors.subList(first[norm], first[norm] + 4));
            folded.add(norm);
        }
        var window = conv.window();
        AttributeProto[] attributes = {
            GraphWriter.ints("kernel_shape", window.kernelH(), window.kernelW()),
            GraphWriter.ints("pads", window.padH(), window.padW(), window.padH(), window.padW()),
            GraphWriter.ints("strides", window.strideH(), window.strideW()),
            GraphWriter.ints("dilations", window.dilationH(), window.dilationW()),
            GraphWriter.integer("group", conv.groups())};
        String name = spec.node(i).name();
        String hint = "/" + name + "/Conv";
        if (int8.contains(name)) {
            String[] wb = quantized.weightsAndBias(name, weight.shape(), wv, bias, inputRange(i, name));
            return w.node("Conv", hint, attributes, in, wb[0], wb[1]);
        }
        return w.node("Conv", hint, attributes, in, w.floats(name + "_w", weight.shape(), wv),
                w.floats(name + "_b", new long[] {bias.length}, bias));
    }

    private String dense(int i, String in) {
        Tensor weight = tensors.get(first[i]);
        float[] bias = tensors.get(first[i] + 1).values();
        String name = spec.node(i).name();
        AttributeProto[] transB = {GraphWriter.integer("transB", 1)};
        String hint = "/" + name + "/Gemm";
        if (int8.contains(name)) {
            String[] wb = quantized.weightsAndBias(name, weight.shape(), weight.values(), bias, inputRange(i, name));
            return w.node("Gemm", hint, transB, in, wb[0], wb[1]);
        }
        if (readsDynamicQuantization(i)) {
            return quantized.dynamicDense(name, in, weight, bias);
        }
        return w.node("Gemm", hint, transB, in, w.floats(name + "_w", weight.shape(), weight.values()),
                w.floats(name + "_b", new long[] {bias.length}, bias));
    }

    private String batchNorm(int i, String in, String hint) {
        long[] dims = {tensors.get(first[i]).shape()[0]};
        String[] names = {"_gamma", "_beta", "_mean", "_var"};
        String[] inputs = new String[5];
        inputs[0] = in;
        for (int k = 0; k < 4; k++) {
            inputs[k + 1] = w.floats(hint + names[k], dims, tensors.get(first[i] + k).values());
        }
        return w.node("BatchNormalization", hint, new AttributeProto[] {
            GraphWriter.real("epsilon", OnnxExporter.BATCH_NORM_EPSILON)}, inputs);
    }

    /** x * scale + shift, the constants shaped to broadcast over channels ({@code C x 1 x 1}) or features. */
    private String affine(int i, String in, String hint) {
        Tensor scale = tensors.get(first[i]);
        Tensor shift = tensors.get(first[i] + 1);
        int c = scale.size();
        long[] dims = flatInput(i) ? new long[] {c} : new long[] {c, 1, 1};
        String scaled = w.node("Mul", hint + "_scale", in, w.floats(hint + "_s", dims, scale.values()));
        return w.node("Add", hint, scaled, w.floats(hint + "_b", dims, shift.values()));
    }

    private String activation(Activation a, String in, String hint) {
        return switch (a.kind()) {
            case LEAKY_RELU -> w.node("LeakyRelu", hint, new AttributeProto[] {GraphWriter.real("alpha", a.a())}, in);
            case SIGMOID -> w.node("Sigmoid", hint, in);
            case TANH -> w.node("Tanh", hint, in);
            case CLIP -> w.node("Clip", hint, in, w.floats(hint + "_min", new long[0], new float[] {a.a()}),
                    w.floats(hint + "_max", new long[0], new float[] {a.b()}));
            case HARD_SIGMOID -> hardSigmoid(in, hint, a.a(), a.b());
            case HARD_SWISH -> w.node("Mul", hint, in, hardSigmoid(in, hint + "_gate", 1f / 6, 0.5f));
        };
    }

    private String hardSigmoid(String in, String hint, float alpha, float beta) {
        return w.node("HardSigmoid", hint, new AttributeProto[] {GraphWriter.real("alpha", alpha),
            GraphWriter.real("beta", beta)}, in);
    }

    /** The ONNX operator a node mostly becomes, for its ONNX node's name. */
    private static String onnxOp(Layer layer) {
        String simple = layer.getClass().getSimpleName();
        return layer instanceof Activation a ? a.kind().token() : simple;
    }

    /** The BatchNormalization to fold into convolution {@code i}: its only reader, reading nothing else; or -1. */
    private int foldableNorm(int i) {
        List<Integer> readers = consumers.get(i);
        if (readers.size() == 1 && spec.node(readers.get(0)).layer() instanceof Norm) {
            return readers.get(0);
        }
        return -1;
    }

    /** The calibrated range of what int8 layer {@code i} reads: a static fake-quantize must be its input. */
    private float[] inputRange(int i, String name) {
        int input = spec.indexOf(spec.node(i).inputs().get(0));
        if (input >= 0 && spec.node(input).layer() instanceof FakeQuant q && !q.dynamic()) {
            return new float[] {q.min(), q.max()};
        }
        throw new IllegalArgumentException(name + " cannot run in int8: no calibrated input range in front of it"
                + " (quantize statically first)");
    }

    private boolean readsDynamicQuantization(int i) {
        int input = spec.indexOf(spec.node(i).inputs().get(0));
        return input >= 0 && spec.node(input).layer() instanceof FakeQuant q && q.dynamic();
    }

    private boolean flatInput(int i) {
        int input = spec.indexOf(spec.node(i).inputs().get(0));
        return input >= 0 && flat[input];
    }

    /**
     * Whether static fake-quantize {@code i} becomes a quantize/dequantize pair: an int8 layer reads it, or it
     * quantizes the output of an int8 layer (through its batch norm and ReLU or ReLU6, each read by nothing else),
     * or the output of a join (add, concat, multiplication) whose inputs are all such pairs, which ONNX Runtime then
     * runs as an integer add or concat.
     */
    private boolean emitsPair(int i) {
        return pairs.computeIfAbsent(i, this::decidePair);
    }

    private boolean decidePair(int i) {
        for (int reader : consumers.get(i)) {
            if (int8.contains(spec.node(reader).name()) && isWeighted(reader)) {
                return true;
            }
        }
        int first = spec.indexOf(spec.node(i).inputs().get(0));
        int at = first;
        while (at >= 0 && !isWeighted(at) && passesQuantization(spec.node(at).layer()) && consumers.get(at).size() == 1) {
            at = spec.indexOf(spec.node(at).inputs().get(0));
        }
        if (at < 0 || consumers.get(at).size() != 1 && at != first) {
            return false;
        }
        if (isWeighted(at)) {
            return int8.contains(spec.node(at).name());
        }
        return spec.node(at).layer() instanceof Layer.Join && spec.node(at).inputs().stream().allMatch(in -> {
            int producer = spec.indexOf(in);
            return producer >= 0 && spec.node(producer).layer() instanceof FakeQuant q && !q.dynamic()
                    && emitsPair(producer);
        });
    }

    private static boolean passesQuantization(Layer layer) {
        return layer instanceof Relu || layer instanceof Norm
                || layer instanceof Activation a && a.kind() == Activation.Kind.CLIP;
    }

    private boolean isWeighted(int i) {
        Layer layer = spec.node(i).layer();
        return layer instanceof Conv || layer instanceof Dense;
    }

    /** For each node, the weighted layer it serves: itself, or the nearest one up its first inputs; else "input". */
    private String[] owners() {
        String[] owners = new String[spec.nodes().size()];
        for (int i = 0; i < owners.length; i++) {
            Node node = spec.node(i);
            if (isWeighted(i)) {
                owners[i] = node.name();
            } else if (node.layer() instanceof Layer.Join) {
                owners[i] = node.name();
            } else {
                int input = spec.indexOf(node.inputs().get(0));
                owners[i] = input < 0 ? "input" : owners[input];
            }
        }
        return owners;
    }
}
