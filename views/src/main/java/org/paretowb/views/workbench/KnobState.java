package org.paretowb.views.workbench;

import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;

/** The knobs' values at one moment: what undo and redo restore, and what "apply" loads from a point. */
record KnobState(double sparsityPercent, double structuredPercent, StructuredPruningSettings.Norm norm,
                 double lowRankPercent, QuantizationSettings.Mode quantMode, int quantBits, boolean perChannel,
                 boolean symmetric, int calibrationImages, Int8Layers int8Layers) {

    /** The knobs as a new window has them: nothing compressed. */
    static KnobState defaults() {
        return new KnobState(0, 0, StructuredPruningSettings.Norm.L1, 100, QuantizationSettings.Mode.OFF, 8, true, true,
                WorkbenchViewModel.CALIBRATION_IMAGES, Int8Layers.WHERE_IT_PAYS);
    }

    static KnobState of(WorkbenchViewModel model) {
        return new KnobState(model.sparsityPercentProperty().get(), model.structuredPercentProperty().get(),
                model.structuredNormProperty().get(), model.lowRankPercentProperty().get(),
                model.quantModeProperty().get(), model.quantBitsProperty().get(), model.perChannelProperty().get(),
                model.symmetricProperty().get(), model.calibrationImagesProperty().get(), model.int8LayersProperty().get());
    }

    /** The knob values that produce this recipe (the window's knobs: pruning, structured, low-rank, quantization). */
    static KnobState of(Recipe recipe) {
        QuantizationSettings q = recipe.quantization();
        return new KnobState(recipe.pruning().sparsity() * 100, recipe.structured().ratio() * 100,
                recipe.structured().norm(), recipe.lowRank().fraction() * 100, q.mode(), q.active() ? q.bits() : 8,
                q.perChannel(), q.symmetric(),
                q.calibrationSamples() > 0 ? q.calibrationSamples() : WorkbenchViewModel.CALIBRATION_IMAGES,
                q.int8Layers());
    }

    void applyTo(WorkbenchViewModel model) {
        model.sparsityPercentProperty().set(sparsityPercent);
        model.structuredPercentProperty().set(structuredPercent);
        model.structuredNormProperty().set(norm);
        model.lowRankPercentProperty().set(lowRankPercent);
        model.quantBitsProperty().set(quantBits);
        model.perChannelProperty().set(perChannel);
        model.symmetricProperty().set(symmetric);
        model.calibrationImagesProperty().set(calibrationImages);
        model.int8LayersProperty().set(int8Layers);
        model.quantModeProperty().set(quantMode);
    }
}
