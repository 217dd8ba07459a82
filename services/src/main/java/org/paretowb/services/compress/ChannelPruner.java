package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.StructuredPruningSettings;

/**
 * Structured pruning that removes whole output channels of convolutions and neurons of hidden dense
 * layers, ranked by the norm of their weights, and rebuilds a physically smaller network. Removing a
 * channel also removes its BatchNorm entries and the next layer's input slices, across a flatten too;
 * activations and pooling act on each channel alone and pass the removal through unchanged.
 */
public final class ChannelPruner {

    /** Which output units each prunable layer keeps, by layer index; ascending indices. */
    public record Plan(Map<Integer, int[]> kept) {
        public Plan {
            kept = Map.copyOf(kept);
        }
    }

    public WeightSet prune(WeightSet weights, StructuredPruningSettings settings) {
        return settings.active() ? rebuild(weights, plan(weights, settings)) : weights;
    }

    /**
     * Ranks the output units of every prunable layer by norm and keeps the strongest: {@code 1 - ratio}
     * of each layer's, or, globally, {@code 1 - ratio} of all of them by norm relative to their layer's mean.
     */
    public Plan plan(WeightSet weights, StructuredPruningSettings settings) {
        NetworkSpec spec = weights.spec();
        int[] first = spec.firstTensorOfLayer();
        int outputLayer = lastWeightedLayer(spec);
        Map<Integer, double[]> norms = new TreeMap<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            if (i != outputLayer && (layer instanceof Layer.Conv || layer instanceof Layer.Dense)) {
                norms.put(i, unitNorms(weights.tensors().get(first[i]), settings.norm()));
            }
        }
        Map<Integer, int[]> kept = new HashMap<>();
        if (settings.scope() == StructuredPruningSettings.Scope.GLOBAL) {
            Map<Integer, Integer> counts = globalKeepCounts(norms, settings.ratio());
            norms.forEach((layer, norm) -> kept.put(layer, strongest(norm, counts.get(layer))));
        } else {
            norms.forEach((layer, norm) ->
                    kept.put(layer, strongest(norm, (int) Math.round((1 - settings.ratio()) * norm.length))));
        }
        return new Plan(kept);
    }

    /** How many units each layer keeps when the weakest {@code ratio} of all units, by relative norm, go. */
    private static Map<Integer, Integer> globalKeepCounts(Map<Integer, double[]> norms, double ratio) {
        record Unit(int layer, int index, double relative) { }
        List<Unit> units = new ArrayList<>();
        norms.forEach((layer, norm) -> {
            double mean = Arrays.stream(norm).average().orElse(0);
            for (int u = 0; u < norm.length; u++) {
                units.add(new Unit(layer, u, mean > 0 ? norm[u] / mean : 0));
            }
        });
        units.sort(Comparator.comparingDouble(Unit::relative).thenComparing(Unit::layer).thenComparing(Unit::index));
        int remove = (int) Math.round(ratio * units.size());
        Map<Integer, Integer> counts = new HashMap<>();
        norms.forEach((layer, norm) -> counts.put(layer, norm.length));
        for (Unit unit : units) {
            if (remove == 0) {
                break;
            }
            if (counts.get(unit.layer()) > 1) {
                counts.merge(unit.layer(), -1, Integer::sum);
                remove--;
            }
        }
        return counts;
    }

    private static int lastWeightedLayer(NetworkSpec spec) {
        for (int i = spec.layers().size() - 1; i >= 0; i--) {
            if (spec.layers().get(i) instanceof Layer.Conv || spec.layers().get(i) instanceof Layer.Dense) {
                return i;
            }
        }
        return -1;
    }

    /** L1 norm, or L2 norm, of each output unit's weights. */
    private static double[] unitNorms(Tensor weight, StructuredPruningSettings.Norm kind) {
        int units = (int) weight.shape()[0];
        int per = weight.size() / units;
        double[] norm = new double[units];
        for (int u = 0; u < units; u++) {
            for (int j = 0; j < per; j++) {
                float v = weight.values()[u * per + j];
                norm[u] += kind == StructuredPruningSettings.Norm.L1 ? Math.abs(v) : (double) v * v;
            }
            if (kind == StructuredPruningSettings.Norm.L2) {
                norm[u] = Math.sqrt(norm[u]);
            }
        }
        return norm;
    }

    /** The indices of the {@code keep} largest norms (at least one), ascending; ties keep the lower index. */
    private static int[] strongest(double[] norm, int keep) {
        int units = norm.length;
        keep = Math.max(1, keep);
        return IntStream.range(0, units).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> norm[u]).reversed().thenComparing(u -> u))
                .limit(keep).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The smaller network the plan describes, with every dependent tensor sliced to fit. */
    public WeightSet rebuild(WeightSet weights, Plan plan) {
        NetworkSpec spec = weights.spec();
        List<int[]> shapes = spec.shapes();
        int[] first = spec.firstTensorOfLayer();
        List<Layer> layers = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        int[] incoming = null; // kept input channels or features of the current layer; null = all
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            List<Tensor> own = weights.tensors().subList(first[i], first[i] + layer.parameterShapes(shapes.get(i)).size());
            int[] out = plan.kept().get(i);
            if (layer instanceof Layer.Conv || layer instanceof Layer.Dense) {
                tensors.add(sliced(sliced(own.get(0), 0, out), 1, incoming));
                tensors.add(sliced(own.get(1), 0, out));
                layers.add(out == null ? layer : narrowed(layer, out.length));
                incoming = out;
            } else if (layer instanceof Layer.Norm) {
                for (Tensor t : own) {
                    tensors.add(sliced(t, 0, incoming));
                }
                layers.add(layer);
            } else if (layer instanceof Layer.Flatten) {
                incoming = featuresOf(incoming, shapes.get(i));
                layers.add(layer);
            } else {
                layers.add(layer);
            }
        }
        return new WeightSet(spec.withLayers(layers), tensors);
    }

    private static Layer narrowed(Layer layer, int units) {
        if (layer instanceof Layer.Conv conv) {
            return new Layer.Conv(units, conv.kernel(), conv.padding());
        }
        return new Layer.Dense(units);
    }

    /**
     * The original network with the removed units silenced instead of removed: their weights and biases
     * are zero, and so are their BatchNorm scale and shift, so they output exactly zero after a ReLU, leaky
     * ReLU or tanh. It then computes what the rebuilt network computes (tests hold the two against each
     * other); not behind a sigmoid, whose silenced units still output 0.5 where the rebuilt network has none.
     */
    public WeightSet mask(WeightSet weights, Plan plan) {
        NetworkSpec spec = weights.spec();
        int[] first = spec.firstTensorOfLayer();
        List<Tensor> tensors = new ArrayList<>(weights.tensors());
        for (Map.Entry<Integer, int[]> entry : plan.kept().entrySet()) {
            int i = entry.getKey();
            int units = (int) tensors.get(first[i]).shape()[0];
            boolean[] keep = new boolean[units];
            Arrays.stream(entry.getValue()).forEach(u -> keep[u] = true);
            tensors.set(first[i], zeroedUnits(tensors.get(first[i]), keep));
            tensors.set(first[i] + 1, zeroedUnits(tensors.get(first[i] + 1), keep));
            if (i + 1 < spec.layers().size() && spec.layers().get(i + 1) instanceof Layer.Norm) {
                tensors.set(first[i + 1], zeroedUnits(tensors.get(first[i + 1]), keep)); // gamma
                tensors.set(first[i + 1] + 1, zeroedUnits(tensors.get(first[i + 1] + 1), keep)); // beta
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
        return keep == null ? t : t.select(axis, keep);
    }

    /** Kept channels of a (C, H, W) map as indices of its flattened features, channel after channel. */
    private static int[] featuresOf(int[] channels, int[] shape) {
        if (channels == null) {
            return null;
        }
        int spatial = shape[1] * shape[2];
        return Arrays.stream(channels).flatMap(c -> IntStream.range(c * spatial, (c + 1) * spatial)).toArray();
    }
}
