package org.paretowb.services.onnx;

import org.paretowb.models.network.Dense;
import org.paretowb.models.network.Flatten;
import org.paretowb.models.network.GlobalAvgPool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Node;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.proto.Onnx.GraphProto;
import org.paretowb.services.onnx.proto.Onnx.NodeProto;
import org.paretowb.services.onnx.proto.Onnx.TensorProto;
import org.paretowb.services.onnx.proto.Onnx.ValueInfoProto;

/**
 * Reads an ONNX graph into a network graph: walks its nodes in dependency order (following tensors by name, not
 * the file's order), lets {@link OpReader} turn each into workbench nodes, keeps for each ONNX tensor the workbench
 * node that computes it, and at the end keeps only the nodes the output depends on.
 */
final class GraphReader {
    final String source;
    final Map<String, TensorProto> constants = new HashMap<>();
    final ShapeValues shapes = new ShapeValues();
    private final GraphProto graph;
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, Integer> readers = new HashMap<>();
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, List<String>> inputs = new HashMap<>();
    private final Map<String, List<Tensor>> params = new HashMap<>();
    private final Map<String, int[]> shapeOf = new HashMap<>();
    private final Map<String, Boolean> flatOf = new HashMap<>();
    private final NodeNames names;
    private int[] input;
    private String inputValue;

    GraphReader(GraphProto graph, String source) {
        this.graph = graph;
        this.source = source;
        for (TensorProto t : graph.getInitializerList()) {
            constants.put(t.getName(), t);
        }
        for (NodeProto node : graph.getNodeList()) {
            node.getInputList().forEach(in -> readers.merge(in, 1, Integer::sum));
        }
        graph.getOutputList().forEach(out -> readers.merge(out.getName(), 1, Integer::sum));
        names = new NodeNames(graph.getNodeList().stream()
                .filter(n -> !List.of("Constant", "Identity", "Shape", "Gather", "Unsqueeze", "Cast")
                        .contains(n.getOpType()))
                .map(NodeProto::getName).toList());
    }

    WeightSet read() throws WeightFileException {
        readInput();
        OpReader ops = new OpReader(this);
        for (NodeProto node : ordered()) {
            ops.read(node);
        }
        return network(outputRef());
    }

    private void readInput() throws WeightFileException {
        for (ValueInfoProto in : graph.getInputList()) {
            if (constants.containsKey(in.getName())) {
                continue;
            }
            var dims = in.getType().getTensorType().getShape().getDimList();
            boolean fixed = dims.stream().skip(1).allMatch(d -> d.hasDimValue() && d.getDimValue() > 0);
            if (dims.size() == 4 && fixed) {
                input = new int[] {(int) dims.get(1).getDimValue(), (int) dims.get(2).getDimValue(),
                        (int) dims.get(3).getDimValue()};
            } else if (dims.size() == 2 && fixed) {
                input = new int[] {(int) dims.get(1).getDimValue(), 1, 1};
            } else if (dims.size() == 3) {
                throw new WeightFileException(source + ": input '" + in.getName() + "' is 3-D (N, C, L): a network on"
                        + " sequences (Conv1d) is not supported; the workbench takes images (N, C, H, W) or features"
                        + " (N, F)");
            } else {
                throw new WeightFileException(source + ": input '" + in.getName() + "' has shape " + dims.size()
                        + "-D without fixed sizes; the workbench needs (N, C, H, W) or (N, features) with fixed C, H, W"
                        + " (export with a fixed input size)");
            }
            inputValue = in.getName();
            refs.put(inputValue, NetworkSpec.INPUT);
            shapeOf.put(NetworkSpec.INPUT, input);
            flatOf.put(NetworkSpec.INPUT, dims.size() == 2);
            return;
        }
        throw new WeightFileException(source + ": the graph has no input");
    }

    /** The nodes in an order in which each comes after the nodes whose outputs it reads. */
    private List<NodeProto> ordered() throws WeightFileException {
        Set<String> available = new HashSet<>(constants.keySet());
        graph.getInputList().forEach(in -> available.add(in.getName()));
        available.add("");
        List<NodeProto> pending = new ArrayList<>(graph.getNodeList());
        List<NodeProto> ordered = new ArrayList<>();
        Deque<NodeProto> queue = new ArrayDeque<>();
        while (!pending.isEmpty()) {
            queue.clear();
            pending.stream().filter(n -> available.containsAll(n.getInputList())).forEach(queue::add);
            if (queue.isEmpty()) {
                NodeProto stuck = pending.get(0);
                String missing = stuck.getInputList().stream().filter(in -> !available.contains(in)).findFirst()
                        .orElse("?");
                throw new WeightFileException(source + ": node " + describe(stuck) + " reads '" + missing
                        + "', which no node computes (or the graph has a cycle)");
            }
            for (NodeProto node : queue) {
                ordered.add(node);
                available.addAll(node.getOutputList());
            }
            pending.removeAll(queue);
        }
        return ordered;
    }

    /** The workbench node computing ONNX value {@code value}, or null when none does (a constant, or unknown). */
    String ref(String value) {
        return refs.get(value);
    }

    /** How many nodes (and graph outputs) read an ONNX value. */
    int readers(String value) {
        return readers.getOrDefault(value, 0);
    }

    /** Makes ONNX value {@code value} another name for what workbench node {@code ref} computes. */
    void alias(String value, String ref) {
        refs.put(value, ref);
    }

