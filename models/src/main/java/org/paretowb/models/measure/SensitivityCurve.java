package org.paretowb.models.measure;

/**
 * Accuracy after pruning only one layer, at each sparsity; {@code baseline} is the unpruned accuracy.
 *
 * @param layer the layer's weight tensor name
 */
public record SensitivityCurve(String layer, long weights, double baseline, double[] sparsity, double[] accuracy) {
    public SensitivityCurve {
        if (sparsity.length != accuracy.length) {
            throw new IllegalArgumentException("one accuracy per sparsity is needed");
        }
        sparsity = sparsity.clone();
        accuracy = accuracy.clone();
    }
}
