package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;

/**
 * Unstructured magnitude pruning: of the dense and convolution weights of the network (global) or of each
 * such layer (per layer), exactly {@code round(sparsity * count)} of smallest absolute value become zero.
 * Biases and BatchNorm stay.
 * Works on a copy; the given weights are not touched.
 */
public final class MagnitudePruner {

    public WeightSet prune(WeightSet weights, PruningSettings settings) {
        if (settings.scope() == PruningSettings.Scope.PER_LAYER) {
            WeightSet pruned = weights;
            for (int t = 0; t < weights.tensors().size(); t++) {
                if (weights.tensors().get(t).prunable()) {
                    pruned = pruneOnly(pruned, t, settings);
                }
            }
            return pruned;
        }
        long prunable = weights.prunableParameters();
        long toZero = Math.round(settings.sparsity() * prunable);
        if (toZero == 0) {
            return weights;
        }
        float threshold = threshold(weights, (int) prunable, (int) toZero);
        // Strictly smaller magnitudes all go; ties at the threshold go in order until the count is exact.
        long belowThreshold = weights.tensors().stream().filter(Tensor::prunable)
                .mapToLong(t -> countBelow(t.values(), threshold)).sum();
        long[] tiesToZero = {toZero - belowThreshold};
        return weights.map(t -> t.prunable() ? t.withValues(pruned(t.values(), threshold, tiesToZero)) : t);
    }

    /** Magnitude pruning of one tensor only (for sensitivity analysis); the others are untouched. */
    public WeightSet pruneOnly(WeightSet weights, int tensor, PruningSettings settings) {
        Tensor target = weights.tensors().get(tensor);
        float[] magnitudes = new float[target.size()];
        for (int i = 0; i < magnitudes.length; i++) {
            magnitudes[i] = Math.abs(target.values()[i]);
        }
        Arrays.sort(magnitudes);
        long toZero = Math.round(settings.sparsity() * target.size());
        if (toZero == 0) {
            return weights;
        }
        float threshold = magnitudes[(int) toZero - 1];
        long[] ties = {toZero - countBelow(target.values(), threshold)};
        Tensor pruned = target.withValues(pruned(target.values(), threshold, ties));
        List<Tensor> tensors = new ArrayList<>(weights.tensors());
        tensors.set(tensor, pruned);
        return new WeightSet(weights.spec(), tensors);
    }

    private static float threshold(WeightSet weights, int prunable, int toZero) {
        float[] magnitudes = new float[prunable];
        int n = 0;
        for (Tensor t : weights.tensors()) {
            if (t.prunable()) {
                for (float v : t.values()) {
                    magnitudes[n++] = Math.abs(v);
                }
            }
        }
        Arrays.sort(magnitudes);
        return magnitudes[toZero - 1];
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
