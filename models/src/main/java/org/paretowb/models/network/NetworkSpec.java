package org.paretowb.models.network;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A network as a directed acyclic graph of named nodes on an input of (channels, height, width). Nodes are
 * listed in an order in which every node comes after the nodes it reads; the last node's tensor is the output.
 * A plain chain (each node reads the one before) is the special case the examples are. It builds the DJL block,
 * gives every node's shapes and MACs, and is written into weight files as one line of text ({@link NetworkText}),
 * for example {@code 1x28x28 conv16k3p1 bn relu maxpool2 flatten dense128 relu dense10} for a chain.
 */
public record NetworkSpec(int channels, int height, int width, List<Node> nodes) {
    /** The name by which nodes read the network's input. */
    public static final String INPUT = "input";

    public NetworkSpec {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        nodes = List.copyOf(nodes);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node.name().equals(INPUT) || seen.putIfAbsent(node.name(), i) != null) {
                throw new IllegalArgumentException("two nodes are named '" + node.name() + "'");
            }
            for (String in : node.inputs()) {
                if (!in.equals(INPUT) && (!seen.containsKey(in) || seen.get(in) == i)) {
                    throw new IllegalArgumentException("node " + node.name() + " reads '" + in
                            + "', which no node before it computes");
                }
            }
        }
        Shapes.of(channels, height, width, nodes);
        boolean[] used = new boolean[nodes.size()];
        for (Node node : nodes) {
            node.inputs().stream().filter(in -> !in.equals(INPUT)).forEach(in -> used[seen.get(in)] = true);
        }
        for (int i = 0; i < nodes.size() - 1; i++) {
            if (!used[i]) {
                throw new IllegalArgumentException("nothing reads node " + nodes.get(i).name()
                        + ": it does not lead to the output");
            }
        }
    }

    /** A chain of layers, each reading the one before, with default names (conv1, bn1, relu1, …, fc1, …). */
    public static NetworkSpec chain(int channels, int height, int width, List<? extends Layer> layers) {
        List<String> names = NetworkText.defaultNames(layers);
        List<Node> nodes = new ArrayList<>();
        String previous = INPUT;
        for (int i = 0; i < layers.size(); i++) {
            nodes.add(new Node(names.get(i), layers.get(i), List.of(previous)));
            previous = names.get(i);
        }
        return new NetworkSpec(channels, height, width, nodes);
    }

    /** Reads {@link #describe()}'s line; the message names the token that is not understood. */
    public static NetworkSpec parse(String line) {
        return NetworkText.parse(line);
    }

    /** One line: the input shape, then a token per node (see {@link NetworkText}). */
    public String describe() {
        return NetworkText.describe(this);
    }

    public Block newBlock() {
        return new GraphBlock(this);
    }

    public List<Layer> layers() {
        return nodes.stream().map(Node::layer).toList();
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    /** The index of the node of that name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every node reads only the node before it (the first, the input). */
    public boolean isChain() {
        String previous = INPUT;
        for (Node node : nodes) {
            if (!node.inputs().equals(List.of(previous))) {
                return false;
            }
            previous = node.name();
        }
        return true;
    }

    public int[] inputShape() {
        return new int[] {channels, height, width};
    }

    /** Each node's output shape, in node order. */
    public List<int[]> outputShapes() {
        return Shapes.of(channels, height, width, nodes);
    }

    /** The shapes node {@code index} reads. */
    public List<int[]> inputShapes(int index) {
        return inputShapes(index, outputShapes());
    }

    private List<int[]> inputShapes(int index, List<int[]> outputs) {
        List<int[]> shapes = new ArrayList<>();
        for (String in : nodes.get(index).inputs()) {
            shapes.add(in.equals(INPUT) ? inputShape() : outputs.get(indexOf(in)));
        }
        return shapes;
    }

    /** For each node, the shapes it reads. */
    public List<List<int[]>> allInputShapes() {
        List<int[]> outputs = outputShapes();
        Map<String, int[]> byName = new HashMap<>();
        byName.put(INPUT, inputShape());
        for (int i = 0; i < nodes.size(); i++) {
            byName.put(nodes.get(i).name(), outputs.get(i));
        }
        return nodes.stream().map(n -> n.inputs().stream().map(byName::get).toList()).toList();
    }

    /**
     * The shape each node receives (its first input): element i is the input of node i; the last is the
     * network's output. For a chain, the shapes in order along it.
     */
    public List<int[]> shapes() {
        List<List<int[]>> inputs = allInputShapes();
        List<int[]> shapes = new ArrayList<>(nodes.size() + 1);
        inputs.forEach(in -> shapes.add(in.get(0)));
        shapes.add(outputShape());
        return shapes;
    }

    /** The network's output shape (the last node's; the input's when there are no nodes). */
    public int[] outputShape() {
        List<int[]> outputs = outputShapes();
        return outputs.isEmpty() ? inputShape() : outputs.get(outputs.size() - 1);
    }

    public int outputs() {
        int[] out = outputShape();
        return out[0] * out[1] * out[2];
    }

    /** For each node, the indices of the nodes that read its tensor, in node order. */
    public List<List<Integer>> consumers() {
        List<List<Integer>> consumers = new ArrayList<>();
        nodes.forEach(n -> consumers.add(new ArrayList<>()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : nodes.get(i).inputs()) {
                if (!in.equals(INPUT)) {
                    consumers.get(index.get(in)).add(i);
                }
            }
            index.put(nodes.get(i).name(), i);
        }
        return consumers;
    }

    /** Every parameter tensor's shape, in the order DJL lists them (node after node). */
    public List<long[]> parameterShapes() {
        List<List<int[]>> inputs = allInputShapes();
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            all.addAll(nodes.get(i).layer().parameterShapes(inputs.get(i)));
        }
        return all;
    }

    /** For each node, the index of its first tensor in {@link #parameterShapes()}. */
    public int[] firstTensorOfLayer() {
        List<List<int[]>> inputs = allInputShapes();
        int[] first = new int[nodes.size()];
        int at = 0;
        for (int i = 0; i < nodes.size(); i++) {
            first[i] = at;
            at += nodes.get(i).layer().parameterShapes(inputs.get(i)).size();
        }
        return first;
    }

    /** Multiply-accumulates of each node for one sample. */
    public long[] macsPerNode() {
        List<List<int[]>> inputs = allInputShapes();
        long[] macs = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            macs[i] = nodes.get(i).layer().macs(inputs.get(i));
        }
        return macs;
    }

    /** Multiply-accumulates for one sample, counted from the layer shapes. */
    public long macs() {
        long total = 0;
        for (long m : macsPerNode()) {
            total += m;
        }
        return total;
    }

    /**
     * Whether each node's tensor holds features, (N, F) as a flatten or a dense layer gives, rather than maps,
     * (N, C, H, W); a global average pool gives maps of 1 x 1.
     */
    public boolean[] flat() {
        Map<String, Boolean> byName = new HashMap<>();
        byName.put(INPUT, false);
        boolean[] flat = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            flat[i] = node.layer() instanceof Flatten || node.layer() instanceof Dense
                    || node.inputs().stream().anyMatch(byName::get) && !(node.layer() instanceof GlobalAvgPool);
            byName.put(node.name(), flat[i]);
        }
        return flat;
    }

    public NetworkSpec withNodes(List<Node> newNodes) {
        return new NetworkSpec(channels, height, width, newNodes);
    }

    /**
     * The network without its unary nodes that {@code drop} selects, each reader of such a node reading that node's
     * input instead (for layers that pass their input through, such as fake-quantize nodes).
     */
    public NetworkSpec without(java.util.function.Predicate<Layer> drop) {
        Map<String, String> replaced = new HashMap<>();
        List<Node> kept = new ArrayList<>();
        for (Node node : nodes) {
            List<String> inputs = node.inputs().stream().map(in -> replaced.getOrDefault(in, in)).toList();
            if (drop.test(node.layer()) && node.layer() instanceof Layer.Unary) {
                replaced.put(node.name(), inputs.get(0));
            } else {
                kept.add(node.withInputs(inputs));
            }
        }
        return withNodes(kept);
    }

    /** A chain of the given layers on this network's input (for chains: the same network with other layers). */
    public NetworkSpec withLayers(List<? extends Layer> newLayers) {
        return chain(channels, height, width, newLayers);
    }
}
