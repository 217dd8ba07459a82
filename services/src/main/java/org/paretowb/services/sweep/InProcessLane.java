package org.paretowb.services.sweep;

import java.util.List;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.Environment;

/** The embedded default: one measurer in this process measures the recipes one after the other, in order. */
public final class InProcessLane implements RecipeBatchLane {
    private final PointMeasurer measurer;

    public InProcessLane(PointMeasurer measurer) {
        this.measurer = measurer;
    }

    @Override
    public void measure(List<Recipe> recipes, int samples, PointSink sink, CancelToken cancel) {
        for (int i = 0; i < recipes.size(); i++) {
            Recipe recipe = recipes.get(i);
            sink.measured(new MeasuredRecipe(i, recipe, measurer.measure(recipe, samples, cancel),
                    Environment.current()));
        }
    }

    @Override
    public String describe() {
        return "this process";
    }
}
