package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.paretowb.models.recipe.QuantizationSettings.Observer;

class ActivationRangeTest {
    @Test
    void minMaxKeepsTheOutlierAndPercentileDropsIt() {
        float[] values = new float[100_001];
        for (int i = 0; i < 100_000; i++) {
            values[i] = i / 100_000f; // 0 .. 1
        }
        values[100_000] = 50; // one outlier

        assertArrayEquals(new float[] {0, 50}, ActivationQuantizer.range(values, Observer.MIN_MAX));
        float[] percentile = ActivationQuantizer.range(values, Observer.PERCENTILE);
        assertArrayEquals(new float[] {0, 0.9999f}, percentile, 1e-4f);
    }

    @Test
    void bothRangesIncludeZero() {
        float[] positive = {2, 3, 4};

        assertArrayEquals(new float[] {0, 4}, ActivationQuantizer.range(positive, Observer.MIN_MAX));
        assertArrayEquals(new float[] {0, 4}, ActivationQuantizer.range(positive, Observer.PERCENTILE));
    }
}
