package org.paretowb.models.recipe;

/**
 * Low-rank approximation by truncated SVD. Each chosen layer's weight matrix (a convolution's as
 * filters x (inputs x kernel x kernel)) is replaced by two thinner factors: a dense layer becomes two dense
 * layers, a convolution becomes one with r filters followed by a 1x1 convolution. The rank keeps at most
 * {@code fraction} of the layer's parameters, or, by energy, the smallest rank whose singular values hold
 * at least {@code fraction} of the squared singular values' sum. A fraction of 1 leaves the network unchanged;
 * so does any layer whose factors would not be smaller than it.
 */
public record LowRankSettings(double fraction, Criterion criterion, Target target) {
    public static final LowRankSettings NONE = new LowRankSettings(1);

    /** What {@code fraction} is a fraction of. */
    public enum Criterion { PARAMETERS, ENERGY }

    /** Which layers are factorized; the output layer never is. */
    public enum Target { DENSE, CONV, ALL }

    /** Hidden dense layers, rank by parameters kept. */
    public LowRankSettings(double fraction) {
        this(fraction, Criterion.PARAMETERS, Target.DENSE);
    }

    public LowRankSettings {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("low-rank fraction kept must be in (0, 1], got " + fraction);
        }
        if (criterion == null || target == null) {
            throw new IllegalArgumentException("low-rank needs a criterion (parameters or energy) and target layers");
        }
    }

    public boolean active() {
        return fraction < 1;
    }

    public boolean covers(boolean conv) {
        return target == Target.ALL || (target == Target.CONV) == conv;
    }
}
