package org.paretowb.services.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;

/**
 * Reads an ONNX file into the workbench's own network graph and weights, so that every technique (the structured
 * ones included) works on it and the result exports back to ONNX. Any directed acyclic graph of the operators of
 * torchvision's classification networks imports ({@link OpReader#SUPPORTED}): residual adds, concatenations,
 * depthwise and strided convolutions, squeeze-and-excitation multiplications; edges are followed by tensor name.
 *
 * <p>Constants come from initializers, Constant nodes and Identity of a constant. An Add, Sub, Mul or Div by a
 * constant (one value, or one per channel or feature) becomes a scale and shift per channel, folded into the
 * layer before it where nothing else reads that layer (a normalisation written at the input stays a node).
 * Dropout and Identity are skipped, as is a Softmax after which nothing is computed (the class with the highest
 * score is the same). Any other operator, or one used in a way the workbench cannot represent, is refused with
 * its name, its node, the attribute at fault and what the user can do; {@link #initializers} still lists such a
 * file's weights.
 */
public final class OnnxImporter {

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
        return new GraphReader(model.getGraph(), source).read();
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
}
