package org.paretowb.services.compress;

import org.paretowb.models.network.Concat;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import org.paretowb.models.network.Flatten;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Node;

/**
 * Which channels of a network must go together (the dependency graph of Fang et al., "DepGraph", CVPR 2023, as
 * Torch-Pruning builds it, at the granularity of single channels). Every channel of every tensor is an element;
 * elements that one removal must take together are joined: a batch norm, an activation or a pool joins each
 * output channel to its input channel; an add or a multiplication joins the same channel of all its inputs and its
 * output; a concatenation joins each output channel to the channel of the input it came from; a depthwise
 * convolution joins each output channel to the input channel it reads; a flatten joins each feature to its
 * channel. A convolution or dense layer's output channels start new elements: its input channels are only read.
 * A class of joined elements is one prunable unit, unless it holds a channel of the network's input or output or
 * of a grouped (not depthwise) convolution, which stay.
 */
final class ChannelGraph {
    private final NetworkSpec spec;
    private final int[] base;
    private final int[] size;
    private final int[] parent;
    private final boolean[] frozen;
    private final List<List<int[]>> inputShapes;

    /** Tensor t is the network's input for t = 0, node t - 1's output otherwise. */
    ChannelGraph(NetworkSpec spec) {
        this.spec = spec;
        List<int[]> outputs = spec.outputShapes();
        boolean[] flat = spec.flat();
        int tensors = spec.nodes().size() + 1;
        base = new int[tensors];
        size = new int[tensors];
        size[0] = spec.channels();
        for (int i = 0; i < outputs.size(); i++) {
            int[] s = outputs.get(i);
            size[i + 1] = flat[i] ? s[0] * s[1] * s[2] : s[0];
        }
        int total = 0;
        for (int t = 0; t < tensors; t++) {
            base[t] = total;
            total += size[t];
        }
        parent = new int[total];
        for (int e = 0; e < total; e++) {
            parent[e] = e;
        }
        inputShapes = spec.allInputShapes();
        boolean[] frozenElement = new boolean[total];
        for (int c = 0; c < size[0]; c++) {
            frozenElement[element(0, c)] = true;
        }
        int last = spec.nodes().size();
        for (int c = 0; c < size[last]; c++) {
            frozenElement[element(last, c)] = true;
        }
        for (int i = 0; i < spec.nodes().size(); i++) {
            join(i, frozenElement);
        }
        frozen = new boolean[total];
        for (int e = 0; e < total; e++) {
            if (frozenElement[e]) {
                frozen[root(e)] = true;
            }
        }
    }

    NetworkSpec spec() {
        return spec;
    }

    /** The tensor index of a name: 0 for the input, node index + 1 otherwise. */
    int tensor(String name) {
        return name.equals(NetworkSpec.INPUT) ? 0 : spec.indexOf(name) + 1;
    }

    int channels(int tensor) {
        return size[tensor];
    }

    /** The class (its root element) of channel {@code c} of tensor {@code t}. */
    int classOf(int t, int c) {
        return root(element(t, c));
    }

    boolean prunable(int root) {
        return !frozen[root];
    }

    /** Whether node {@code i} is a convolution whose groups are neither one nor one per input channel. */
    boolean groupedConv(int i) {
        return spec.node(i).layer() instanceof Conv conv && conv.groups() != 1
                && !conv.depthwise(inputShapes.get(i).get(0)[0]);
    }

    /** A group: the weighted layers that produce its channels, and its prunable classes (root elements). */
    record Group(List<String> layers, List<Integer> units) {
    }

    /**
     * The prunable groups: classes produced by the same convolution and dense layers form one group, its units
     * in the order of their first producer's channels.
     */
    List<Group> groups() {
        Map<Integer, TreeSet<Integer>> producers = new LinkedHashMap<>();
        Map<Integer, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < spec.nodes().size(); i++) {
            if (!producesChannels(i)) {
                continue;
            }
            for (int c = 0; c < size[i + 1]; c++) {
                int root = classOf(i + 1, c);
                if (prunable(root)) {
                    producers.computeIfAbsent(root, r -> new TreeSet<>()).add(i);
                    order.putIfAbsent(root, order.size());
                }
            }
        }
        Map<TreeSet<Integer>, List<Integer>> byProducers = new LinkedHashMap<>();
        order.keySet().forEach(root -> byProducers.computeIfAbsent(producers.get(root), p -> new ArrayList<>()).add(root));
        List<Group> groups = new ArrayList<>();
        byProducers.forEach((nodes, units) -> groups.add(new Group(
                nodes.stream().map(n -> spec.node(n).name()).toList(), List.copyOf(units))));
        return groups;
    }

    /** Whether node {@code i} computes channels of its own: a convolution or dense layer (not a grouped one). */
    boolean producesChannels(int i) {
        Layer layer = spec.node(i).layer();
        return (layer instanceof Conv || layer instanceof Dense) && !groupedConv(i);
    }

    private void join(int i, boolean[] frozenElement) {
        Node node = spec.node(i);
        int out = i + 1;
        List<Integer> ins = node.inputs().stream().map(this::tensor).toList();
        Layer layer = node.layer();
        if (layer instanceof Conv conv) {
            int in = ins.get(0);
            if (conv.depthwise(size[in])) {
                int multiplier = conv.filters() / conv.groups();
                for (int c = 0; c < size[out]; c++) {
                    union(element(out, c), element(in, c / multiplier));
                }
            } else if (conv.groups() != 1) {
                for (int c = 0; c < size[in]; c++) {
                    frozenElement[element(in, c)] = true;
                }
                for (int c = 0; c < size[out]; c++) {
                    frozenElement[element(out, c)] = true;
                }
            }
        } else if (layer instanceof Dense) {
            return;
        } else if (layer instanceof Flatten) {
            int in = ins.get(0);
            int[] shape = inputShapes.get(i).get(0);
            int spatial = shape[1] * shape[2];
            for (int f = 0; f < size[out]; f++) {
                union(element(out, f), element(in, f / spatial));
            }
        } else if (layer instanceof Concat) {
            int offset = 0;
            for (int in : ins) {
                for (int c = 0; c < size[in]; c++) {
                    union(element(out, offset + c), element(in, c));
                }
                offset += size[in];
            }
        } else {
            for (int in : ins) {
                for (int c = 0; c < size[out]; c++) {
                    union(element(out, c), element(in, size[in] == 1 ? 0 : c));
                }
            }
        }
    }

    private int element(int tensor, int channel) {
        return base[tensor] + channel;
    }

    private int root(int e) {
        while (parent[e] != e) {
            parent[e] = parent[parent[e]];
            e = parent[e];
        }
        return e;
    }

    private void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
