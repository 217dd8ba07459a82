package org.paretowb.services.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class StrategiesTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Knob.range("structured", 0, 0.9, false, 4),
            Knob.ordinal("rank", List.of(1.0, 0.5, 0.25)),
            Knob.categorical("quant", List.of("fp32", "int8", "int4"))));

    @Test
    void theGridEnumeratesEveryCandidateOnceInOrder() {
        GridStrategy grid = new GridStrategy(SPACE);
        List<Observation> history = new ArrayList<>();
        List<List<Double>> all = new ArrayList<>();
        while (true) {
            List<List<Double>> next = grid.propose(history, 5);
            if (next.isEmpty()) {
                break;
            }
            next.forEach(c -> history.add(new Observation(c, 1)));
            all.addAll(next);
        }
        assertEquals(4 * 3 * 3, all.size());
        assertEquals(all.size(), new HashSet<>(all).size());
        assertEquals(List.of(0.0, 0.0, 0.0), all.get(0));
        assertEquals(List.of(0.0, 0.0, 1.0), all.get(1));
        assertEquals(List.of(0.9, 2.0, 2.0), all.get(all.size() - 1));
        assertEquals(List.of(0.0, 0.3, 0.6, 0.9), SPACE.knobs().get(0).grid());
    }

    @Test
    void theGridSkipsWhatWasMeasured() {
        List<Observation> measured = List.of(new Observation(List.of(0.0, 0.0, 0.0), 1),
                new Observation(List.of(0.0, 0.0, 2.0), 1));
        assertEquals(List.of(List.of(0.0, 0.0, 1.0), List.of(0.0, 1.0, 0.0)), new GridStrategy(SPACE).propose(measured, 2));
    }

    @Test
    void randomDrawsTheSameSequenceForTheSameSeedAndAnotherForAnother() {
        List<List<Double>> a = run(new RandomStrategy(SPACE, 7), 20, c -> 1);
        List<List<Double>> b = run(new RandomStrategy(SPACE, 7), 20, c -> 1);
        List<List<Double>> c = run(new RandomStrategy(SPACE, 8), 20, x -> 1);
        assertEquals(a, b);
        assertNotEquals(a, c);
        for (List<Double> x : a) {
            assertTrue(x.get(0) >= 0 && x.get(0) <= 0.9, x.toString());
            assertTrue(x.get(1) == Math.rint(x.get(1)) && x.get(2) == Math.rint(x.get(2)), x.toString());
        }
        assertEquals(20, new HashSet<>(a).size());
    }

    @Test
    void tpeIsDeterministicForASeedAndItsMeasuredValues() {
        ToDoubleFunction<List<Double>> loss = StrategiesTest::bowl;
        assertEquals(run(new TpeStrategy(CONTINUOUS, 3), 30, loss), run(new TpeStrategy(CONTINUOUS, 3), 30, loss));
        assertNotEquals(run(new TpeStrategy(CONTINUOUS, 3), 30, loss), run(new TpeStrategy(CONTINUOUS, 4), 30, loss));
    }

    private static final SearchSpace CONTINUOUS = new SearchSpace(List.of(
            Knob.range("structured", 0, 0.9, false, 10),
            Knob.range("prune", 0, 0.9, false, 10),
            Knob.range("finetune-lr", 1e-5, 1e-1, true, 5),
            Knob.categorical("quant", List.of("fp32", "int8", "int4", "int2"))));

    /** Best at structured 0.7, prune 0.2, learning rate 1e-3 and int4. */
    private static double bowl(List<Double> c) {
        double lr = Math.log10(c.get(2)) + 3;
        return Math.pow(c.get(0) - 0.7, 2) + Math.pow(c.get(1) - 0.2, 2) + 0.05 * lr * lr + (c.get(3) == 2.0 ? 0 : 0.1);
    }

    @Test
    void tpeProposesFromTheGoodRegionMoreOftenThanRandomDoes() {
        int tpeNear = 0;
        int randomNear = 0;
        double tpeBest = 0;
        double randomBest = 0;
        for (long seed = 1; seed <= 5; seed++) {
            List<List<Double>> tpe = run(new TpeStrategy(CONTINUOUS, seed), 60, StrategiesTest::bowl);
            List<List<Double>> random = run(new RandomStrategy(CONTINUOUS, seed), 60, StrategiesTest::bowl);
            tpeNear += near(tpe.subList(20, 60));
            randomNear += near(random.subList(20, 60));
            tpeBest += tpe.stream().mapToDouble(StrategiesTest::bowl).min().orElseThrow();
            randomBest += random.stream().mapToDouble(StrategiesTest::bowl).min().orElseThrow();
        }
        assertTrue(tpeNear > 2 * randomNear, "TPE " + tpeNear + " near the optimum, random " + randomNear);
        assertTrue(tpeBest < randomBest, "TPE's best losses sum to " + tpeBest + ", random's to " + randomBest);
    }

    @Test
    void tpeGoodDensityIsHigherWhereTheGoodObservationsAre() {
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double s = i / 20.0 * 0.9;
            history.add(new Observation(List.of(s, 0.0, 1e-3, 0.0), Math.abs(s - 0.7)));
        }
        TpeStrategy.Model model = new TpeStrategy(CONTINUOUS, 1).model(history);
        assertTrue(model.score(List.of(0.7, 0.0, 1e-3, 0.0)) > model.score(List.of(0.1, 0.0, 1e-3, 0.0)));
    }

    /** Proposals within 0.15 of the optimum in both pruning knobs, with int4. */
    private static int near(List<List<Double>> proposals) {
        return (int) proposals.stream().filter(c -> Math.abs(c.get(0) - 0.7) < 0.15 && Math.abs(c.get(1) - 0.2) < 0.15
                && c.get(3) == 2.0).count();
    }

    /** Proposes one at a time, observing {@code loss} of each. */
    private static List<List<Double>> run(SearchStrategy s, int n, ToDoubleFunction<List<Double>> loss) {
        List<Observation> history = new ArrayList<>();
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> c = s.propose(history, 1).get(0);
            history.add(new Observation(c, loss.applyAsDouble(c)));
            out.add(c);
        }
        return out;
    }
}
