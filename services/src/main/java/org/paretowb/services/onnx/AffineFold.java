package org.paretowb.services.onnx;

import org.paretowb.models.network.Affine;
import org.paretowb.models.network.AvgPool;
import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import org.paretowb.models.network.Flatten;
import org.paretowb.models.network.GlobalAvgPool;
import org.paretowb.models.network.MaxPool;
import org.paretowb.models.network.Norm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.Tensor;

/**
 * Folds each constant scale and shift per channel (x * s + b: what an Add, Sub, Mul or Div by a constant imports
 * as) into the convolution, dense layer, batch norm or scaling right before it when nothing else reads that
 * layer's output: the layer then computes the same function alone. A scale without shift that cannot fold back
 * folds forward into the input side of the next convolution or dense layer, through average pools, flattens and
 * (for factors that are not negative) max pools, when each step has no other reader: scaling commutes with them
 * and with zero padding. What folds neither way (a normalisation with a shift at the input, a scaling read by two
 * layers) stays a node of its own.
 */
final class AffineFold {
    private AffineFold() {
    }

    /** Folds what can be folded in {@code order}, the node names in order, removing folded scalings from it. */
    static void fold(List<String> order, Map<String, Layer> layers, Map<String, List<String>> inputs,
                     Map<String, List<Tensor>> params) {
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            if (!(layers.get(name) instanceof Affine)) {
                continue;
            }
            String producer = inputs.get(name).get(0);
            Layer layer = layers.get(producer);
            boolean foldable = layer instanceof Conv || layer instanceof Dense || layer instanceof Norm
                    || layer instanceof Affine;
            if (!foldable || readers(producer, order, inputs) != 1) {
                if (foldForward(name, order, layers, inputs, params)) {
                    i--;
                }
                continue;
            }
            List<Tensor> own = params.get(name);
            List<Tensor> folded = new ArrayList<>(params.get(producer));
            folded.set(0, scaled(folded.get(0), own.get(0).values(), null)); // weights, gamma or scale
            folded.set(1, scaled(folded.get(1), own.get(0).values(), own.get(1).values())); // bias, beta or shift
            params.put(producer, List.copyOf(folded));
            order.remove(i);
            for (String later : order) {
                inputs.put(later, inputs.get(later).stream().map(in -> in.equals(name) ? producer : in).toList());
            }
            i--;
        }
    }

    /** Folds scale-only node {@code name} into the input side of the next weighted layer; whether it could. */
    private static boolean foldForward(String name, List<String> order, Map<String, Layer> layers,
                                       Map<String, List<String>> inputs, Map<String, List<Tensor>> params) {
        float[] scale = params.get(name).get(0).values();
        for (float b : params.get(name).get(1).values()) {
            if (b != 0) {
                return false;
            }
        }
        boolean negative = false;
        for (float f : scale) {
            negative |= f < 0;
        }
        String at = name;
        while (true) {
            List<String> next = readersOf(at, order, inputs);
            if (next.size() != 1) {
                return false;
            }
            at = next.get(0);
            Layer layer = layers.get(at);
            if (layer instanceof Conv || layer instanceof Dense) {
                break;
            }
            boolean passes = layer instanceof AvgPool || layer instanceof GlobalAvgPool
                    || layer instanceof Flatten || layer instanceof MaxPool && !negative;
            if (!passes) {
                return false;
            }
        }
        Layer target = layers.get(at);
        if (target instanceof Conv conv && conv.groups() != 1 && conv.groups() != scale.length) {
            return false;
        }
        List<Tensor> folded = new ArrayList<>(params.get(at));
        folded.set(0, inputsScaled(folded.get(0), scale, target));
        params.put(at, List.copyOf(folded));
        String source = inputs.get(name).get(0);
        order.remove(name);
        for (String later : order) {
            inputs.put(later, inputs.get(later).stream().map(in -> in.equals(name) ? source : in).toList());
        }
        return true;
    }

    /**
     * Weights whose inputs are scaled per channel: a convolution's input channel c (a depthwise one's filter c), a
     * dense layer's features of channel c (its inputs split evenly into the channels, as a flatten lays them out).
     */
    private static Tensor inputsScaled(Tensor weight, float[] scale, Layer target) {
        float[] v = weight.values().clone();
        int units = (int) weight.shape()[0];
        int inputs = v.length / units;
        boolean depthwise = target instanceof Conv conv && conv.groups() != 1;
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < inputs; k++) {
                int channel = depthwise ? u * scale.length / units : k * scale.length / inputs;
                v[u * inputs + k] *= scale[channel];
            }
        }
        return weight.withValues(v);
    }

    private static List<String> readersOf(String node, List<String> order, Map<String, List<String>> inputs) {
        List<String> readers = new ArrayList<>();
        for (String other : order) {
            inputs.get(other).stream().filter(node::equals).forEach(in -> readers.add(other));
        }
        return readers;
    }

    private static int readers(String node, List<String> order, Map<String, List<String>> inputs) {
        int n = 0;
        for (String other : order) {
            n += (int) inputs.get(other).stream().filter(node::equals).count();
        }
        return n;
    }

    /** Each unit's values (a row of weights, a bias, a gamma) times its scale, plus its shift when given. */
    private static Tensor scaled(Tensor t, float[] scale, float[] shift) {
        float[] v = t.values().clone();
        int units = (int) t.shape()[0];
        int per = v.length / units;
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < per; k++) {
                v[u * per + k] = v[u * per + k] * scale[u] + (shift == null ? 0 : shift[u]);
            }
        }
        return t.withValues(v);
    }
}
