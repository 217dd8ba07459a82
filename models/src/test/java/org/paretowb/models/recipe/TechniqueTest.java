package org.paretowb.models.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TechniqueTest {
    @Test
    void aRecipeStandsForItsOneTechniqueOrForCombined() {
        Recipe pruned = new Recipe(new PruningSettings(0.5));
        Recipe quantized = new Recipe(DistillationSettings.NONE, StructuredPruningSettings.NONE, LowRankSettings.NONE,
                PruningSettings.NONE, new FineTuneSettings(1, 0.001),
                new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true));
        Recipe both = new Recipe(DistillationSettings.NONE, StructuredPruningSettings.NONE, LowRankSettings.NONE,
                new PruningSettings(0.5), FineTuneSettings.NONE,
                new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 8, true, true));

        assertEquals(Technique.BASELINE, Technique.of(Recipe.BASELINE));
        assertEquals(Technique.PRUNING, Technique.of(pruned));
        assertEquals(Technique.QUANTIZATION, Technique.of(quantized), "fine-tuning goes with the technique");
        assertEquals(Technique.COMBINED, Technique.of(both));
    }
}
