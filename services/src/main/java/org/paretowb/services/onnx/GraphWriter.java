package org.paretowb.services.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.GraphProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;

/** Adds nodes and initializers to an ONNX graph under generated, unique names. */
final class GraphWriter {
    private final GraphProto.Builder graph;
    private final java.util.Map<String, String> owners = new java.util.HashMap<>();
    private int counter;
    private String owner = "";

    GraphWriter(GraphProto.Builder graph) {
        this.graph = graph;
    }

    /** The weighted layer that the nodes added from now on serve (what a profile charges their time to). */
    void owner(String layer) {
        owner = layer;
    }

    /** For each node added, the layer it serves. */
    java.util.Map<String, String> owners() {
        return java.util.Map.copyOf(owners);
    }

    /** A fresh value name starting with {@code hint}. */
    String name(String hint) {
        return hint + "_" + counter++;
    }

    /** Adds a node with one output and returns the output's name. */
    String node(String opType, String hint, AttributeProto[] attributes, String... inputs) {
        String output = name(hint);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output)
                .addAllInput(Arrays.asList(inputs)).addOutput(output);
        owners.put(output, owner);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return output;
    }

    /** Copies {@code value} to a value of the given name (the graph's output). */
    void identity(String value, String name) {
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").setName(name(name)).addInput(value).addOutput(name));
    }

    String node(String opType, String hint, String... inputs) {
        return node(opType, hint, new AttributeProto[0], inputs);
    }

    /** Adds a node with several outputs, named after {@code hint}, and returns them. */
    String[] nodeWithOutputs(String opType, String hint, int outputs, String... inputs) {
        String nodeName = name(hint);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(nodeName)
                .addAllInput(Arrays.asList(inputs));
        owners.put(nodeName, owner);
        String[] names = new String[outputs];
        for (int i = 0; i < outputs; i++) {
            names[i] = name(hint + "_out");
            node.addOutput(names[i]);
        }
        graph.addNode(node);
        return names;
    }

    String floats(String hint, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return initializer(hint, dims, TensorProto.DataType.FLOAT, raw.array());
    }

    String int8s(String hint, long[] dims, byte[] values) {
        return initializer(hint, dims, TensorProto.DataType.INT8, values);
    }

    String uint8s(String hint, long[] dims, byte[] values) {
        return initializer(hint, dims, TensorProto.DataType.UINT8, values);
    }

    String int32s(String hint, long[] dims, int[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asIntBuffer().put(values);
        return initializer(hint, dims, TensorProto.DataType.INT32, raw.array());
    }

    String int64s(String hint, long[] dims, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return initializer(hint, dims, TensorProto.DataType.INT64, raw.array());
    }

    private String initializer(String hint, long[] dims, TensorProto.DataType type, byte[] raw) {
        String name = name(hint);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }
}
