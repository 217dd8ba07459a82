package org.paretowb.views.workbench;

import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

/** The knobs' values at one moment: what undo and redo restore, and what "apply" loads from a point. */
record KnobState(double sparsityPercent, double structuredPercent, StructuredPruningSettings.Norm norm,
                 QuantizationSettings.Mode quantMode, int quantBits, Int8Layers int8Layers) {

    static KnobState of(WorkbenchViewModel model) {
        return new KnobState(model.sparsityPercentProperty().get(), model.structuredPercentProperty().get(),
                model.structuredNormProperty().get(), model.quantModeProperty().get(), model.quantBitsProperty().get(),
                model.int8LayersProperty().get());
    }

    /** The knob values that produce this recipe (the knobs cover pruning, structured pruning and quantization). */
    static KnobState of(Recipe recipe) {
        QuantizationSettings q = recipe.quantization();
        return new KnobState(recipe.pruning().sparsity() * 100, recipe.structured().ratio() * 100,
                recipe.structured().norm(), q.mode(), q.active() ? q.bits() : 8, q.int8Layers());
    }

    void applyTo(WorkbenchViewModel model) {
        model.sparsityPercentProperty().set(sparsityPercent);
        model.structuredPercentProperty().set(structuredPercent);
        model.structuredNormProperty().set(norm);
        model.quantBitsProperty().set(quantBits);
        model.int8LayersProperty().set(int8Layers);
        model.quantModeProperty().set(quantMode);
    }
}
