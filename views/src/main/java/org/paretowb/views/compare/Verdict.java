package org.paretowb.views.compare;

import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.LatencyComparison;

/**
 * Which way B moved against A for one figure, in words: "smaller, better", "slower, worse", "better"; "no measurable
 * difference" where both figures carry 95% intervals and these overlap; "not compared" for latencies of different
 * sessions (another process, perhaps another load or machine).
 */
enum Verdict {
    /** More is better: accuracy, throughput. */
    HIGHER_IS_BETTER,
    /** Less is better: latency, size, parameters, MACs. */
    LOWER_IS_BETTER;

    /**
     * The words after a difference: {@code more} and {@code less} name B's direction ("faster"), or are empty.
     *
     * @param ia A's interval, or null where the figure is exact (or was measured without one)
     * @param ib B's interval, likewise
     */
    String of(double a, double b, Interval ia, Interval ib, String more, String less) {
        if (a == b) {
            return "";
        }
        if (ia != null && ib != null && !ia.separatesFrom(ib)) {
            return LatencyComparison.NO_MEASURABLE_DIFFERENCE + " (the 95% intervals overlap)";
        }
        boolean bigger = b > a;
        String direction = bigger ? more : less;
        String judgement = bigger == (this == HIGHER_IS_BETTER) ? "better" : "worse";
        return direction.isEmpty() ? judgement : direction + ", " + judgement;
    }
}
