package org.paretowb.models.recipe;

/**
 * Low-rank approximation of every hidden dense layer: its weight matrix is replaced by two thinner ones
 * (truncated SVD) holding at most {@code fraction} of its parameters. 1 leaves the network unchanged.
 */
public record LowRankSettings(double fraction) {
    public static final LowRankSettings NONE = new LowRankSettings(1);

    public LowRankSettings {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("low-rank fraction of parameters kept must be in (0, 1], got " + fraction);
        }
    }

    public boolean active() {
        return fraction < 1;
    }
}
