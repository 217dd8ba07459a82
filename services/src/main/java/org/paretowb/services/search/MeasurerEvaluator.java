package org.paretowb.services.search;

import java.util.List;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;

/** Measures candidates one after another with a {@link PointMeasurer}, on the thread that calls it. */
public final class MeasurerEvaluator implements CandidateEvaluator {
    private final PointMeasurer measurer;

    public MeasurerEvaluator(PointMeasurer measurer) {
        this.measurer = measurer;
    }

    @Override
    public int fullSetSize() {
        return measurer.evaluationSet().size();
    }

    @Override
    public void measure(List<Recipe> recipes, int samples, Sink sink, CancelToken cancel) {
        for (int i = 0; i < recipes.size(); i++) {
            cancel.check();
            sink.measured(i, new Measured(measurer.measure(recipes.get(i), samples, cancel), 0, false));
        }
    }
}
