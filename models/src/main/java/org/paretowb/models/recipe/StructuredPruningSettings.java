package org.paretowb.models.recipe;

/**
 * Structured pruning: in every convolution and hidden dense layer, the given fraction of output channels
 * or neurons, those whose weights have the smallest norm, are removed and the network is rebuilt smaller.
 * The output layer keeps all its units; every layer keeps at least one.
 */
public record StructuredPruningSettings(double ratio, Norm norm) {
    public static final StructuredPruningSettings NONE = new StructuredPruningSettings(0, Norm.L1);

    /** How a channel's or neuron's weights are ranked. */
    public enum Norm { L1, L2 }

    public StructuredPruningSettings {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException("structured pruning ratio must be at least 0 and below 1, got " + ratio);
        }
        if (norm == null) {
            throw new IllegalArgumentException("structured pruning needs a norm (L1 or L2)");
        }
    }

    public boolean active() {
        return ratio > 0;
    }
}
