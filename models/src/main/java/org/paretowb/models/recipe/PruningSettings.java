package org.paretowb.models.recipe;

/**
 * Magnitude pruning: the given fraction of dense and convolution weights, those of smallest absolute
 * value, are set to zero, ranked across the whole network (global) or within each layer (per layer).
 */
public record PruningSettings(double sparsity, Scope scope) {
    public static final PruningSettings NONE = new PruningSettings(0);

    /** Where weights compete for survival. */
    public enum Scope { GLOBAL, PER_LAYER }

    /** Global magnitude pruning. */
    public PruningSettings(double sparsity) {
        this(sparsity, Scope.GLOBAL);
    }

    public PruningSettings {
        if (scope == null) {
            throw new IllegalArgumentException("pruning needs a scope (global or per layer)");
        }
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("pruning sparsity must be at least 0 and below 1 (0% to 99.9%), got "
                    + sparsity);
        }
    }

    public boolean active() {
        return sparsity > 0;
    }
}
