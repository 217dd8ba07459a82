package org.paretowb.models.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PruningSettingsTest {
    @Test
    void sparsityOutsideZeroToOneIsRefusedWithAReadableMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PruningSettings(1.0));
        assertTrue(e.getMessage().startsWith("pruning sparsity must be at least 0 and below 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PruningSettings(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new PruningSettings(Double.NaN));
    }

    @Test
    void summaryNamesTheSparsity() {
        assertEquals("prune 50% (global magnitude)", Recipe.builder().pruning(new PruningSettings(0.5)).build()
                .summary());
        assertEquals("baseline (fp32, dense)", Recipe.BASELINE.summary());
    }

    @org.junit.jupiter.api.Test
    void theSummaryGivesTheKnobsExactValueNotARoundedOne() {
        assertEquals("prune 49.9% (global magnitude)", Recipe.builder().pruning(new PruningSettings(0.499)).build()
                .summary());
        assertEquals("prune 91.5% (global magnitude)", Recipe.builder().pruning(new PruningSettings(0.915)).build()
                .summary());
    }
}
