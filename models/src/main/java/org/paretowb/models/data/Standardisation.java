package org.paretowb.models.data;

import org.paretowb.models.network.Dense;
import org.paretowb.models.network.Flatten;
import org.paretowb.models.network.Norm;
import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;

/**
 * Per-feature standardisation of table rows, (x - mean) / std. A network trains far better on standardised
 * features than on raw ones (wine's range from 0.1 to 1,680). Afterwards the standardisation goes into the
 * network, so the saved model takes the raw features and needs no preprocessing setting: as a BatchNorm layer
 * in front of the first dense layer ({@link #asLayer}), or folded into that layer's weights and bias
 * ({@link #foldInto}). Both compute the same logits; they differ under compression. Folded weights carry the
 * features' scales (a weight on proline, std 315, becomes tiny; its mean's share moves into the bias), so
 * magnitude pruning and int8 weights drop the large-scale features first and leave their mean's share in the
 * bias uncompensated, and int8 activations quantize raw inputs from 0.1 to 1,680 on one grid. With the layer,
 * the compressors see the network they trained: weights on standardised inputs.
 *
 * @param mean per feature
 * @param std per feature; a constant feature gets 1, so it is only centred
 */
public record Standardisation(float[] mean, float[] std) {

    public Standardisation {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " standard deviations");
        }
        mean = mean.clone();
        std = std.clone();
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("a standard deviation must be positive, got " + s);
            }
        }
    }

    /** Mean and (population) standard deviation of each feature of {@code table}: compute them on training rows only. */
    public static Standardisation of(LabeledImages table) {
        if (table.isImages() || table.size() == 0) {
            throw new IllegalArgumentException(table.name() + ": standardisation needs rows of a table");
        }
        int width = table.pixelsPerImage();
        double[] sum = new double[width];
        double[] squares = new double[width];
        float[] x = table.features();
        for (int i = 0; i < x.length; i++) {
            sum[i % width] += x[i];
        }
        float[] mean = new float[width];
        for (int f = 0; f < width; f++) {
            mean[f] = (float) (sum[f] / table.size());
        }
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[i % width];
            squares[i % width] += d * d;
        }
        float[] std = new float[width];
        for (int f = 0; f < width; f++) {
            double s = Math.sqrt(squares[f] / table.size());
            std[f] = s > 1e-12 ? (float) s : 1f;
        }
        return new Standardisation(mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    public int width() {
        return mean.length;
    }

    /** The epsilon of DJL's BatchNorm (its default), which {@link #asLayer} compensates for. */
    static final double BATCH_NORM_EPSILON = 1e-5;

    /**
     * {@code weights} (trained on standardised rows) with the standardisation as a BatchNorm layer in front of
     * its first dense layer: running mean = mean, running variance = std², and a scale that cancels the
     * layer's epsilon, so it computes (x - mean) / std. A flatten must come first, so that the layer
     * normalises each feature.
     */
    public WeightSet asLayer(WeightSet weights) {
        NetworkSpec spec = weights.spec();
        int layer = firstDense(spec);
        if (layer == 0) {
            throw new IllegalArgumentException("a standardisation layer needs a flatten before the first dense layer"
                    + " of " + spec.describe());
        }
        int at = spec.firstTensorOfLayer()[layer];
        float[] gamma = new float[width()];
        float[] variance = new float[width()];
        for (int f = 0; f < width(); f++) {
            double v = (double) std[f] * std[f];
            variance[f] = (float) v;
            gamma[f] = (float) (Math.sqrt(v + BATCH_NORM_EPSILON) / std[f]);
        }
        long[] shape = {width()};
        List<Tensor> tensors = new ArrayList<>(weights.tensors().subList(0, at));
        tensors.add(new Tensor("standardise_gamma", shape, gamma));
        tensors.add(new Tensor("standardise_beta", shape, new float[width()]));
        tensors.add(new Tensor("standardise_runningMean", shape, mean.clone()));
        tensors.add(new Tensor("standardise_runningVar", shape, variance));
        tensors.addAll(weights.tensors().subList(at, weights.tensors().size()));
        List<Layer> layers = new ArrayList<>(spec.layers());
        layers.add(layer, new Norm());
        return new WeightSet(spec.withLayers(layers), tensors);
    }

    /** The rows standardised. */
    public LabeledImages apply(LabeledImages table) {
        if (table.isImages() || table.pixelsPerImage() != width()) {
            throw new IllegalArgumentException(table.name() + " does not have rows of " + width() + " features");
        }
        float[] x = table.features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - mean[i % width()]) / std[i % width()];
        }
        return LabeledImages.table(table.name() + " (standardised)", x, table.labels(), width());
    }

    /**
     * A network taking raw features that computes what {@code weights} computes on standardised ones: the first
     * dense layer's W x + b becomes (W / std) x + (b - W (mean / std)). Only a flatten may come before that
     * layer.
     */
    public WeightSet foldInto(WeightSet weights) {
        NetworkSpec spec = weights.spec();
        int layer = firstDense(spec);
        int at = spec.firstTensorOfLayer()[layer];
        Tensor w = weights.tensors().get(at);
        Tensor b = weights.tensors().get(at + 1);
        int units = (int) w.shape()[0];
        if (w.shape()[1] != width()) {
            throw new IllegalArgumentException("the first dense layer takes " + w.shape()[1] + " inputs, not "
                    + width() + " features");
        }
        float[] folded = new float[w.size()];
        float[] bias = b.values().clone();
        for (int u = 0; u < units; u++) {
            double shift = 0;
            for (int f = 0; f < width(); f++) {
                float weight = w.values()[u * width() + f];
                folded[u * width() + f] = weight / std[f];
                shift += (double) weight * mean[f] / std[f];
            }
            bias[u] = (float) (bias[u] - shift);
        }
        List<Tensor> tensors = new ArrayList<>(weights.tensors());
        tensors.set(at, w.withValues(folded));
        tensors.set(at + 1, b.withValues(bias));
        return new WeightSet(spec, tensors);
    }

    private static int firstDense(NetworkSpec spec) {
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            if (layer instanceof Dense) {
                return i;
            }
            if (!(layer instanceof Flatten)) {
                throw new IllegalArgumentException("standardisation folds into a first dense layer, but "
                        + spec.describe() + " starts with " + layer.token());
            }
        }
        throw new IllegalArgumentException(spec.describe() + " has no dense layer to fold standardisation into");
    }
}
