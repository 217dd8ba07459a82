package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOnOneToHundred() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // unsorted on purpose
        }
        Percentiles p = new Percentiles(samples);

        assertEquals(50, p.at(50));
        assertEquals(95, p.at(95));
        assertEquals(100, p.at(100));
    }
}
