package org.paretowb.models.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    record P(String name, double accuracy, double cost) {
    }

    private final ParetoFront<P> front = new ParetoFront<>(P::accuracy, P::cost);

    @Test
    void betterOnOneObjectiveAndEqualOnTheOtherDominates() {
        assertTrue(front.dominates(new P("a", 0.9, 1), new P("b", 0.9, 2)));
        assertTrue(front.dominates(new P("a", 0.91, 1), new P("b", 0.9, 1)));
        assertFalse(front.dominates(new P("a", 0.9, 1), new P("b", 0.9, 1)), "equal points do not dominate");
        assertFalse(front.dominates(new P("a", 0.95, 2), new P("b", 0.9, 1)), "a trade-off does not dominate");
    }

    @Test
    void frontKeepsTheTradeOffsInCostOrder() {
        P cheapBad = new P("cheap", 0.70, 1);
        P middle = new P("middle", 0.85, 2);
        P dominated = new P("dominated", 0.80, 3);
        P best = new P("best", 0.90, 4);
        P worse = new P("worse", 0.89, 5);

        List<P> result = front.of(List.of(best, dominated, worse, cheapBad, middle));

        assertEquals(List.of(cheapBad, middle, best), result);
        assertFalse(front.onFront(dominated, List.of(best, dominated, middle)));
        assertTrue(front.onFront(middle, List.of(best, dominated, middle)));
    }

    @Test
    void ofEqualCostsOnlyTheMostAccurateStays() {
        P a = new P("a", 0.8, 1);
        P b = new P("b", 0.9, 1);

        assertEquals(List.of(b), front.of(List.of(a, b)));
    }
}
