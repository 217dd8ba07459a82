package org.paretowb.services.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paretowb.models.network.Concat;
import org.paretowb.models.network.Mul;
import org.paretowb.models.network.Add;
import org.paretowb.models.network.Affine;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;

/** Arithmetic with constants and between tensors, concatenations, constants, padding and shape computations. */
final class ValueOps {
    private final GraphReader g;
    private final OpInputs inputs;

    ValueOps(GraphReader graph, OpInputs inputs) {
        this.g = graph;
        this.inputs = inputs;
    }

    void arithmetic(NodeProto node) throws WeightFileException {
        String op = node.getOpType();
        boolean firstConstant = inputs.isConstant(node.getInput(0));
        boolean secondConstant = inputs.isConstant(node.getInput(1));
        if (firstConstant && secondConstant) {
            throw g.unsupported(node, "computes from constants only; the network's output must depend on its input");
        }
        if (!firstConstant && !secondConstant) {
            if (op.equals("Sub") || op.equals("Div")) {
                throw g.unsupported(node, "of two computed tensors is not supported (only Add and Mul join tensors)");
            }
            g.emit(node, op.equals("Add") ? new Add() : new Mul(),
                    List.of(inputs.data(node, 0), inputs.data(node, 1)), List.of());
            return;
        }
        int at = firstConstant ? 1 : 0;
        String in = inputs.data(node, at);
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
        String name = g.emit(node, new Affine(), List.of(in), List.of());
        g.replaceParams(name, List.of(new Tensor(name + ".scale", new long[] {n}, scale),
                new Tensor(name + ".shift", new long[] {n}, shift)));
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

    void concat(NodeProto node) throws WeightFileException {
        if (node.getInputList().stream().allMatch(in -> g.shapes.has(in) || inputs.isConstant(in))) {
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
            ins.add(inputs.data(node, k));
        }
        if (ins.size() == 1) {
            g.alias(node.getOutput(0), ins.get(0));
        } else {
            g.emit(node, new Concat(), ins, List.of());
        }
    }

    /** A Constant node's tensor, from its {@code value} (or {@code value_float(s)}, {@code value_int(s)}) attribute. */
    void constant(NodeProto node) {
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
    void pad(NodeProto node) throws WeightFileException {
        long[] pads = OnnxValues.ints(node, "pads", null);
        if (pads == null && node.getInputCount() > 1 && g.constants.containsKey(node.getInput(1))) {
            pads = OnnxValues.longs(g.constants.get(node.getInput(1)));
        }
        if (pads == null || Arrays.stream(pads).anyMatch(p -> p != 0)) {
            throw g.unsupported(node, "is supported only when it pads nothing (give the padding to the Conv or pool"
                    + " instead)");
        }
        g.alias(node.getOutput(0), inputs.data(node, 0));
    }

    void shapeOf(NodeProto node) throws WeightFileException {
        String in = inputs.data(node, 0);
        g.shapes.put(node.getOutput(0), ShapeValues.of(g.shape(in), g.flat(in)));
    }

    void gather(NodeProto node) throws WeightFileException {
        if (!g.shapes.has(node.getInput(0)) || !g.constants.containsKey(node.getInput(1))) {
            throw g.unsupported(node, "is supported only on a tensor's shape (as in x.view(x.size(0), -1))");
        }
        g.shapes.put(node.getOutput(0), ShapeValues.gather(g.shapes.get(node.getInput(0)),
                OnnxValues.longs(g.constants.get(node.getInput(1)))));
    }

    /** Unsqueeze, Squeeze or Cast of a shape vector or an integer constant keeps its values. */
    void passShape(NodeProto node) throws WeightFileException {
        String in = node.getInput(0);
        if (g.shapes.has(in)) {
            g.shapes.put(node.getOutput(0), g.shapes.get(in));
        } else if (inputs.isConstant(in) && OnnxValues.isInteger(g.constants.get(in))) {
            g.shapes.put(node.getOutput(0), OnnxValues.longs(g.constants.get(in)));
        } else {
            throw g.unsupported(node, "is supported only on a tensor's shape (as in x.view(x.size(0), -1))");
        }
    }
}
