package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;

/**
 * Unstructured magnitude pruning: of the dense and convolution weights of the network (global) or of each
 * such layer (per layer), exactly {@code round(sparsity * count)} of smallest absolute value become zero.
 * Biases and BatchNorm stay.
 * Works on a copy; the given weights are not touched. The list form serves models whose architecture the
 * workbench does not describe (a TorchScript file's parameters); a weight is any tensor of rank 2 or more.
 * The sorted magnitudes of the last tensor sets (up to 16 M values) are kept: moving the sparsity slider prunes the same weights
 * again, and then finding the threshold is a lookup, not a sort.
 */
public final class MagnitudePruner {
    /** Magnitudes kept sorted at most, over all tensor sets: 64 MB. */
    private static final long KEPT_VALUES = 16L << 20;

    /** Sorted magnitudes by the identity of the tensors they came from (most recent last). */
    private final java.util.LinkedHashMap<List<Object>, float[]> sorted = new java.util.LinkedHashMap<>();

    public WeightSet prune(WeightSet weights, PruningSettings settings) {
        return within(weights, prune(weights.tensors(), settings));
    }

    /** As {@link #prune(WeightSet, PruningSettings)} on bare tensors; the same list when nothing is zeroed. */
    public List<Tensor> prune(List<Tensor> tensors, PruningSettings settings) {
        if (settings.scope() == PruningSettings.Scope.GLOBAL) {
            return pruneTogether(tensors, t -> tensors.get(t).prunable(), settings.sparsity());
        }
        List<Tensor> pruned = tensors;
        for (int t = 0; t < tensors.size(); t++) {
            if (tensors.get(t).prunable()) {
                int only = t;
                pruned = pruneTogether(pruned, u -> u == only, settings.sparsity());
            }
        }
        return pruned;
    }

    /** Magnitude pruning of one tensor only (per layer, sensitivity analysis); the others are untouched. */
    public WeightSet pruneOnly(WeightSet weights, int tensor, PruningSettings settings) {
        return within(weights, pruneTogether(weights.tensors(), t -> t == tensor, settings.sparsity()));
    }

    private static WeightSet within(WeightSet weights, List<Tensor> tensors) {
        return tensors == weights.tensors() ? weights : new WeightSet(weights.spec(), tensors);
    }

    /**
     * Zeroes exactly {@code round(sparsity * n)} of the n values of the selected tensors, those of smallest
     * magnitude ranked across all of them: strictly smaller magnitudes all go, and ties at the threshold
     * go in order until the count is exact.
     */
    private List<Tensor> pruneTogether(List<Tensor> tensors, IntPredicate selected, double sparsity) {
        int count = IntStream.range(0, tensors.size()).filter(selected).map(t -> tensors.get(t).size()).sum();
        int toZero = (int) Math.round(sparsity * count);
        if (toZero == 0) {
            return tensors;
        }
        float threshold = sortedMagnitudes(tensors, selected, count)[toZero - 1];
        long[] tiesToZero = {toZero - IntStream.range(0, tensors.size()).filter(selected)
                .mapToLong(t -> countBelow(tensors.get(t).values(), threshold)).sum()};
        List<Tensor> result = new ArrayList<>(tensors);
        for (int t = 0; t < tensors.size(); t++) {
            if (selected.test(t)) {
                result.set(t, tensors.get(t).withValues(pruned(tensors.get(t).values(), threshold, tiesToZero)));
            }
        }
        return List.copyOf(result);
    }

    /** The selected tensors' magnitudes in ascending order, sorted once per set of tensors. */
    private synchronized float[] sortedMagnitudes(List<Tensor> tensors, IntPredicate selected, int count) {
        List<Object> key = new ArrayList<>();
        for (int t = 0; t < tensors.size(); t++) {
            if (selected.test(t)) {
                key.add(new Identity(tensors.get(t)));
            }
        }
        float[] magnitudes = sorted.remove(key);
        if (magnitudes == null) {
            magnitudes = new float[count];
            int n = 0;
            for (int t = 0; t < tensors.size(); t++) {
                if (selected.test(t)) {
                    for (float v : tensors.get(t).values()) {
                        magnitudes[n++] = Math.abs(v);
                    }
                }
            }
            Arrays.sort(magnitudes);
        }
        sorted.put(key, magnitudes);
        long kept = sorted.values().stream().mapToLong(m -> m.length).sum();
        while (kept > KEPT_VALUES && sorted.size() > 1) {
            kept -= sorted.remove(sorted.keySet().iterator().next()).length;
        }
        return magnitudes;
    }

    /** A tensor compared by identity: tensors are immutable, so the same object has the same values. */
    private record Identity(Tensor tensor) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.tensor == tensor;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(tensor);
        }
    }

    private static long countBelow(float[] values, float threshold) {
        long n = 0;
        for (float v : values) {
            if (Math.abs(v) < threshold) {
                n++;
            }
        }
        return n;
    }

    private static float[] pruned(float[] values, float threshold, long[] tiesToZero) {
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            float magnitude = Math.abs(out[i]);
            if (magnitude < threshold) {
                out[i] = 0f;
            } else if (magnitude == threshold && tiesToZero[0] > 0) {
                out[i] = 0f;
                tiesToZero[0]--;
            }
        }
        return out;
    }
}
