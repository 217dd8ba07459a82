package org.paretowb.services.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.sweep.MeasuredRecipe;
import org.paretowb.services.sweep.PointKey;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.usecase.UserError;

class LaneEvaluatorTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Knob.range("structured", 0, 0.9, false, 10),
            Knob.range("prune", 0, 0.9, false, 10),
            Knob.categorical("quant", List.of("fp32", "int8", "int2"))));
    private static final Goal GOAL = new Goal(Objective.BYTES, 1.0);
    private static final PointContext CONTEXT = new PointContext("synthetic", "m1", "synthetic data", "d1");
    private static final BalanceSearch.Settings SETTINGS = new BalanceSearch.Settings(24, 6, 200, 3, 1.0);

    @TempDir
    Path dir;

    /** A lane over the synthetic model that hands each batch back last point first, and may fail after N points. */
    private static final class SyntheticLane implements RecipeBatchLane {
        final List<Integer> batches = new ArrayList<>();
        int measured;
        int failAfter = Integer.MAX_VALUE;

        @Override
        public void measure(List<Recipe> recipes, int samples, PointSink sink, CancelToken cancel) {
            batches.add(recipes.size());
            for (int i = recipes.size() - 1; i >= 0; i--) {
                if (measured == failAfter) {
                    throw new IllegalStateException("the sweep on the synthetic lane failed: executor lost");
                }
                measured++;
                sink.measured(new MeasuredRecipe(i, recipes.get(i), Synthetic.measurement(recipes.get(i), samples),
                        Map.of("measuredOn", "synthetic executor")));
            }
        }

        @Override
        public String describe() {
            return "synthetic lane";
        }
    }

    private static SearchResult search(CandidateEvaluator evaluator) {
        return new BalanceSearch(SPACE, GOAL, new TpeStrategy(SPACE, 3), evaluator, SETTINGS)
                .run(SearchListener.NONE, CancelToken.NEVER);
    }

    @Test
    void throughALaneEachRoundIsOneBatchAndTheSearchTakesTheSamePathAsInProcess() {
        SyntheticLane lane = new SyntheticLane();
        SearchResult onLane = search(new LaneEvaluator(lane, Synthetic.FULL, null));
        SearchResult inProcess = search(new Synthetic());
        assertEquals(summaries(inProcess), summaries(onLane));
        assertNotNull(onLane.best());
        assertEquals(inProcess.best().recipe(), onLane.best().recipe());
        // the two baselines, then per round one subset batch of up to 6 and one full-set batch of the promoted
        assertEquals(List.of(1, 1), lane.batches.subList(0, 2));
        assertTrue(lane.batches.stream().allMatch(n -> n <= 6), lane.batches.toString());
        assertTrue(lane.batches.size() < 2 + onLane.evaluations(), "fewer batches than measurements: " + lane.batches);
        assertEquals(2 + onLane.evaluations(), lane.measured);
    }

    @Test
    void everyPointIsSavedOnceUnderItsRunsKeyAndTheSameRunAgainReadsThemAllBack() {
        Path file = dir.resolve("w.pwws");
        SearchResult first;
        try (Workspace w = Workspace.open(file)) {
            first = search(new LaneEvaluator(new SyntheticLane(), Synthetic.FULL,
                    new LaneEvaluator.Keys("run-a", CONTEXT, w)));
            List<StoredPoint> points = w.points();
            assertEquals(2 + first.evaluations(), points.size());
            assertEquals(0, first.reused());
            assertTrue(first.trials().stream().allMatch(t -> t.measured().point() > 0));
            assertEquals("synthetic executor", points.get(0).environment().get("measuredOn"));
        }
        try (Workspace w = Workspace.open(file)) {
            HashSet<Integer> indices = new HashSet<>();
            w.points().forEach(p -> indices.add(indexOf(w, "run-a", p)));
            assertEquals(2 + first.evaluations(), indices.size(), "one index per measurement, across the rounds");
            assertTrue(!indices.contains(-1), "every point saved under its run's key");

            SyntheticLane again = new SyntheticLane();
            SearchResult rerun = search(new LaneEvaluator(again, Synthetic.FULL,
                    new LaneEvaluator.Keys("run-a", CONTEXT, w)));
            assertEquals(0, again.measured, "nothing measured again");
            assertEquals(rerun.evaluations(), rerun.reused());
            assertEquals(summaries(first), summaries(rerun));
            assertEquals(first.best().measured().point(), rerun.best().measured().point());

            SyntheticLane other = new SyntheticLane();
            search(new LaneEvaluator(other, Synthetic.FULL, new LaneEvaluator.Keys("run-b", CONTEXT, w)));
            assertEquals(2 + first.evaluations(), other.measured, "another run id measures its own points");
            assertEquals(2 * (2 + first.evaluations()), w.points().size());
        }
    }

    @Test
    void aRunWhoseBatchFailedMeasuresOnlyWhatIsMissingWhenStartedAgain() {
        Path file = dir.resolve("w.pwws");
        SyntheticLane failing = new SyntheticLane();
        failing.failAfter = 9;
        try (Workspace w = Workspace.open(file)) {
            LaneEvaluator evaluator = new LaneEvaluator(failing, Synthetic.FULL, new LaneEvaluator.Keys("r", CONTEXT, w));
            assertThrows(IllegalStateException.class, () -> search(evaluator));
            assertEquals(9, w.points().size(), "the points back before the failure are saved");
        }
        SyntheticLane resumed = new SyntheticLane();
        SearchResult r;
        try (Workspace w = Workspace.open(file)) {
            r = search(new LaneEvaluator(resumed, Synthetic.FULL, new LaneEvaluator.Keys("r", CONTEXT, w)));
            assertEquals(2 + r.evaluations(), w.points().size());
        }
        assertEquals(2 + r.evaluations() - 9, resumed.measured);
        assertEquals(summaries(search(new Synthetic())), summaries(r));
    }

    @Test
    void aStoredPointOfTheRunOnOtherImagesIsRefusedNotReused() {
        try (Workspace w = Workspace.open(dir.resolve("w.pwws"))) {
            LaneEvaluator.Keys keys = new LaneEvaluator.Keys("r", CONTEXT, w);
            new LaneEvaluator(new SyntheticLane(), Synthetic.FULL, keys)
                    .measure(List.of(Recipe.BASELINE), 100, (i, m) -> { }, CancelToken.NEVER);
            UserError e = assertThrows(UserError.class, () -> new LaneEvaluator(new SyntheticLane(), Synthetic.FULL,
                    keys).measure(List.of(Recipe.BASELINE), 0, (i, m) -> { }, CancelToken.NEVER));
            assertTrue(e.getMessage().startsWith("run r: point 1 (r/0/"), e.getMessage());
            assertTrue(e.getMessage().contains("measured on 100 images, and this search measures it on 1000"),
                    e.getMessage());
        }
    }

    /** The index of the run's key the point is saved under; -1 when none. */
    private static int indexOf(Workspace w, String run, StoredPoint p) {
        for (int i = 0; i < 100; i++) {
            var held = w.pointWithKey(PointKey.of(run, i, CONTEXT, p.point().recipe()));
            if (held.isPresent() && held.get().point().id() == p.point().id()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> summaries(SearchResult r) {
        List<String> out = new ArrayList<>();
        r.trials().forEach(t -> out.add(t.recipe().summary() + (t.fullSet() ? " full" : " subset")));
        return out;
    }
}
