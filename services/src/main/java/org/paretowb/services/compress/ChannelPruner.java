package org.paretowb.services.compress;

import org.paretowb.models.network.Affine;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import org.paretowb.models.network.Norm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Node;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;

/**
 * Structured pruning that removes whole channels of convolutions and neurons of dense layers and rebuilds a
 * physically smaller network. Channels tied together ({@link ChannelGraph}: through residual adds, concatenations,
 * depthwise convolutions, batch norms and channel scalings) go as one unit, ranked by the norm of every weight
 * they hold: their filters in the layers that produce them and their input slices in the layers that read them
 * (L1, or L2 over all of them). Per layer (each group of tied layers keeps {@code 1 - ratio} of its units) or
 * global (the weakest {@code ratio} of all units by their norm relative to their group's mean). A convolution
 * group keeps a multiple of 8 channels, which ONNX Runtime's kernels need to run fast.
 */
public final class ChannelPruner {
    static final int ALIGN = 8;

    /** Which output channels each producing layer keeps, by node index; ascending indices; absent keeps all. */
    public record Plan(Map<Integer, int[]> kept) {
        public Plan {
            kept = Map.copyOf(kept);
        }
    }

    /** A group of layers whose channels go together: how many units it has, and how many a plan keeps. */
    public record Group(List<String> layers, int units, int kept) {
    }

    public WeightSet prune(WeightSet weights, StructuredPruningSettings settings) {
        return settings.active() ? rebuild(weights, plan(weights, settings)) : weights;
    }

    /** The groups of tied layers that structured pruning finds in the network (each keeping all its units). */
    public List<Group> groups(NetworkSpec spec) {
        return new ChannelGraph(spec).groups().stream()
                .map(g -> new Group(g.layers(), g.units().size(), g.units().size())).toList();
    }

    /** The groups, each with the units that these settings keep. */
    public List<Group> groups(WeightSet weights, StructuredPruningSettings settings) {
        ChannelGraph graph = new ChannelGraph(weights.spec());
        Set<Integer> removed = removals(graph, weights, settings);
        return graph.groups().stream().map(g -> new Group(g.layers(), g.units().size(),
                (int) g.units().stream().filter(u -> !removed.contains(u)).count())).toList();
    }

    public Plan plan(WeightSet weights, StructuredPruningSettings settings) {
        ChannelGraph graph = new ChannelGraph(weights.spec());
        return planOf(graph, removals(graph, weights, settings));
    }

    /** The units (class roots) the settings remove: per group by ratio, or globally by relative norm; aligned. */
    private static Set<Integer> removals(ChannelGraph graph, WeightSet weights, StructuredPruningSettings settings) {
        List<ChannelGraph.Group> groups = graph.groups();
        Map<Integer, Double> importance = new ChannelImportance(graph, weights.tensors(), settings.norm()).perClass();
        Set<Integer> removed = settings.scope() == StructuredPruningSettings.Scope.GLOBAL
                ? globalRemovals(groups, importance, settings.ratio()) : Set.of();
        Set<Integer> aligned = new HashSet<>();
        for (ChannelGraph.Group group : groups) {
            int keep = settings.scope() == StructuredPruningSettings.Scope.GLOBAL
                    ? (int) group.units().stream().filter(u -> !removed.contains(u)).count()
                    : Math.max(1, (int) Math.round((1 - settings.ratio()) * group.units().size()));
            keep = aligned(keep, group, graph);
            List<Integer> weakest = new ArrayList<>(group.units());
            weakest.sort(Comparator.comparingDouble(importance::get));
            aligned.addAll(weakest.subList(0, group.units().size() - keep));
        }
        return aligned;
    }

