package org.paretowb.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.WeightSet;

class StandardisationTest {
    private static final LabeledImages ROWS = LabeledImages.table("t", new float[] {
        1, 100, 5,
        3, 300, 5,
        2, 500, 5}, new byte[] {0, 1, 0}, 3);

    @Test
    void standardisedTrainingRowsHaveMeanZeroAndStdOne() {
        Standardisation s = Standardisation.of(ROWS);

        LabeledImages standardised = s.apply(ROWS);

        assertArrayEquals(new float[] {2, 300, 5}, s.mean(), 1e-5f);
        float a = (float) Math.sqrt(2.0 / 3);
        assertArrayEquals(new float[] {-1 / a, -1 / a, 0, 1 / a, 0, 0, 0, 1 / a, 0}, standardised.features(), 1e-5f);
        assertArrayEquals(ROWS.labels(), standardised.labels());
    }

    @Test
    void aConstantFeatureIsOnlyCentred() {
        assertEquals(1f, Standardisation.of(ROWS).std()[2]);
    }

    @Test
    void theLayerFormAddsABatchNormInFrontOfTheFirstDenseLayer() {
        WeightSet trained = WeightSetFixture.random(NetworkSpec.parse("1x1x3 flatten dense4 relu dense2"), 1);

        WeightSet layered = Standardisation.of(ROWS).asLayer(trained);

        assertEquals("1x1x3 flatten bn dense4 relu dense2", layered.spec().describe());
        assertArrayEquals(new float[] {2, 300, 5}, layered.tensors().get(2).values(), 1e-5f);
        assertArrayEquals(trained.tensors().get(0).values(), layered.tensors().get(4).values());
    }

    @Test
    void foldingNeedsADenseFirstLayer() {
        WeightSet conv = WeightSetFixture.random(NetworkSpec.parse("1x1x3 conv2k1p0 flatten dense2"), 1);

        assertThrows(IllegalArgumentException.class, () -> Standardisation.of(ROWS).foldInto(conv));
    }
}
