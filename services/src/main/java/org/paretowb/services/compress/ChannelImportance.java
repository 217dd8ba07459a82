package org.paretowb.services.compress;

import org.paretowb.models.network.Conv;
import org.paretowb.models.network.Dense;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.network.Layer;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.recipe.StructuredPruningSettings;

/**
 * The importance of each prunable class of channels: the norm of every weight it holds, summed over its group as
 * Torch-Pruning's group magnitude importance does: the filters of the layers that produce its channels and the
 * input slices of the convolutions and dense layers that read them. L1 sums absolute values; L2 is the root of
 * the summed squares.
 */
final class ChannelImportance {
    private final ChannelGraph graph;
    private final List<Tensor> tensors;
    private final StructuredPruningSettings.Norm norm;

    ChannelImportance(ChannelGraph graph, List<Tensor> tensors, StructuredPruningSettings.Norm norm) {
        this.graph = graph;
        this.tensors = tensors;
        this.norm = norm;
    }

    /** Importance by class root, for every prunable class. */
    Map<Integer, Double> perClass() {
        NetworkSpec spec = graph.spec();
        int[] first = spec.firstTensorOfLayer();
        Map<Integer, Double> sums = new HashMap<>();
        for (int i = 0; i < spec.nodes().size(); i++) {
            Layer layer = spec.node(i).layer();
            if (!(layer instanceof Conv || layer instanceof Dense) || graph.groupedConv(i)) {
                continue;
            }
            Tensor weight = tensors.get(first[i]);
            int out = (int) weight.shape()[0];
            int per = weight.size() / out;
            for (int o = 0; o < out; o++) {
                add(sums, graph.classOf(i + 1, o), weight.values(), o * per, 1, per);
            }
            boolean depthwise = layer instanceof Conv conv && conv.groups() != 1;
            if (!depthwise) {
                int in = graph.tensor(spec.node(i).inputs().get(0));
                int inputs = (int) weight.shape()[1];
                int kernel = per / inputs;
                for (int c = 0; c < inputs; c++) {
                    int root = graph.classOf(in, c);
                    for (int o = 0; o < out; o++) {
                        add(sums, root, weight.values(), o * per + c * kernel, 1, kernel);
                    }
                }
            }
        }
        Map<Integer, Double> importance = new HashMap<>();
        sums.forEach((root, sum) -> {
            if (graph.prunable(root)) {
                importance.put(root, norm == StructuredPruningSettings.Norm.L2 ? Math.sqrt(sum) : sum);
            }
        });
        return importance;
    }

    private void add(Map<Integer, Double> sums, int root, float[] values, int from, int step, int count) {
        if (!graph.prunable(root)) {
            return;
        }
        double sum = 0;
        for (int k = 0; k < count; k++) {
            float v = values[from + k * step];
            sum += norm == StructuredPruningSettings.Norm.L1 ? Math.abs(v) : (double) v * v;
        }
        sums.merge(root, sum, Double::sum);
    }
}