    int[] shape(String ref) {
        return shapeOf.get(ref);
    }

    boolean flat(String ref) {
        return flatOf.get(ref);
    }

    Layer layer(String ref) {
        return layers.get(ref);
    }

    List<Tensor> params(String ref) {
        return params.get(ref);
    }

    void replaceParams(String ref, List<Tensor> tensors) {
        params.put(ref, List.copyOf(tensors));
    }

    /** Adds a workbench node for ONNX node {@code onnx} and maps its first output to it. */
    String emit(NodeProto onnx, Layer layer, List<String> reads, List<Tensor> tensors) throws WeightFileException {
        String name = names.name(onnx.getName(), onnx.getOpType(), layer);
        List<int[]> in = reads.stream().map(shapeOf::get).toList();
        int[] out;
        try {
            out = layer.outputShape(in);
        } catch (IllegalArgumentException e) {
            throw unsupported(onnx, "does not fit its inputs: " + e.getMessage());
        }
        if (out[0] <= 0 || out[1] <= 0 || out[2] <= 0) {
            throw unsupported(onnx, "leaves no output from an input of " + in.get(0)[0] + "x" + in.get(0)[1] + "x"
                    + in.get(0)[2]);
        }
        layers.put(name, layer);
        inputs.put(name, List.copyOf(reads));
        params.put(name, List.copyOf(tensors));
        shapeOf.put(name, out);
        flatOf.put(name, layer instanceof Flatten || layer instanceof Dense
                || reads.stream().anyMatch(flatOf::get) && !(layer instanceof GlobalAvgPool));
        refs.put(onnx.getOutput(0), name);
        return name;
    }

    /** The workbench node of the graph's (first) output; a message when it does not depend on the input. */
    private String outputRef() throws WeightFileException {
        if (graph.getOutputCount() == 0) {
            throw new WeightFileException(source + ": the graph has no output");
        }
        String value = graph.getOutput(0).getName();
        String ref = refs.get(value);
        if (ref == null || ref.equals(NetworkSpec.INPUT)) {
            throw new WeightFileException(source + ": the graph's output '" + value + "' does not depend on its input '"
                    + inputValue + "'" + (ref == null ? " (it is computed from constants only)" : ""));
        }
        return ref;
    }

    /** The nodes the output depends on, in the order they were read, and their tensors. */
    private WeightSet network(String output) throws WeightFileException {
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(output));
        while (!todo.isEmpty()) {
            String ref = todo.pop();
            if (!ref.equals(NetworkSpec.INPUT) && needed.add(ref)) {
                todo.addAll(inputs.get(ref));
            }
        }
        List<Node> nodes = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        List<String> order = new ArrayList<>(layers.keySet());
        order.retainAll(needed);
        order.remove(output);
        order.add(output);
        AffineFold.fold(order, layers, inputs, params);
        renameDefaults(order);
        for (String name : order) {
            nodes.add(new Node(name, layers.get(name), inputs.get(name)));
            tensors.addAll(params.get(name));
        }
        try {
            return new WeightSet(new NetworkSpec(input[0], input[1], input[2], nodes), tensors);
        } catch (IllegalArgumentException e) {
            throw new WeightFileException(source + ": the layers do not fit together: " + e.getMessage());
        }
    }

    /** Default names (conv1, relu2, …) again in final order, once folding and dead nodes have left gaps. */
    private void renameDefaults(List<String> order) {
        Map<String, String> renamed = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> taken = new HashSet<>(order);
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            Layer layer = layers.get(name);
            String wanted = layer.stem() + counts.merge(layer.stem(), 1, Integer::sum);
            if (names.isDefault(name) && !wanted.equals(name) && !taken.contains(wanted)) {
                renamed.put(name, wanted);
                taken.remove(name);
                taken.add(wanted);
                order.set(i, wanted);
                layers.put(wanted, layers.get(name));
                inputs.put(wanted, inputs.get(name));
                params.put(wanted, params.get(name));
            }
        }
        for (String name : order) {
            inputs.put(name, inputs.get(name).stream().map(in -> renamed.getOrDefault(in, in)).toList());
        }
    }

    /**
     * A Softmax (or LogSoftmax) is left out, which keeps the most likely class, but only where nothing reads it
     * other than the graph's output (through Identity or Dropout).
     */
    void markSoftmax(NodeProto softmax) throws WeightFileException {
        Deque<String> values = new ArrayDeque<>(List.of(softmax.getOutput(0)));
        Set<String> outputs = new HashSet<>();
        graph.getOutputList().forEach(o -> outputs.add(o.getName()));
        while (!values.isEmpty()) {
            String value = values.pop();
            for (NodeProto reader : graph.getNodeList()) {
                if (!reader.getInputList().contains(value)) {
                    continue;
                }
                if (!List.of("Identity", "Dropout").contains(reader.getOpType())) {
                    throw unsupported(softmax, "is supported as the last operation only (" + reader.getOpType()
                            + " in node " + describe(reader) + " reads it)");
                }
                values.add(reader.getOutput(0));
            }
        }
    }

    WeightFileException unsupported(NodeProto node, String why) {
        return new WeightFileException(source + ": operator " + node.getOpType() + " in node " + describe(node) + " "
                + why);
    }

    static String describe(NodeProto node) {
        return node.getName().isEmpty() ? "(unnamed, output " + node.getOutput(0) + ")" : "'" + node.getName() + "'";
    }
}
