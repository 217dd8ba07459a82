package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.recipe.Recipe;

class SweepGridTest {
    @Test
    void theRecipesAreTheCrossProductWithTheLastAxisFastest() {
        List<Recipe> recipes = new SweepGrid("prune=0,0.5,0.9;bits=32,8,4").recipes();

        assertEquals(9, recipes.size());
        assertEquals("baseline (fp32, dense)", recipes.get(0).summary());
        assertEquals("int8 weights (per channel, symmetric)", recipes.get(1).summary());
        assertEquals("prune 50% (global magnitude) + int4 weights (per channel, symmetric)", recipes.get(5).summary());
        assertEquals(0.9, recipes.get(8).pruning().sparsity());
    }

    @Test
    void unknownKnobsBadNumbersAndBadSettingsAreNamed() {
        assertEquals("--grid: 'sparsity=0.5' is not knob=v1,v2,... with a knob among prune, structured, rank, bits, finetune",
                assertThrows(UserError.class, () -> new SweepGrid("sparsity=0.5")).getMessage());
        assertEquals("--grid: 'half' in prune is not a number",
                assertThrows(UserError.class, () -> new SweepGrid("prune=half")).getMessage());
        assertEquals("--grid bits: quantization bits must be 8, 4 or 2, got 3",
                assertThrows(UserError.class, () -> new SweepGrid("bits=3").recipes()).getMessage());
        assertEquals("--grid: prune is given twice",
                assertThrows(UserError.class, () -> new SweepGrid("prune=0;prune=1").getClass()).getMessage());
    }
}
