package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.Percentiles;

/** The live set is the full set where its points are fast enough here, else the subset, and it says which. */
class LiveSetTest {
    @Test
    void theFullSetWithinTheBudgetAndTheSubsetOverIt() {
        LiveSet fast = LiveSet.decide(212, 8, 1000, 10_000);
        LiveSet slow = LiveSet.decide(481, 8, 1000, 10_000);

        assertEquals(0, fast.samples(), "0: all images");
        assertEquals("Live points on the full evaluation set (10,000 images): a full-set point took p95 212 ms on"
                + " this machine (budget 300 ms)", fast.reason());
        assertEquals(1000, slow.samples());
        assertTrue(slow.reason().startsWith("Live points on the first 1,000 of 10,000 images: a full-set point took"
                + " p95 481 ms on this machine (over the 300 ms budget)"), slow.reason());
        assertEquals(0, LiveSet.decide(300, 8, 1000, 10_000).samples(), "the budget itself is within it");
    }

    @Test
    void twoPointsOverTheBudgetPutTheP95OfUpToEightOverIt() {
        // the early stop in choose(): with two of k <= 8 values over the budget, the p95 lies between the two largest
        for (int k = 2; k <= LiveSet.POINTS_TIMED; k++) {
            double[] millis = new double[k];
            for (int i = 0; i < k - 2; i++) {
                millis[i] = 10;
            }
            millis[k - 2] = LiveSet.BUDGET_MS + 1;
            millis[k - 1] = LiveSet.BUDGET_MS + 1;
            assertTrue(new Percentiles(millis).at(95) > LiveSet.BUDGET_MS, "k = " + k);
        }
    }
}
