package org.paretowb.models.measure;

import org.paretowb.models.recipe.Recipe;

/**
 * One point on the charts: a recipe applied to the loaded model and what was measured for it, with the
 * name the user gave it (empty until then).
 */
public record EvaluatedPoint(int id, Recipe recipe, Measurement measurement, String name) {

    public EvaluatedPoint(int id, Recipe recipe, Measurement measurement) {
        this(id, recipe, measurement, "");
    }

    public EvaluatedPoint {
        name = name == null ? "" : name.strip();
    }

    /** The unchanged model (an ensemble's recipe is the baseline's too, but it is no baseline). */
    public boolean baseline() {
        return recipe.isBaseline() && !ensemble();
    }

    /** Whether the point combines other points' networks (see {@link Provenance#ensembleOf()}). */
    public boolean ensemble() {
        return measurement.how() != null && measurement.how().ensemble();
    }

    /** Whether the accuracy comes from a live subset rather than the whole evaluation set. */
    public boolean subset() {
        return measurement.how().subset();
    }

    /** The engine it was measured on, for example "ONNX Runtime" or "DJL PyTorch" (see {@link Engines}). */
    public String engine() {
        return Engines.title(measurement.how());
    }

    public EvaluatedPoint named(String newName) {
        return new EvaluatedPoint(id, recipe, measurement, newName);
    }

    /** The name if given, else the recipe's summary (for an ensemble: its members and rule). */
    public String title() {
        String what = ensemble() ? measurement.how().describeEnsemble() : recipe.summary();
        return name.isEmpty() || name.equals(what) ? what : name + " (" + what + ")";
    }
}
