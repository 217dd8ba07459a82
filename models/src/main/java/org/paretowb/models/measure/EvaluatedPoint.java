package org.paretowb.models.measure;

import org.paretowb.models.recipe.Recipe;

/** One point on the charts: a recipe applied to the loaded model and what was measured for it. */
public record EvaluatedPoint(int id, Recipe recipe, Measurement measurement) {

    public boolean baseline() {
        return recipe.isBaseline();
    }
}
