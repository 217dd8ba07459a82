package org.paretowb.services.search;

import org.paretowb.models.measure.Measurement;

/**
 * What a search looks for: the best {@code objective} among candidates whose top-1 accuracy is at most
 * {@code maxDropPoints} percentage points below the baseline's, both counted on the same images.
 */
public record Goal(Objective objective, double maxDropPoints) {
    /** The loss of a candidate that misses the budget starts here, above any relative figure a candidate meets. */
    static final double MISSED = 1000;

    public Goal {
        if (objective == null) {
            throw new IllegalArgumentException("a search needs an objective");
        }
        if (!(maxDropPoints >= 0 && maxDropPoints <= 100)) {
            throw new IllegalArgumentException("the accuracy budget must be 0 to 100 points, got " + maxDropPoints);
        }
    }

    /** The accuracy drop from the baseline, in points (negative when the candidate scores higher). */
    public static double dropPoints(Measurement m, Measurement baseline) {
        return (baseline.accuracy() - m.accuracy()) * 100;
    }

    public boolean meets(Measurement m, Measurement baseline) {
        return dropPoints(m, baseline) <= maxDropPoints + 1e-9;
    }

    /**
     * The number strategies minimise: the objective relative to the baseline's for a candidate within the budget;
     * for one outside it, {@value #MISSED} plus the points it misses by, so that every candidate that meets the
     * budget ranks above every one that does not, and a near miss above a far one.
     */
    public double loss(Measurement m, Measurement baseline) {
        return meets(m, baseline) ? objective.relative(m, baseline)
                : MISSED + dropPoints(m, baseline) - maxDropPoints;
    }
}
