package org.paretowb.services.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paretowb.services.onnx.proto.Onnx.AttributeProto;
import org.paretowb.services.onnx.proto.Onnx.GraphProto;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.OperatorSetIdProto;
import org.paretowb.services.onnx.proto.Onnx.StringStringEntryProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;
import org.paretowb.services.onnx.proto.Onnx.ValueInfoProto;

/**
 * Joins networks exported by {@link OnnxExporter} into one ONNX graph: every member's graph side by side on the
 * one input {@code images} (its values renamed with a prefix of its own), then a weighted mean of their logits, or
 * of their probabilities (a softmax per member first), as the output {@code logits}. ONNX Runtime runs the
 * members one after the other in a sequential session and may run them at once in a parallel one. Members must
 * take the same input (element type and C x H x W) and give the same number of classes.
 */
public final class EnsembleGraph {
    /** What is averaged. */
    public enum Combine {
        LOGITS("logits"), PROBS("probabilities");

        private final String words;

        Combine(String words) {
            this.words = words;
        }

        public static Combine parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "logits" -> LOGITS;
                case "probs", "probabilities" -> PROBS;
                default -> throw new IllegalArgumentException("--combine takes logits or probs, not '" + text + "'");
            };
        }

        public String words() {
            return words;
        }
    }

    /** The metadata key that names an ensemble's members and rule in the joint file. */
    public static final String METADATA_KEY = "paretowb.ensemble";

    private EnsembleGraph() {
    }

    /** Equal weights, one per member. */
    public static double[] equalWeights(int members) {
        double[] w = new double[members];
        java.util.Arrays.fill(w, 1.0 / members);
        return w;
    }

    /** Weights scaled to sum to 1; refused when one is negative or all are 0, or their count is not the members'. */
    public static double[] normalised(double[] weights, int members) {
        if (weights.length != members) {
            throw new IllegalArgumentException("--weights gives " + weights.length + " weights for " + members
                    + " members");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("--weights must be 0 or more, got " + w);
            }
            sum += w;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("--weights are all 0");
        }
        double[] out = new double[members];
        for (int i = 0; i < members; i++) {
            out[i] = weights[i] / sum;
        }
        return out;
    }

    /** How the rule reads in a point's provenance: "mean of logits, weights 0.50, 0.50". */
    public static String rule(Combine combine, double[] weights) {
        StringBuilder text = new StringBuilder("mean of ").append(combine.words()).append(", weights ");
        for (int i = 0; i < weights.length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", weights[i]));
        }
        return text.toString();
    }

    /**
     * The joint model. {@code weights} (one per member, as given: scale them first) multiply each member's output
     * before the sum. {@code description} goes into the file's metadata under {@link #METADATA_KEY}.
     */
    public static byte[] join(List<byte[]> members, Combine combine, double[] weights, String description) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs two members or more, got " + members.size());
        }
        if (weights.length != members.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members");
        }
        List<ModelProto> models = new ArrayList<>();
        for (byte[] bytes : members) {
            models.add(parse(bytes));
        }
        ModelProto first = models.get(0);
        ValueInfoProto input = first.getGraph().getInput(0);
        ValueInfoProto output = first.getGraph().getOutput(0);
        for (int m = 1; m < models.size(); m++) {
            requireSame("input", input, models.get(m).getGraph().getInput(0), m);
            requireSame("output", output, models.get(m).getGraph().getOutput(0), m);
        }
        GraphProto.Builder graph = GraphProto.newBuilder().setName("paretowb-ensemble")
                .addInput(input.toBuilder().setName(OnnxExporter.INPUT));
        List<String> weighted = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            String out = addMember(graph, models.get(m).getGraph(), "m" + m + "/");
            if (combine == Combine.PROBS) {
                out = node(graph, "Softmax", "ensemble/probs" + m, List.of(out),
                        AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)
                                .build());
            }
            String scale = "ensemble/weight" + m;
            graph.addInitializer(TensorProto.newBuilder().setName(scale)
                    .setDataType(TensorProto.DataType.FLOAT.getNumber()).addFloatData((float) weights[m]));
            weighted.add(node(graph, "Mul", "ensemble/weighted" + m, List.of(out, scale), null));
        }
        String sum = node(graph, "Sum", "ensemble/sum", weighted, null);
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").setName("ensemble/out").addInput(sum)
                .addOutput(OnnxExporter.OUTPUT));
        graph.addOutput(output.toBuilder().setName(OnnxExporter.OUTPUT));
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(first.getIrVersion())
                .setProducerName("Pareto Workbench").setProducerVersion("0.1")
                .addAllOpsetImport(opsets(models));
        for (StringStringEntryProto p : first.getMetadataPropsList()) {
            if (!p.getKey().equals("paretowb.network")) { // one network's description would misdescribe the whole
                model.addMetadataProps(p);
            }
        }
        model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(METADATA_KEY).setValue(description));
        return model.setGraph(graph).build().toByteArray();
    }

    private static ModelProto parse(byte[] bytes) {
        try {
            ModelProto model = ModelProto.parseFrom(bytes);
            if (model.getGraph().getInputCount() != 1 || model.getGraph().getOutputCount() != 1) {
                throw new IllegalArgumentException("an ensemble member must have one input and one output, this one"
                        + " has " + model.getGraph().getInputCount() + " and " + model.getGraph().getOutputCount());
            }
            return model;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("an ensemble member is not an ONNX model: " + e.getMessage(), e);
        }
    }

    /** Refuses members whose input (or output) differ in element type or in a fixed dimension. */
    private static void requireSame(String what, ValueInfoProto a, ValueInfoProto b, int member) {
        var ta = a.getType().getTensorType();
        var tb = b.getType().getTensorType();
        boolean same = ta.getElemType() == tb.getElemType() && ta.getShape().getDimCount() == tb.getShape().getDimCount();
        for (int d = 1; same && d < ta.getShape().getDimCount(); d++) { // dimension 0 is the batch
            same = ta.getShape().getDim(d).getDimValue() == tb.getShape().getDim(d).getDimValue();
        }
        if (!same) {
            throw new IllegalArgumentException("the ensemble's members differ in their " + what + ": member 1 has "
                    + shape(a) + ", member " + (member + 1) + " has " + shape(b));
        }
    }

    private static String shape(ValueInfoProto v) {
        List<String> dims = new ArrayList<>();
        for (var d : v.getType().getTensorType().getShape().getDimList()) {
            dims.add(d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue()));
        }
        return String.join("x", dims);
    }

    /** Copies a member's nodes and initializers under {@code prefix}; returns its output's new name. */
    private static String addMember(GraphProto.Builder graph, GraphProto member, String prefix) {
        String input = member.getInput(0).getName();
        Map<String, String> rename = new LinkedHashMap<>();
        rename.put(input, OnnxExporter.INPUT);
        java.util.function.Function<String, String> name = n -> n.isEmpty() ? n
                : rename.computeIfAbsent(n, k -> prefix + k);
        for (TensorProto t : member.getInitializerList()) {
            graph.addInitializer(t.toBuilder().setName(name.apply(t.getName())));
        }
        for (NodeProto n : member.getNodeList()) {
            NodeProto.Builder copy = n.toBuilder().clearInput().clearOutput().setName(prefix + n.getName());
            n.getInputList().forEach(i -> copy.addInput(name.apply(i)));
            n.getOutputList().forEach(o -> copy.addOutput(name.apply(o)));
            graph.addNode(copy);
        }
        for (ValueInfoProto v : member.getValueInfoList()) {
            graph.addValueInfo(v.toBuilder().setName(name.apply(v.getName())));
        }
        return name.apply(member.getOutput(0).getName());
    }

    private static String node(GraphProto.Builder graph, String op, String output, List<String> inputs,
                               AttributeProto attribute) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(output).addAllInput(inputs)
                .addOutput(output);
        if (attribute != null) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return output;
    }

    /** Every domain the members import, at the highest version any member asks for. */
    private static List<OperatorSetIdProto> opsets(List<ModelProto> models) {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (ModelProto m : models) {
            for (OperatorSetIdProto o : m.getOpsetImportList()) {
                versions.merge(o.getDomain(), o.getVersion(), Math::max);
            }
        }
        List<OperatorSetIdProto> out = new ArrayList<>();
        versions.forEach((domain, version) -> out.add(OperatorSetIdProto.newBuilder().setDomain(domain)
                .setVersion(version).build()));
        return out;
    }
}
