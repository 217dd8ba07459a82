package org.paretowb.services.evaluate;

import java.util.Locale;
import org.paretowb.models.measure.Percentiles;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;

/**
 * How many evaluation images a live point (a knob moved) is measured on: the whole evaluation set where a point on
 * it takes at most {@link #BUDGET_MS} at the 95th percentile on this machine, else the first {@code fallback}
 * images. Decided by timing, on the machine in use, because machines differ by several times (and a busy machine
 * is slower than an idle one): the same CNN's full-set point took p95 150 ms on an idle 2-core VM and over a second
 * on one shared with two builds.
 *
 * @param samples 0 for the whole evaluation set, else the first this many images
 * @param p95Ms the 95th percentile of the full-set points timed (NaN when none was: the set is small)
 * @param timed how many full-set points were timed
 * @param reason one sentence for the status bar and the log
 */
public record LiveSet(int samples, double p95Ms, int timed, String reason) {
    /** A live point should follow the slider: at most this long, 95 times in 100. */
    public static final double BUDGET_MS = 300;
    /** Full-set points timed to decide (a p95 of 8 is close to their maximum: a cautious choice). */
    public static final int POINTS_TIMED = 8;

    /** The choice for a measured p95 of full-set points. */
    public static LiveSet decide(double p95Ms, int timed, int fallback, int setSize) {
        if (p95Ms <= BUDGET_MS) {
            return new LiveSet(0, p95Ms, timed, String.format(Locale.ROOT, "Live points on the full evaluation set"
                    + " (%,d images): a full-set point took p95 %.0f ms on this machine (budget %.0f ms)", setSize, p95Ms,
                    BUDGET_MS));
        }
        return new LiveSet(fallback, p95Ms, timed, String.format(Locale.ROOT, "Live points on the first %,d of %,d"
                + " images: a full-set point took p95 %.0f ms on this machine (over the %.0f ms budget); Point \u203a"
                + " Measure on full set measures one on all", fallback, setSize, p95Ms, BUDGET_MS));
    }

    /**
     * Times {@link #POINTS_TIMED} full-set points of the measurer (pruning 1%, 2%, ... as a slider would) and
     * decides; a set no larger than {@code fallback} is used whole without timing.
     */
    public static LiveSet choose(PointMeasurer measurer, int fallback, CancelToken cancel) {
        int size = measurer.evaluationSet().size();
        if (size <= fallback) {
            return new LiveSet(0, Double.NaN, 0, String.format(Locale.ROOT, "Live points on the full evaluation set"
                    + " (%,d images)", size));
        }
        double[] millis = new double[POINTS_TIMED];
        int over = 0;
        for (int i = 0; i < POINTS_TIMED; i++) {
            Recipe recipe = Recipe.builder().pruning(new PruningSettings((i + 1) / 100.0)).build();
            long start = System.nanoTime();
            measurer.measure(recipe, 0, cancel);
            millis[i] = (System.nanoTime() - start) / 1e6;
            // two over the budget put the p95 of any number up to eight over it: a slow machine need not wait more
            if (millis[i] > BUDGET_MS && ++over == 2) {
                return decide(new Percentiles(java.util.Arrays.copyOf(millis, i + 1)).at(95), i + 1, fallback, size);
            }
        }
        return decide(new Percentiles(millis).at(95), POINTS_TIMED, fallback, size);
    }
}