    /**
     * A convolution group of {@value #ALIGN} * 2 channels or more keeps a multiple of {@value #ALIGN} of them (the
     * nearest, at least {@value #ALIGN}): ONNX Runtime's blocked convolution kernels run on blocks of 8 channels,
     * and a count off the block made a pruned network slower than the original (measured: MobileNetV2 with half
     * its channels 2.3 times slower at batch 1, 25 % of ResNet-18's removed 1.5 times slower).
     */
    private static int aligned(int keep, ChannelGraph.Group group, ChannelGraph graph) {
        int units = group.units().size();
        boolean convolution = group.layers().stream()
                .anyMatch(l -> graph.spec().node(graph.spec().indexOf(l)).layer() instanceof Conv);
        if (!convolution || units < 2 * ALIGN) {
            return keep;
        }
        return Math.min(units, Math.max(ALIGN, (int) Math.round(keep / (double) ALIGN) * ALIGN));
    }

    /** The weakest {@code ratio} of all units by norm relative to their group's mean, at least one kept per group. */
    private static Set<Integer> globalRemovals(List<ChannelGraph.Group> groups, Map<Integer, Double> importance,
                                               double ratio) {
        record Unit(int group, int root, double relative) { }
        List<Unit> units = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> roots = groups.get(g).units();
            double mean = roots.stream().mapToDouble(importance::get).average().orElse(0);
            for (int root : roots) {
                units.add(new Unit(g, root, mean > 0 ? importance.get(root) / mean : 0));
            }
        }
        units.sort(Comparator.comparingDouble(Unit::relative).thenComparing(Unit::group).thenComparing(Unit::root));
        int remove = (int) Math.round(ratio * units.size());
        int[] left = groups.stream().mapToInt(g -> g.units().size()).toArray();
        Set<Integer> removed = new HashSet<>();
        for (Unit unit : units) {
            if (removed.size() == remove) {
                break;
            }
            if (left[unit.group()] > 1) {
                left[unit.group()]--;
                removed.add(unit.root());
            }
        }
        return removed;
    }

    /** For each producing layer, the channels whose class is not removed. */
    private static Plan planOf(ChannelGraph graph, Set<Integer> removed) {
        Map<Integer, int[]> kept = new HashMap<>();
        NetworkSpec spec = graph.spec();
        for (int i = 0; i < spec.nodes().size(); i++) {
            if (graph.producesChannels(i) && i != spec.nodes().size() - 1) {
                int t = i + 1;
                int[] channels = IntStream.range(0, graph.channels(t))
                        .filter(c -> !removed.contains(graph.classOf(t, c))).toArray();
                if (channels.length < graph.channels(t)) {
                    kept.put(i, channels);
                }
            }
        }
        return new Plan(kept);
    }

    /** The classes a plan removes: those of the producing layers' channels it does not keep. */
    private static Set<Integer> removedBy(ChannelGraph graph, Plan plan) {
        Set<Integer> removed = new HashSet<>();
        plan.kept().forEach((node, channels) -> {
            boolean[] keep = new boolean[graph.channels(node + 1)];
            Arrays.stream(channels).forEach(c -> keep[c] = true);
            for (int c = 0; c < keep.length; c++) {
                int root = graph.classOf(node + 1, c);
                if (!keep[c]) {
                    if (!graph.prunable(root)) {
                        throw new IllegalArgumentException("channel " + c + " of " + graph.spec().node(node).name()
                                + " cannot be removed: it is tied to the network's input or output or a grouped"
                                + " convolution");
                    }
                    removed.add(root);
                }
            }
        });
        return removed;
    }

    /** The smaller network the plan describes, with every dependent tensor sliced to fit. */
    public WeightSet rebuild(WeightSet weights, Plan plan) {
        ChannelGraph graph = new ChannelGraph(weights.spec());
        Set<Integer> removed = removedBy(graph, plan);
        NetworkSpec spec = weights.spec();
        int[][] kept = keptChannels(graph, removed);
        int[] first = spec.firstTensorOfLayer();
        List<List<int[]>> inputs = spec.allInputShapes();
        List<Node> nodes = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.node(i);
            Layer layer = node.layer();
            int count = layer.parameterShapes(inputs.get(i)).size();
            List<Tensor> own = weights.tensors().subList(first[i], first[i] + count);
            int[] out = kept[i + 1];
            int[] in = kept[graph.tensor(node.inputs().get(0))];
            if (layer instanceof Conv conv && !graph.groupedConv(i)) {
                boolean depthwise = conv.groups() != 1;
                Tensor filters = sliced(own.get(0), 0, out);
                tensors.add(depthwise ? filters : sliced(filters, 1, in));
                tensors.add(sliced(own.get(1), 0, out));
                nodes.add(node.withLayer(conv.withFilters(out.length, depthwise ? in.length : 1)));
            } else if (layer instanceof Dense) {
                tensors.add(sliced(sliced(own.get(0), 0, out), 1, in));
                tensors.add(sliced(own.get(1), 0, out));
                nodes.add(node.withLayer(new Dense(out.length)));
            } else if (layer instanceof Norm || layer instanceof Affine) {
                own.forEach(t -> tensors.add(sliced(t, 0, in)));
                nodes.add(node);
            } else {
                tensors.addAll(own);
                nodes.add(node);
            }
        }
        return new WeightSet(spec.withNodes(nodes), tensors);
    }

    /** For each tensor (0 the input, i + 1 node i's output), the channels it keeps, ascending. */
    private static int[][] keptChannels(ChannelGraph graph, Set<Integer> removed) {
        int tensors = graph.spec().nodes().size() + 1;
        int[][] kept = new int[tensors][];
        for (int t = 0; t < tensors; t++) {
            int tensor = t;
            kept[t] = IntStream.range(0, graph.channels(t)).filter(c -> !removed.contains(graph.classOf(tensor, c)))
                    .toArray();
        }
        return kept;
    }

    /**
     * The original network with the removed channels silenced instead of removed: the filters and biases that
     * produce them are zero, and so are their batch-norm scale and shift (and a constant scaling's), so they stay
     * zero after a ReLU, leaky ReLU or tanh, and through adds and concatenations. It then computes what the rebuilt
     * network computes (tests hold the two against each other); not behind a sigmoid, whose silenced units still
     * output 0.5 where the rebuilt network has none.
     */
    public WeightSet mask(WeightSet weights, Plan plan) {
        ChannelGraph graph = new ChannelGraph(weights.spec());
        Set<Integer> removed = removedBy(graph, plan);
        NetworkSpec spec = weights.spec();
        int[] first = spec.firstTensorOfLayer();
        List<Tensor> tensors = new ArrayList<>(weights.tensors());
        for (int i = 0; i < spec.nodes().size(); i++) {
            Layer layer = spec.node(i).layer();
            int t = graph.producesChannels(i) ? i + 1 : graph.tensor(spec.node(i).inputs().get(0));
            boolean[] keep = new boolean[graph.channels(t)];
            for (int c = 0; c < keep.length; c++) {
                keep[c] = !removed.contains(graph.classOf(t, c));
            }
            if (graph.producesChannels(i)) {
                tensors.set(first[i], zeroedUnits(tensors.get(first[i]), keep));
                tensors.set(first[i] + 1, zeroedUnits(tensors.get(first[i] + 1), keep));
            } else if (layer instanceof Norm || layer instanceof Affine) {
                tensors.set(first[i], zeroedUnits(tensors.get(first[i]), keep)); // gamma or scale
                tensors.set(first[i] + 1, zeroedUnits(tensors.get(first[i] + 1), keep)); // beta or shift
            }
        }
        return new WeightSet(spec, tensors);
    }

    private static Tensor zeroedUnits(Tensor t, boolean[] keep) {
        float[] v = t.values().clone();
        int per = v.length / keep.length;
        for (int u = 0; u < keep.length; u++) {
            if (!keep[u]) {
                Arrays.fill(v, u * per, (u + 1) * per, 0f);
            }
        }
        return t.withValues(v);
    }

    private static Tensor sliced(Tensor t, int axis, int[] keep) {
        return keep.length == t.shape()[axis] ? t : t.select(axis, keep);
    }
}
