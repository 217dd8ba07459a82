package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.paretowb.models.network.Activation;
import org.paretowb.models.network.Add;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Node;
import org.paretowb.models.network.Norm;
import org.paretowb.models.network.Relu;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;

/**
 * Removes whole layers or blocks of a network and rewires it:
 * <ul>
 * <li>a dense or convolution layer with the norm and activation that follow it (a hidden dense layer of an MLP, a
 * convolution stage of a CNN; the stage's pooling stays, so the spatial size downstream is unchanged); its
 * readers read its input instead;</li>
 * <li>a residual block: the nodes of the branch that starts and ends at an Add's other input, and the Add; the
 * block becomes the identity, its readers read the skip input.</li>
 * </ul>
 * Where a layer after the removed one now reads a tensor of another width, its weights are bridged: a dense layer
 * reading a removed dense layer (with only activations after it) gets the composition of the two linear maps,
 * W' = W_next W_removed and b' = W_next b_removed + b_next (exact were the activation the identity); any other
 * layer whose tensors change shape is initialised afresh, as PyTorch does (uniform in ±1/sqrt(fan-in) for
 * weights; a norm's scale 1, shift 0, running mean 0 and variance 1), seeded, so that fine-tuning must follow.
 * Layers whose shapes do not change keep their weights.
 */
public final class LayerRemover {
    private static final long SEED = 11;

    /** What a removable unit is. */
    public enum Kind { DENSE, CONV, RESIDUAL }

    /**
     * One removable unit.
     *
     * @param name its name: the dense or convolution node's, or the residual join's
     * @param nodes the names of the nodes it drops
     * @param input the tensor its readers read once it is removed
     */
    public record Unit(String name, Kind kind, List<String> nodes, String input) {
    }

