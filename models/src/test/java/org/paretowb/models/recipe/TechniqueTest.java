package org.paretowb.models.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TechniqueTest {
    @Test
    void aRecipeStandsForItsOneTechniqueOrForCombined() {
        Recipe pruned = Recipe.builder().pruning(new PruningSettings(0.5)).build();
        Recipe quantized = Recipe.builder().fineTune(new FineTuneSettings(1, 0.001))
                .quantization(new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true)).build();
        Recipe both = Recipe.builder().pruning(new PruningSettings(0.5))
                .quantization(new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true)).build();

        assertEquals(Technique.BASELINE, Technique.of(Recipe.BASELINE));
        assertEquals(Technique.PRUNING, Technique.of(pruned));
        assertEquals(Technique.QUANTIZATION, Technique.of(quantized), "fine-tuning goes with the technique");
        assertEquals(Technique.COMBINED, Technique.of(both));
    }
}
