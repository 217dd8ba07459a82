package org.paretowb.models.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FineTuneSettingsTest {
    @Test
    void theShortFormIsAdamWithACosineDecayAtBatch128() {
        FineTuneSettings s = new FineTuneSettings(2, 5e-4);
        assertEquals(FineTuneSettings.Optimizer.ADAM, s.optimizer());
        assertEquals(FineTuneSettings.Schedule.COSINE, s.schedule());
        assertEquals(128, s.batchSize());
        assertEquals("", s.details());
    }

    @Test
    void missingFieldsOfAnOlderRecipeReadAsTheDefaults() {
        FineTuneSettings s = new FineTuneSettings(1, 5e-4, null, null, 0, 0, 0, 0);
        assertEquals(new FineTuneSettings(1, 5e-4), s);
        assertEquals(FineTuneSettings.Schedule.COSINE, s.schedule());
        assertEquals(128, s.batchSize());
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FineTuneSettings(1, 0.01,
                FineTuneSettings.Optimizer.SGD, FineTuneSettings.Schedule.STEP, 1.0, 0, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new FineTuneSettings(1, 0.01,
                FineTuneSettings.Optimizer.SGD, FineTuneSettings.Schedule.STEP, 0.9, -1e-5, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new FineTuneSettings(1, 0.01,
                FineTuneSettings.Optimizer.SGD, FineTuneSettings.Schedule.STEP, 0.9, 0, 0, -4));
    }

    @Test
    void theSummaryNamesWhatDiffersFromTheDefaults() {
        Recipe r = Recipe.builder().fineTune(new FineTuneSettings(2, 0.01, FineTuneSettings.Optimizer.SGD,
                FineTuneSettings.Schedule.STEP, 0.9, 1e-5, 5e-4, 64)).build();
        assertEquals("fine-tune 2 epochs (sgd m0.9 lr 0.01, step, L1 0.00001, L2 0.0005, batch 64)", r.summary());
    }

    @Test
    void layerRemovalReadsACountOrNames() {
        assertEquals(new LayerRemovalSettings(2, List.of()), LayerRemovalSettings.parse("2"));
        assertEquals(List.of("fc2", "conv2"), LayerRemovalSettings.parse("fc2, conv2").layers());
        assertEquals(LayerRemovalSettings.NONE, LayerRemovalSettings.parse("0"));
        assertEquals("fc2,conv2", LayerRemovalSettings.parse("fc2,conv2").describe());
        assertThrows(IllegalArgumentException.class, () -> LayerRemovalSettings.parse("fc2,fc2"));
        assertEquals(Technique.STRUCTURED, Technique.of(Recipe.builder().removal(LayerRemovalSettings.parse("fc2"))
                .build()));
    }
}
