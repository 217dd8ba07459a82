package org.paretowb.services.onnx;

import java.util.Map;
import java.util.Set;
import org.paretowb.models.network.LayerNames;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.proto.Onnx.GraphProto;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.OperatorSetIdProto;
import org.paretowb.services.onnx.proto.Onnx.StringStringEntryProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;
import org.paretowb.services.onnx.proto.Onnx.TensorShapeProto;
import org.paretowb.services.onnx.proto.Onnx.TypeProto;
import org.paretowb.services.onnx.proto.Onnx.ValueInfoProto;

/**
 * Writes a network graph as an ONNX model (opset 13, IR 8) with a dynamic batch dimension: input {@code images}
 * (N x C x H x W, as the model's settings prepare them), output {@code logits} (N x classes). Every node of the
 * graph becomes ONNX nodes ({@link GraphExport}); a BatchNormalization read only by the convolution before it is
 * folded into that convolution, which computes the same function and lets int8 kernels take the convolution
 * whole. Unstructured-pruned weights are written as dense tensors, weight-only quantized ones as their fp32 values.
 *
 * <p>The layers named in {@code int8} (see {@link LayerNames}) run on int8 kernels, written as ONNX Runtime's own
 * static quantizer writes them (QDQ, see {@link QuantizedNodes}); dense layers behind a dynamic fake-quantize are
 * written as its dynamic quantizer writes them.
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
        return model(weights, int8, Map.of()).toByteArray();
    }

    /** As {@link #export(WeightSet, Set)}, with {@code metadata} among the file's metadata properties. */
    public byte[] export(WeightSet weights, Set<String> int8, Map<String, String> metadata) {
        return model(weights, int8, metadata).toByteArray();
    }

    ModelProto model(WeightSet weights, Set<String> int8) {
        return model(weights, int8, Map.of());
    }

    /** An export and, for each of its ONNX nodes, the weighted layer it serves (for per-layer profiles). */
    public record Exported(byte[] bytes, Map<String, String> owners) {
    }

    public Exported exportWithOwners(WeightSet weights, Set<String> int8) {
        GraphProto.Builder graph = GraphProto.newBuilder();
        GraphWriter writer = new GraphWriter(graph);
        new GraphExport(weights, int8, writer).run();
        return new Exported(export(weights, int8), writer.owners());
    }

    ModelProto model(WeightSet weights, Set<String> int8, Map<String, String> metadata) {
        NetworkSpec spec = weights.spec();
        Map<Integer, String> names = LayerNames.of(spec);
        for (String name : int8) {
            if (!names.containsValue(name)) {
                throw new IllegalArgumentException("no layer '" + name + "' in this network; its layers are "
                        + String.join(", ", names.values()));
            }
        }
        GraphProto.Builder graph = GraphProto.newBuilder().setName("paretowb");
        new GraphExport(weights, int8, new GraphWriter(graph)).run();
        graph.addInput(value(INPUT, spec.channels(), spec.height(), spec.width()));
        graph.addOutput(value(OUTPUT, spec.outputs()));
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(8).setProducerName("Pareto Workbench")
                .setProducerVersion("0.1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("paretowb.network").setValue(spec.describe()));
        metadata.forEach((key, text) -> model.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key).setValue(text)));
        return model.setGraph(graph).build();
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
}
