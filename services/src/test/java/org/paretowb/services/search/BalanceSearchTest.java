package org.paretowb.services.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.Workspace;

class BalanceSearchTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Knob.range("structured", 0, 0.9, false, 10),
            Knob.range("prune", 0, 0.9, false, 10),
            Knob.categorical("quant", List.of("fp32", "int8", "int2"))));
    private static final Goal GOAL = new Goal(Objective.LATENCY, 1.0);
    private static final PointContext CONTEXT = new PointContext("synthetic", "m1", "synthetic data", "d1");

    @TempDir
    Path dir;

    @Test
    void theGridFindsTheFastestCandidateWithinTheBudget() {
        Synthetic model = new Synthetic();
        SearchResult r = new BalanceSearch(SPACE, GOAL, new GridStrategy(SPACE), model,
                BalanceSearch.Settings.fullSetOnly(1000)).run(SearchListener.NONE, CancelToken.NEVER);
        assertTrue(r.exhausted());
        assertEquals(300, r.evaluations());
        // 1 point of drop allows 5% more channels than 30% (0.2 points per 1%): 0.35 is off the grid, 0.3 is on it
        assertEquals(0.3, r.best().recipe().structured().ratio(), 1e-12);
        assertTrue(r.best().dropPoints() <= 1.0);
    }

    @Test
    void withHalvingCandidatesGoFromTheSubsetToTheFullSetAndTheAnswerIsAFullSetMeasurement() {
        Synthetic model = new Synthetic();
        SearchResult r = new BalanceSearch(SPACE, GOAL, new RandomStrategy(SPACE, 1), model,
                new BalanceSearch.Settings(40, 6, 200, 3, 1.0)).run(SearchListener.NONE, CancelToken.NEVER);
        assertTrue(r.evaluations() <= 40);
        assertTrue(r.fullSetEvaluations() > 0 && r.fullSetEvaluations() < r.evaluations());
        assertNotNull(r.best());
        assertTrue(r.best().fullSet());
        assertEquals(Synthetic.FULL, r.best().measured().measurement().samples());
        for (Trial t : r.trials()) {
            if (t.fullSet()) {
                // every full-set candidate was first measured on the subset, in the same round
                assertTrue(r.trials().stream().anyMatch(s -> !s.fullSet() && s.candidate().equals(t.candidate())
                        && s.number() < t.number()), t.toString());
            }
        }
        // 2 baselines (full set and subset) and the evaluations, nothing else; a last round that could not promote
        // anything within the 40 is not started
        assertTrue(r.evaluations() >= 38, "evaluations: " + r.evaluations());
        assertEquals(2 + r.evaluations(), model.measured.get());
    }

    @Test
    void aCandidateOverTheBudgetIsNeverTheAnswer() {
        Goal strict = new Goal(Objective.LATENCY, 0.0);
        SearchResult r = new BalanceSearch(SPACE, strict, new TpeStrategy(SPACE, 2), new Synthetic(),
                BalanceSearch.Settings.fullSetOnly(40)).run(SearchListener.NONE, CancelToken.NEVER);
        assertTrue(r.best().dropPoints() <= 0.0);
        assertTrue(r.best().recipe().structured().ratio() <= 0.3);
    }

    @Test
    void aResumedSearchReplaysItsStoredPointsAndMeasuresOnlyTheRest() {
        Path file = dir.resolve("w.pwws");
        BalanceSearch.Settings settings = new BalanceSearch.Settings(30, 4, 200, 2, 1.0);

        Synthetic first = new Synthetic();
        CancelToken stop = new CancelToken() {
            private int checks;

            @Override
            public void check() {
                if (++checks == 25) {
                    cancel();
                }
                super.check();
            }
        };
        try (Workspace w = Workspace.open(file)) {
            assertThrows(CancelledException.class, () -> new BalanceSearch(SPACE, GOAL, new TpeStrategy(SPACE, 5),
                    new StoredEvaluator(w, CONTEXT, first), settings).run(SearchListener.NONE, stop));
        }
        int before = first.measured.get();
        assertTrue(before > 2 && before < 30, "measured before the cancel: " + before);

        Synthetic second = new Synthetic();
        SearchResult resumed;
        try (Workspace w = Workspace.open(file)) {
            resumed = new BalanceSearch(SPACE, GOAL, new TpeStrategy(SPACE, 5), new StoredEvaluator(w, CONTEXT, second),
                    settings).run(SearchListener.NONE, CancelToken.NEVER);
            assertEquals(before + second.measured.get(), w.points(CONTEXT).size());
        }
        SearchResult uninterrupted = new BalanceSearch(SPACE, GOAL, new TpeStrategy(SPACE, 5), new Synthetic(),
                settings).run(SearchListener.NONE, CancelToken.NEVER);
        assertEquals(recipes(uninterrupted), recipes(resumed));
        assertEquals(before, resumed.reused() + 2); // the two baselines are reused too, but are not trials
        assertEquals(uninterrupted.best().recipe(), resumed.best().recipe());
        for (Recipe r : second.order) {
            assertTrue(!first.order.contains(r) || second.order.indexOf(r) < 0 || isSubsetAndFull(first, second, r),
                    "re-measured " + r.summary());
        }
    }

    /** A recipe measured on the subset before the cancel may be measured on the full set after it (not twice on one). */
    private static boolean isSubsetAndFull(Synthetic first, Synthetic second, Recipe r) {
        return first.order.stream().filter(r::equals).count() + second.order.stream().filter(r::equals).count() <= 2;
    }

    private static List<String> recipes(SearchResult r) {
        List<String> out = new ArrayList<>();
        r.trials().forEach(t -> out.add(t.recipe().summary() + (t.fullSet() ? " full" : " subset")));
        return out;
    }

    @Test
    void aCancelledSearchStopsAtTheNextCandidate() {
        CancelToken cancel = new CancelToken();
        Synthetic model = new Synthetic();
        assertThrows(CancelledException.class, () -> new BalanceSearch(SPACE, GOAL, new RandomStrategy(SPACE, 1),
                model, BalanceSearch.Settings.fullSetOnly(50)).run((t, n, max, best) -> {
                    if (n == 3) {
                        cancel.cancel();
                    }
                }, cancel));
        assertEquals(4, model.measured.get()); // the baseline and three candidates
    }
}