    /** Every unit of the network that can be removed on its own with the network still well-formed. */
    public List<Unit> units(NetworkSpec spec) {
        List<Unit> units = new ArrayList<>();
        List<List<Integer>> consumers = spec.consumers();
        int last = spec.nodes().size() - 1;
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.node(i);
            Unit unit = null;
            if (node.layer() instanceof Dense || node.layer() instanceof Conv) {
                unit = layerUnit(spec, consumers, i);
            } else if (node.layer() instanceof Add) {
                unit = residualUnit(spec, consumers, i);
            }
            if (unit != null && !unit.nodes().contains(spec.node(last).name()) && rewires(spec, unit)) {
                units.add(unit);
            }
        }
        return units;
    }

    /** The weighted node and the norms and activations after it that read only it, one after another. */
    private static Unit layerUnit(NetworkSpec spec, List<List<Integer>> consumers, int head) {
        List<String> nodes = new ArrayList<>(List.of(spec.node(head).name()));
        int at = head;
        while (consumers.get(at).size() == 1) {
            int next = consumers.get(at).get(0);
            Layer layer = spec.node(next).layer();
            if (!(layer instanceof Norm || layer instanceof Relu || layer instanceof Activation)) {
                break;
            }
            nodes.add(spec.node(next).name());
            at = next;
        }
        Kind kind = spec.node(head).layer() instanceof Dense ? Kind.DENSE : Kind.CONV;
        return new Unit(spec.node(head).name(), kind, nodes, spec.node(head).inputs().get(0));
    }

    /** The Add and its branch: unary nodes read by nothing else, leading back from one input to the other. */
    private static Unit residualUnit(NetworkSpec spec, List<List<Integer>> consumers, int join) {
        List<String> inputs = spec.node(join).inputs();
        if (inputs.size() != 2) {
            return null;
        }
        for (int b = 0; b < 2; b++) {
            String skip = inputs.get(1 - b);
            List<String> branch = new ArrayList<>();
            String current = inputs.get(b);
            while (!current.equals(skip) && !current.equals(NetworkSpec.INPUT)) {
                int index = spec.indexOf(current);
                Node node = spec.node(index);
                if (!(node.layer() instanceof Layer.Unary) || consumers.get(index).size() != 1) {
                    break;
                }
                branch.add(0, current);
                current = node.inputs().get(0);
            }
            if (current.equals(skip) && !branch.isEmpty()) {
                branch.add(spec.node(join).name());
                return new Unit(spec.node(join).name(), Kind.RESIDUAL, branch, skip);
            }
        }
        return null;
    }

    /** Whether the network without the unit is well-formed and no join would read one tensor twice. */
    private static boolean rewires(NetworkSpec spec, Unit unit) {
        try {
            return rewired(spec, unit).nodes().stream().allMatch(n -> n.inputs().stream().distinct().count()
                    == n.inputs().size());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The network without the unit's nodes, the readers of its last node reading its input. */
    static NetworkSpec rewired(NetworkSpec spec, Unit unit) {
        Set<String> dropped = new HashSet<>(unit.nodes());
        String output = unit.nodes().get(unit.nodes().size() - 1);
        List<Node> kept = new ArrayList<>();
        for (Node node : spec.nodes()) {
            if (!dropped.contains(node.name())) {
                kept.add(node.withInputs(node.inputs().stream().map(in -> in.equals(output) ? unit.input() : in)
                        .toList()));
            }
        }
        return spec.withNodes(kept);
    }

    /**
     * The network without the named units, removed one after another; a name that is no removable unit (or no
     * longer one once the names before it are removed) is refused with the names that are.
     */
    public WeightSet remove(WeightSet weights, List<String> names) {
        WeightSet current = weights;
        for (String name : names) {
            List<Unit> units = units(current.spec());
            Unit unit = units.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("cannot remove '" + name + "': the removable layers and blocks"
                            + (names.size() > 1 ? " at that point" : "") + " are " + String.join(", ",
                            units.stream().map(Unit::name).toList())));
            current = remove(current, unit);
        }
        return current;
    }

    /** The network without one unit, its weights carried over or bridged (see the class comment). */
    public WeightSet remove(WeightSet weights, Unit unit) {
        NetworkSpec old = weights.spec();
        NetworkSpec spec = rewired(old, unit);
        int[] oldFirst = old.firstTensorOfLayer();
        int[] newFirst = spec.firstTensorOfLayer();
        List<long[]> newShapes = spec.parameterShapes();
        Random random = new Random(SEED);
        String output = unit.nodes().get(unit.nodes().size() - 1);
        List<Tensor> tensors = new ArrayList<>();
        for (int n = 0; n < spec.nodes().size(); n++) {
            Node node = spec.node(n);
            int o = old.indexOf(node.name());
            int count = (n + 1 < spec.nodes().size() ? newFirst[n + 1] : newShapes.size()) - newFirst[n];
            List<Tensor> before = weights.tensors().subList(oldFirst[o], oldFirst[o] + count);
            List<long[]> shapes = newShapes.subList(newFirst[n], newFirst[n] + count);
            if (sameShapes(before, shapes)) {
                tensors.addAll(before);
            } else if (composable(old, unit, node, output)) {
                tensors.addAll(composed(weights, old.indexOf(unit.name()), before));
            } else {
                tensors.addAll(fresh(node.layer(), before, shapes, random));
            }
        }
        return new WeightSet(spec, tensors);
    }

    private static boolean sameShapes(List<Tensor> tensors, List<long[]> shapes) {
        for (int i = 0; i < tensors.size(); i++) {
            if (!java.util.Arrays.equals(tensors.get(i).shape(), shapes.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A dense layer reading a removed dense layer followed by activations only: the linear maps compose. */
    private static boolean composable(NetworkSpec old, Unit unit, Node reader, String output) {
        if (unit.kind() != Kind.DENSE || !(reader.layer() instanceof Dense)) {
            return false;
        }
        int o = old.indexOf(reader.name());
        boolean readsUnit = old.node(o).inputs().equals(List.of(output));
        boolean activationsOnly = unit.nodes().stream().skip(1)
                .allMatch(n -> !(old.node(old.indexOf(n)).layer() instanceof Norm));
        return readsUnit && activationsOnly;
    }

    /** W' = W_next W_removed (units x removed's inputs), b' = W_next b_removed + b_next. */
    private static List<Tensor> composed(WeightSet weights, int removedNode, List<Tensor> next) {
        int first = weights.spec().firstTensorOfLayer()[removedNode];
        Tensor wr = weights.tensors().get(first);
        Tensor br = weights.tensors().get(first + 1);
        Tensor wn = next.get(0);
        Tensor bn = next.get(1);
        int units = (int) wn.shape()[0];
        int middle = (int) wr.shape()[0];
        int inputs = (int) wr.shape()[1];
        float[] w = new float[units * inputs];
        float[] b = bn.values().clone();
        for (int u = 0; u < units; u++) {
            for (int m = 0; m < middle; m++) {
                float a = wn.values()[u * middle + m];
                if (a == 0f) {
                    continue;
                }
                b[u] += a * br.values()[m];
                for (int i = 0; i < inputs; i++) {
                    w[u * inputs + i] += a * wr.values()[m * inputs + i];
                }
            }
        }
        return List.of(new Tensor(wn.name(), new long[] {units, inputs}, w), new Tensor(bn.name(), bn.shape(), b));
    }

    /** Fresh values, as PyTorch initialises a new layer; tensors that keep their shape (a bias) keep their values. */
    private static List<Tensor> fresh(Layer layer, List<Tensor> before, List<long[]> shapes, Random random) {
        List<Tensor> out = new ArrayList<>();
        for (int t = 0; t < shapes.size(); t++) {
            long[] shape = shapes.get(t);
            Tensor old = before.get(t);
            if (java.util.Arrays.equals(old.shape(), shape)) {
                out.add(old);
                continue;
            }
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            float[] values = new float[(int) size];
            if (layer instanceof Norm) {
                java.util.Arrays.fill(values, t == 0 || t == 3 ? 1f : 0f);
            } else {
                long fanIn = shape.length >= 2 ? size / shape[0] : 1;
                float bound = (float) (1 / Math.sqrt(fanIn));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (random.nextFloat() * 2 - 1) * bound;
                }
            }
            out.add(new Tensor(old.name(), shape, values));
        }
        return out;
    }
}
