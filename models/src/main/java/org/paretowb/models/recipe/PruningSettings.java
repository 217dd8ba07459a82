package org.paretowb.models.recipe;

/**
 * Global magnitude pruning: the given fraction of all dense and convolution weights, those of smallest
 * absolute value across the whole network, are set to zero.
 */
public record PruningSettings(double sparsity) {
    public static final PruningSettings NONE = new PruningSettings(0);

    public PruningSettings {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("pruning sparsity must be at least 0 and below 1 (0% to 99.9%), got "
                    + sparsity);
        }
    }

    public boolean active() {
        return sparsity > 0;
    }
}
