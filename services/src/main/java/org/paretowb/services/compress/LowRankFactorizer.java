package org.paretowb.services.compress;

import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Node;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.LowRankSettings;

/**
 * Truncated-SVD factorization. A weight matrix W (out x in; a convolution's filters flattened to
 * in x k x k) becomes U_r (out x r) after U_r^T W (r x in), with U_r the leading left singular vectors:
 * a dense layer becomes two thinner dense layers (the first with a zero bias), a convolution becomes a
 * convolution with r filters (same kernel and padding, zero bias) followed by a 1x1 convolution. The
 * network is rebuilt; at full rank it computes the same function.
 */
public final class LowRankFactorizer {

    /** Chooses a layer's rank from its matrix size and the eigenvalues of W W^T (descending). */
    @FunctionalInterface
    interface RankRule {
        int rank(int out, int in, double[] eigenvalues);
    }

    public WeightSet factorize(WeightSet weights, LowRankSettings settings) {
        if (!settings.active()) {
            return weights;
        }
        RankRule rule = settings.criterion() == LowRankSettings.Criterion.ENERGY
                ? (out, in, values) -> energyRank(values, settings.fraction())
                : (out, in, values) -> rank(out, in, settings.fraction());
        return factorize(weights, settings, rule, true);
    }

    /**
     * Factorizes the hidden layers the settings cover at the rank the rule gives; with
     * {@code onlyIfSmaller}, layers whose two factors would hold as many parameters as the layer stay whole.
     */
    WeightSet factorize(WeightSet weights, LowRankSettings settings, RankRule rule, boolean onlyIfSmaller) {
        return factorize(weights, settings, rule, onlyIfSmaller, name -> true);
    }

    /**
     * Factorizes only the layer named {@code layer} (dense or convolution, not the output layer) to at most
     * {@code fraction} of its weights, as per-layer sensitivity needs; the network is unchanged where that layer
     * cannot be factorized or its factors would not be smaller.
     */
    public WeightSet factorizeOnly(WeightSet weights, String layer, double fraction) {
        LowRankSettings settings = new LowRankSettings(fraction, LowRankSettings.Criterion.PARAMETERS,
                LowRankSettings.Target.ALL);
        return factorize(weights, settings, (out, in, values) -> rank(out, in, fraction), true, layer::equals);
    }

    private WeightSet factorize(WeightSet weights, LowRankSettings settings, RankRule rule, boolean onlyIfSmaller,
                                java.util.function.Predicate<String> chosen) {
        NetworkSpec spec = weights.spec();
        List<List<int[]>> inputs = spec.allInputShapes();
        int[] first = spec.firstTensorOfLayer();
        int output = lastWeighted(spec);
        List<Node> nodes = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.node(i);
            Layer layer = node.layer();
            int count = layer.parameterShapes(inputs.get(i)).size();
            List<Tensor> own = weights.tensors().subList(first[i], first[i] + count);
            boolean conv = layer instanceof Conv;
            boolean grouped = conv && ((Conv) layer).groups() != 1;
            if ((conv || layer instanceof Dense) && !grouped && i != output && settings.covers(conv)
                    && chosen.test(node.name())) {
                Tensor w = own.get(0);
                int out = (int) w.shape()[0];
                int in = w.size() / out;
                SymmetricEigen eigen = new SymmetricEigen(gram(w.values(), out, in));
                int rank = Math.max(1, Math.min(rule.rank(out, in, eigen.values()), Math.min(out, in)));
                if (!onlyIfSmaller || (long) rank * (out + in) < (long) out * in) {
                    factorized(node, w, own.get(1), rank, eigen.vectors(), spec, nodes, tensors);
                    continue;
                }
            }
            nodes.add(node);
            tensors.addAll(own);
        }
        return new WeightSet(spec.withNodes(nodes), tensors);
    }

    /** The largest rank whose two factors hold at most {@code fraction} of out x in weights (at least 1). */
    static int rank(int out, int in, double fraction) {
        return Math.max(1, (int) Math.floor(fraction * out * in / (out + in)));
    }

    /** The smallest rank whose squared singular values (the eigenvalues of W W^T) hold {@code fraction} of their sum. */
    static int energyRank(double[] eigenvalues, double fraction) {
        double total = 0;
        for (double v : eigenvalues) {
            total += Math.max(v, 0);
        }
        double sum = 0;
        for (int r = 0; r < eigenvalues.length; r++) {
            sum += Math.max(eigenvalues[r], 0);
            if (sum >= fraction * total) {
                return r + 1;
            }
        }
        return eigenvalues.length;
    }

    /** W W^T for W stored row-major as out x in. */
    private static double[][] gram(float[] v, int out, int in) {
        double[][] gram = new double[out][out];
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
        return gram;
    }

    /**
     * The node as two: "name.down" (r filters or units, reading what the node read) and the node itself, now a 1x1
     * convolution or a dense layer on the r values, so that its readers read it unchanged.
     */
    private static void factorized(Node node, Tensor w, Tensor bias, int rank, double[][] u, NetworkSpec spec,
                                   List<Node> nodes, List<Tensor> tensors) {
        int out = (int) w.shape()[0];
        int in = w.size() / out;
        float[] v = w.values();
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
        long[] downShape = w.shape().clone();
        downShape[0] = rank;
        String downName = unique(spec, node.name() + ".down");
        if (node.layer() instanceof Conv conv) {
            nodes.add(new Node(downName, conv.withFilters(rank, 1), node.inputs()));
            nodes.add(new Node(node.name(), new Conv(out, 1, 0), downName));
            tensors.add(new Tensor(w.name() + ".down", downShape, down));
            tensors.add(new Tensor(bias.name() + ".down", new long[] {rank}, new float[rank]));
            tensors.add(new Tensor(w.name() + ".up", new long[] {out, rank, 1, 1}, up));
        } else {
            nodes.add(new Node(downName, new Dense(rank), node.inputs()));
            nodes.add(new Node(node.name(), new Dense(out), downName));
            tensors.add(new Tensor(w.name() + ".down", downShape, down));
            tensors.add(new Tensor(bias.name() + ".down", new long[] {rank}, new float[rank]));
            tensors.add(new Tensor(w.name() + ".up", new long[] {out, rank}, up));
        }
        tensors.add(bias);
    }

    private static String unique(NetworkSpec spec, String wanted) {
        String name = wanted;
        for (int k = 2; spec.indexOf(name) >= 0; k++) {
            name = wanted + k;
        }
        return name;
    }

    private static int lastWeighted(NetworkSpec spec) {
        for (int i = spec.layers().size() - 1; i >= 0; i--) {
            if (spec.layers().get(i) instanceof Dense || spec.layers().get(i) instanceof Conv) {
                return i;
            }
        }
        return -1;
    }
}
