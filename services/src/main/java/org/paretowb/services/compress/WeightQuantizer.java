package org.paretowb.services.compress;

import java.util.List;
import org.paretowb.models.network.Quantization;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.QuantizationSettings;

/**
 * Weight quantization of dense and convolution weights: each value goes to the nearest point of a
 * {@code bits}-bit integer grid (per tensor or per output channel, symmetric or asymmetric) and back to
 * fp32, so the engine runs the quantized values on fp32 kernels (simulated) while the weight file stores
 * the packed integers. Zero stays exactly zero on both grids, so pruned weights stay pruned. The list form
 * serves models whose architecture the workbench does not describe (a TorchScript file's parameters).
 */
public final class WeightQuantizer {

    public WeightSet quantize(WeightSet weights, QuantizationSettings settings) {
        return settings.active() ? new WeightSet(weights.spec(), quantize(weights.tensors(), settings)) : weights;
    }

    /** As {@link #quantize(WeightSet, QuantizationSettings)} on bare tensors: those of rank 2 or more. */
    public List<Tensor> quantize(List<Tensor> tensors, QuantizationSettings settings) {
        if (!settings.active()) {
            return tensors;
        }
        return tensors.stream().map(t -> t.prunable() ? quantized(t, settings) : t).toList();
    }

    private static Tensor quantized(Tensor t, QuantizationSettings settings) {
        int groups = settings.perChannel() ? (int) t.shape()[0] : 1;
        int perGroup = t.size() / groups;
        float[] scales = new float[groups];
        int[] zeroPoints = new int[groups];
        for (int g = 0; g < groups; g++) {
            grid(t.values(), g * perGroup, perGroup, settings, scales, zeroPoints, g);
        }
        Quantization q = new Quantization(settings.bits(), settings.perChannel(), scales, zeroPoints);
        float[] values = new float[t.size()];
        for (int i = 0; i < values.length; i++) {
            int g = i / perGroup;
            int code = Math.round(t.values()[i] / scales[g]) + zeroPoints[g];
            values[i] = q.value(Math.max(0, Math.min(q.maxCode(), code)), g);
        }
        return new Tensor(t.name(), t.shape(), values, q);
    }

    /** Scale and zero point of one group so that its range, and zero, lie on the grid. */
    private static void grid(float[] v, int from, int count, QuantizationSettings s, float[] scales,
                             int[] zeroPoints, int g) {
        float min = 0;
        float max = 0;
        for (int i = from; i < from + count; i++) {
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        int levels = (1 << s.bits()) - 1;
        if (s.symmetric()) {
            int half = (1 << (s.bits() - 1)) - 1; // codes -half..half around the zero point
            float scale = Math.max(Math.abs(min), Math.abs(max)) / half;
            scales[g] = scale > 0 ? scale : 1f;
            zeroPoints[g] = half + 1;
        } else {
            float scale = (max - min) / levels;
            scales[g] = scale > 0 ? scale : 1f;
            zeroPoints[g] = Math.max(0, Math.min(levels, Math.round(-min / scales[g])));
        }
    }
}
