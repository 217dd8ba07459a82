package org.paretowb.services.compress;

import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.LowRankSettings;

/**
 * Truncated-SVD factorization of hidden dense layers: W (out x in) becomes U_r (out x r) after
 * U_r^T W (r x in), with U_r the leading left singular vectors, so one dense layer becomes two thinner
 * ones (the first without bias) and the network is rebuilt. At full rank it computes the same function.
 */
public final class LowRankFactorizer {

    public WeightSet factorize(WeightSet weights, LowRankSettings settings) {
        return settings.active()
                ? factorize(weights, (out, in) -> rank(out, in, settings.fraction()), true)
                : weights;
    }

    /**
     * Factorizes every hidden dense layer at the rank {@code rankOf(out, in)} gives; with
     * {@code onlyIfThinner}, layers whose rank would not be below min(out, in) are left whole.
     */
    WeightSet factorize(WeightSet weights, java.util.function.IntBinaryOperator rankOf, boolean onlyIfThinner) {
        NetworkSpec spec = weights.spec();
        List<int[]> shapes = spec.shapes();
        int[] first = spec.firstTensorOfLayer();
        int output = lastDense(spec);
        List<Layer> layers = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            int count = layer.parameterShapes(shapes.get(i)).size();
            List<Tensor> own = weights.tensors().subList(first[i], first[i] + count);
            if (layer instanceof Layer.Dense dense && i != output) {
                Tensor w = own.get(0);
                int out = (int) w.shape()[0];
                int in = (int) w.shape()[1];
                int rank = rankOf.applyAsInt(out, in);
                if (!onlyIfThinner || rank < Math.min(out, in)) {
                    factorized(w, own.get(1), rank, layers, tensors);
                    continue;
                }
            }
            layers.add(layer);
            tensors.addAll(own);
        }
        return new WeightSet(spec.withLayers(layers), tensors);
    }

    /** The largest rank whose two factors hold at most {@code fraction} of out x in weights (at least 1). */
    static int rank(int out, int in, double fraction) {
        return Math.max(1, (int) Math.floor(fraction * out * in / (out + in)));
    }

    private static void factorized(Tensor w, Tensor bias, int rank, List<Layer> layers, List<Tensor> tensors) {
        int out = (int) w.shape()[0];
        int in = (int) w.shape()[1];
        float[] v = w.values();
        double[][] gram = new double[out][out]; // W W^T
        for (int a = 0; a < out; a++) {
            for (int b = a; b < out; b++) {
                double sum = 0;
                for (int k = 0; k < in; k++) {
                    sum += (double) v[a * in + k] * v[b * in + k];
                }
                gram[a][b] = sum;
                gram[b][a] = sum;
            }
        }
        double[][] u = new SymmetricEigen(gram).vectors();
        float[] down = new float[rank * in]; // U_r^T W
        for (int r = 0; r < rank; r++) {
            for (int k = 0; k < in; k++) {
                double sum = 0;
                for (int a = 0; a < out; a++) {
                    sum += u[a][r] * v[a * in + k];
                }
                down[r * in + k] = (float) sum;
            }
        }
        float[] up = new float[out * rank]; // U_r
        for (int a = 0; a < out; a++) {
            for (int r = 0; r < rank; r++) {
                up[a * rank + r] = (float) u[a][r];
            }
        }
        layers.add(new Layer.Dense(rank));
        tensors.add(new Tensor(w.name() + ".down", new long[] {rank, in}, down));
        tensors.add(new Tensor(bias.name() + ".down", new long[] {rank}, new float[rank]));
        layers.add(new Layer.Dense(out));
        tensors.add(new Tensor(w.name() + ".up", new long[] {out, rank}, up));
        tensors.add(bias);
    }

    private static int lastDense(NetworkSpec spec) {
        for (int i = spec.layers().size() - 1; i >= 0; i--) {
            if (spec.layers().get(i) instanceof Layer.Dense) {
                return i;
            }
        }
        return -1;
    }
}
