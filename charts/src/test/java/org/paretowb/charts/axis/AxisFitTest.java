package org.paretowb.charts.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AxisFitTest {
    private static final AxisFit LATENCY = new AxisFit(0.3, 0, true, false, new AxisRange(0, 1, false));
    private static final AxisFit ACCURACY = new AxisFit(0, 1.0, false, false, new AxisRange(0, 100, false));
    private static final AxisFit CHANGE = new AxisFit(0, 1.0, false, true, new AxisRange(-1, 1, false));

    @Test
    void anAxisSpansItsDataWithAMarginAndNotFromZero() {
        AxisRange r = LATENCY.of(0.057, 0.061, 0.068, 0.136);
        assertTrue(r.lower() > 0.03 && r.lower() < 0.057, "lower bound near the fastest point: " + r);
        assertTrue(r.upper() > 0.136 && r.upper() < 0.15, "upper bound near the slowest point: " + r);
        assertFalse(r.log(), "a factor of 2.4 stays linear");
    }

    @Test
    void noiseDoesNotFillTheAxis() {
        AxisRange r = LATENCY.of(0.060, 0.062);
        assertTrue(r.upper() - r.lower() >= 0.3 * 0.062, "at least 30% of the value: " + r);
        assertTrue(r.lower() < 0.060 && r.upper() > 0.062);
    }

    @Test
    void aDecadeOrMoreGoesLogarithmic() {
        AxisRange r = LATENCY.of(0.015, 0.057, 0.2);
        assertTrue(r.log());
        assertTrue(r.lower() < 0.015 && r.lower() > 0.01 && r.upper() > 0.2 && r.upper() < 0.3, r.toString());
    }

    @Test
    void aNonNegativeQuantityNeverShowsBelowZero() {
        AxisRange r = LATENCY.of(0.001, 0.0012);
        assertTrue(r.lower() >= 0, r.toString());
        assertEquals(0, new AxisFit(0.3, 0, false, false, new AxisRange(0, 1, false)).of(0, 0).lower());
    }

    @Test
    void onePointGetsAReadableSpanAroundIt() {
        AxisRange r = ACCURACY.of(92.2);
        assertTrue(r.upper() - r.lower() >= 1.0 && r.lower() < 92.2 && r.upper() > 92.2, r.toString());
    }

    @Test
    void zeroOnlyWhereItMeansSomething() {
        assertTrue(ACCURACY.of(80, 92).lower() > 70, "accuracy starts near its data");
        AxisRange change = CHANGE.of(0.4, 1.7);
        assertTrue(change.lower() < 0 && change.upper() > 1.7, "a change against a baseline shows zero: " + change);
    }

    @Test
    void noDataGivesTheAxisItsOwnEmptyRange() {
        assertEquals(new AxisRange(0, 100, false), ACCURACY.of());
        assertEquals(new AxisRange(0, 100, false), ACCURACY.of(Double.NaN));
    }
}
