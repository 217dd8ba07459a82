package org.paretowb.services.search;

import java.util.List;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;

/**
 * Measures a batch of candidate recipes. The search hands over a whole batch so that an implementation may measure
 * its candidates one after another (as {@link MeasurerEvaluator} does), or spread them over processes or machines
 * and report each as it comes back.
 */
public interface CandidateEvaluator {
    /** How many images the full evaluation set has. */
    int fullSetSize();

    /**
     * Measures every recipe on the first {@code samples} images of the evaluation set (0, or at least
     * {@link #fullSetSize()}: all of them), telling {@code sink} of each as it is done, in any order, from the calling
     * thread. Throws {@link org.paretowb.services.lane.CancelledException} when cancelled; the candidates reported
     * before then stay reported.
     */
    void measure(List<Recipe> recipes, int samples, Sink sink, CancelToken cancel);

    /** Receives the measured candidates. */
    @FunctionalInterface
    interface Sink {
        /** The recipe at {@code index} of the batch was measured. */
        void measured(int index, Measured measured);
    }

    /**
     * A measurement, with the workspace point that holds it (0 when none does) and whether it was found there rather
     * than measured now.
     */
    record Measured(Measurement measurement, int point, boolean reused) {
        public Measured {
            if (measurement == null) {
                throw new IllegalArgumentException("a measured candidate needs its measurement");
            }
        }
    }
}
