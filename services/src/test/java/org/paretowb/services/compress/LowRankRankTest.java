package org.paretowb.services.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LowRankRankTest {
    @Test
    void energyRankIsTheSmallestRankHoldingTheFraction() {
        double[] eigenvalues = {6, 3, 1, 0}; // squared singular values, sum 10

        assertEquals(1, LowRankFactorizer.energyRank(eigenvalues, 0.6));
        assertEquals(2, LowRankFactorizer.energyRank(eigenvalues, 0.61));
        assertEquals(2, LowRankFactorizer.energyRank(eigenvalues, 0.9));
        assertEquals(3, LowRankFactorizer.energyRank(eigenvalues, 0.95));
        assertEquals(3, LowRankFactorizer.energyRank(eigenvalues, 1.0));
    }

    @Test
    void parameterRankFitsBothFactorsInTheFraction() {
        assertEquals(29, LowRankFactorizer.rank(128, 1568, 0.25));
        assertEquals(1, LowRankFactorizer.rank(16, 9, 0.01), "at least rank 1");
    }
}
