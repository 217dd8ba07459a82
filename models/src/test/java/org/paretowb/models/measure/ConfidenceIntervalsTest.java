package org.paretowb.models.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known values: the binomial tables of the order-statistic interval, and Wilson intervals worked by hand. */
class ConfidenceIntervalsTest {

    @Test
    void theMedianIntervalUsesTheRanksOfTheBinomialTables() {
        // n: lower rank k such that 1 - 2 P(Bin(n, 1/2) <= k - 1) >= 95%, as tabulated (e.g. Conover, table A3)
        assertEquals(0, ConfidenceIntervals.medianRank(5), "5 values cannot give 95%: min-max is 93.75%");
        assertEquals(1, ConfidenceIntervals.medianRank(6));
        assertEquals(1, ConfidenceIntervals.medianRank(8));
        assertEquals(2, ConfidenceIntervals.medianRank(9));
        assertEquals(2, ConfidenceIntervals.medianRank(10));
        assertEquals(6, ConfidenceIntervals.medianRank(20));
        assertEquals(40, ConfidenceIntervals.medianRank(100));
        assertEquals(0.96875, ConfidenceIntervals.medianCoverage(6, 1), 1e-12);
        assertEquals(1 - 2 * 11 / 1024.0, ConfidenceIntervals.medianCoverage(10, 2), 1e-12);
        assertEquals(0.9586, ConfidenceIntervals.medianCoverage(20, 6), 1e-4);
        assertTrue(ConfidenceIntervals.medianCoverage(20, 7) < 0.95, "rank 7 of 20 falls short: 88.5%");
    }

    @Test
    void largeCountsNeedNoUnderflowingPowersOfTwo() {
        int k = ConfidenceIntervals.medianRank(2000); // 2^-2000 underflows a double
        double normal = 1000 - 1.96 * Math.sqrt(2000) / 2; // the normal approximation's rank, about 956
        assertEquals(normal, k, 2);
        assertTrue(ConfidenceIntervals.medianCoverage(2000, k) >= 0.95);
        assertTrue(ConfidenceIntervals.medianCoverage(2000, k + 1) < 0.95);
    }

    @Test
    void theMedianIntervalOfKnownValuesIsTheirSecondAndNinthOfTen() {
        double[] rounds = {0.075, 0.070, 0.071, 0.069, 0.090, 0.072, 0.068, 0.070, 0.073, 0.071};

        Interval i = ConfidenceIntervals.median(rounds);

        assertEquals(0.069, i.low(), 0); // sorted: .068 .069 .070 .070 .071 .071 .072 .073 .075 .090
        assertEquals(0.075, i.high(), 0);
        assertEquals(0.070, rounds[1], 0, "the input is not reordered");
        assertNull(ConfidenceIntervals.median(new double[] {1, 2, 3, 4, 5}), "too few values for 95%");
    }

    @Test
    void wilsonIntervalsMatchTheirFormula() {
        // 920 of 1,000: centre (0.92 + 3.8415/2000) / 1.0038415 = 0.91839,
        // half 1.96/1.0038415 * sqrt(0.0000736 + 0.00000096) = 0.01686
        Interval i = ConfidenceIntervals.wilson(920, 1000);
        assertEquals(0.9015, i.low(), 1e-4);
        assertEquals(0.9353, i.high(), 1e-4);
        assertEquals(0.0, ConfidenceIntervals.wilson(0, 10).low(), 0, "never below 0");
        assertEquals(0.2775, ConfidenceIntervals.wilson(0, 10).high(), 1e-4, "z^2 / (n + z^2)");
        assertEquals(1.0, ConfidenceIntervals.wilson(10, 10).high(), 1e-12, "never above 1");
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wilson(11, 10));
    }

    @Test
    void aSubsetAccuracyCarriesItsWilsonIntervalAndAFullSetOneIsExact() {
        Provenance subset = Provenance.builder().engine("ONNX Runtime", 2, 1).images("test (first 1000)", true).build();
        Provenance full = Provenance.builder().engine("ONNX Runtime", 2, 1).images("test", false).build();
        Measurement.Builder m = Measurement.builder().accuracy(0.92, 0.99, new double[0]).latency(0.07, 0.08)
                .predictions(new byte[1000]);

        assertEquals(ConfidenceIntervals.wilson(920, 1000), m.how(subset).build().accuracyInterval());
        assertEquals(Interval.exactly(0.92), m.how(full).build().accuracyInterval());
    }

    @Test
    void intervalsSeparateOnlyWhenTheyShareNoValue() {
        Interval a = new Interval(0.068, 0.073);
        assertFalse(a.separatesFrom(new Interval(0.073, 0.080)), "touching is overlapping");
        assertTrue(a.separatesFrom(new Interval(0.0731, 0.080)));
        assertTrue(new Interval(0.050, 0.0679).separatesFrom(a));
        assertEquals(0.003, a.plusMinus(0.070), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
    }
}
