package org.paretowb.charts.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitTest {
    @Test
    void labelsShowTheDecimalsTheirStepNeeds() {
        assertEquals("0.05", Unit.PLAIN.label(0.05, 0.05));
        assertEquals("0.10", Unit.PLAIN.label(0.1, 0.05));
        assertEquals("0.025", Unit.PLAIN.label(0.025, 0.025));
        assertEquals("92", Unit.PERCENT.label(92, 2));
        assertEquals("91.5", Unit.PERCENT.label(91.5, 0.5));
        assertEquals("0.0", Unit.PLAIN.label(-1e-17, 0.1), "no minus zero");
    }

    @Test
    void bytesAndCountsReadInTheirOwnUnits() {
        assertEquals("850 B", Unit.BYTES.label(850, 50));
        assertEquals("200 kB", Unit.BYTES.label(200_000, 100_000));
        assertEquals("1.2 MB", Unit.BYTES.label(1_200_000, 100_000));
        assertEquals("1.25 MB", Unit.BYTES.label(1_250_000, 50_000));
        assertEquals("3 kB", Unit.BYTES.label(3_000, 1_000));
        assertEquals("50k", Unit.COUNT.label(50_000, 10_000));
        assertEquals("1.24M", Unit.COUNT.label(1_240_000, 20_000));
        assertEquals("950", Unit.COUNT.label(950, 50));
    }

    @Test
    void changesCarryTheirSign() {
        assertEquals("+0.5", Unit.CHANGE.label(0.5, 0.5));
        assertEquals("-1.0", Unit.CHANGE.label(-1, 0.5));
        assertEquals("0", Unit.CHANGE.label(0, 0.5));
    }
}
