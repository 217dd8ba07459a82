package org.paretowb.views.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paretowb.models.network.LayerTable;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;

/**
 * The share of zero weights in each layer of a network as its weights are: each node's tensors, in the order the
 * network lists them, counted from their values (the weight matrices and kernels only, not biases or batch-norm
 * scales).
 */
final class LayerSparsity {
    private LayerSparsity() {
    }

    /** Node name to its share of zero weights (0 to 1), for the nodes that hold weights. */
    static Map<String, Double> of(WeightSet weights) {
        Map<String, Double> sparsity = new HashMap<>();
        List<Tensor> tensors = weights.tensors();
        int next = 0;
        for (LayerTable.Row row : LayerTable.of(weights.spec())) {
            long left = row.parameters();
            long size = 0;
            long nonZeros = 0;
            while (left > 0 && next < tensors.size()) {
                Tensor t = tensors.get(next++);
                left -= t.size();
                if (t.prunable()) {
                    size += t.size();
                    nonZeros += t.nonZeros();
                }
            }
            if (size > 0) {
                sparsity.put(row.name(), 1 - (double) nonZeros / size);
            }
        }
        return sparsity;
    }
}
