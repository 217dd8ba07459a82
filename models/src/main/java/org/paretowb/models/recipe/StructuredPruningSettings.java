package org.paretowb.models.recipe;

/**
 * Structured pruning: output channels of convolutions and neurons of hidden dense layers whose weights have
 * the smallest norm are removed and the network is rebuilt smaller. Per layer, every such layer loses the
 * given fraction of its units; globally, that fraction of all their units goes, wherever the weakest are
 * (a unit's norm is compared with its own layer's mean unit norm, so layers of different scale compete
 * fairly). The output layer keeps all its units; every layer keeps at least one.
 */
public record StructuredPruningSettings(double ratio, Norm norm, Scope scope) {
    public static final StructuredPruningSettings NONE = new StructuredPruningSettings(0, Norm.L1);

    /** How a channel's or neuron's weights are ranked. */
    public enum Norm { L1, L2 }

    /** Whether the ratio applies to each layer or to all prunable units together. */
    public enum Scope { PER_LAYER, GLOBAL }

    /** Per-layer structured pruning. */
    public StructuredPruningSettings(double ratio, Norm norm) {
        this(ratio, norm, Scope.PER_LAYER);
    }

    public StructuredPruningSettings {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException("structured pruning ratio must be at least 0 and below 1, got " + ratio);
        }
        if (norm == null) {
            throw new IllegalArgumentException("structured pruning needs a norm (L1 or L2)");
        }
        if (scope == null) {
            throw new IllegalArgumentException("structured pruning needs a scope (per layer or global)");
        }
    }

    public boolean active() {
        return ratio > 0;
    }
}
