package org.paretowb.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.search.BalanceSearch;
import org.paretowb.services.search.CandidateEvaluator;
import org.paretowb.services.search.Goal;
import org.paretowb.services.search.Knob;
import org.paretowb.services.search.LaneEvaluator;
import org.paretowb.services.search.MeasurerEvaluator;
import org.paretowb.services.search.Objective;
import org.paretowb.services.search.SearchListener;
import org.paretowb.services.search.SearchResult;
import org.paretowb.services.search.SearchSpace;
import org.paretowb.services.search.TpeStrategy;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.sweep.RemoteLanes;
import org.paretowb.services.sweep.SweepJob;
import org.paretowb.services.usecase.ExampleSession;

/**
 * Issue 19, must-show 3: a search through Spark (local mode, two task slots) reaches the same recipe as the same
 * search in process, with the same seed, and the same accuracy and bytes; run again with its run id it reads every
 * point back from the workspace.
 */
class SparkSearchIT {
    /** The built-in space without static int8 (services/docs/search-spaces/portable.json). */
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Knob.range("structured", 0, 0.6, false, 7),
            Knob.ordinal("rank", List.of(1.0, 0.75, 0.5, 0.25)),
            Knob.range("prune", 0, 0.9, false, 10),
            Knob.categorical("quant", List.of("fp32", "int8", "int4", "int2"))));
    private static final Goal GOAL = new Goal(Objective.BYTES, 1.0);
    private static final BalanceSearch.Settings SETTINGS = new BalanceSearch.Settings(12, 6, 500, 3, 1.0);
    private static final long SEED = 1;

    @TempDir
    Path dir;

    @Test
    void aSearchOnLocalSparkReachesTheInProcessRecipeWithTheSameAccuracyAndBytes() {
        WeightSet model = ExampleSession.exampleWeights(Architecture.CNN);
        LabeledImages test = ExampleSession.testSet();
        PointContext context = ExampleSession.context("Example CNN", model, test, true);

        SearchResult here = search(new MeasurerEvaluator(ExampleSession.measurer(ExampleSession.onnxRuntime(test),
                model, 0, new RecipeApplier(), test)));

        SweepJob job = new SweepJob("search-it", model, test, 0, "onnxruntime");
        SearchResult spark;
        SearchResult rerun;
        try (Workspace workspace = Workspace.open(dir.resolve("w.pwws"));
             RecipeBatchLane lane = RemoteLanes.open("local[2]", job)) {
            LaneEvaluator.Keys keys = new LaneEvaluator.Keys(job.runId(), context, workspace);
            spark = search(new LaneEvaluator(lane, test.size(), keys));
            assertEquals(2 + spark.evaluations(), workspace.points().size(), "every measurement once in the workspace");
            assertTrue(workspace.points().stream().allMatch(p -> p.machine().startsWith("Spark executor ")));
            rerun = search(new LaneEvaluator(lane, test.size(), keys));
            assertEquals(2 + spark.evaluations(), workspace.points().size(), "the rerun measured nothing new");
        }

        assertNotNull(here.best(), "the in-process search found a candidate within the budget");
        assertNotNull(spark.best(), "the Spark search found a candidate within the budget");
        assertTrue(here.fullSetEvaluations() >= 2 && here.evaluations() <= SETTINGS.maxEvaluations(),
                here.evaluations() + " evaluations");
        assertEquals(trials(here), trials(spark), "the same candidates in the same order");
        assertEquals(here.best().recipe(), spark.best().recipe());
        Measurement a = here.best().measured().measurement();
        Measurement b = spark.best().measured().measurement();
        assertEquals(a.accuracy(), b.accuracy());
        assertEquals(a.sizeBytes(), b.sizeBytes());
        assertEquals(test.size(), b.samples());
        assertEquals(here.baseline().measurement().accuracy(), spark.baseline().measurement().accuracy());
        assertTrue(b.how().machine().startsWith("Spark executor "), b.how().machine());

        assertEquals(rerun.evaluations(), rerun.reused(), "every point read back by its run's key");
        assertEquals(trials(spark), trials(rerun));
        assertEquals(spark.best().measured().point(), rerun.best().measured().point());
    }

    private static SearchResult search(CandidateEvaluator evaluator) {
        return new BalanceSearch(SPACE, GOAL, new TpeStrategy(SPACE, SEED), evaluator, SETTINGS)
                .run(SearchListener.NONE, CancelToken.NEVER);
    }

    /** Each evaluation's recipe, rung, accuracy and bytes. */
    private static List<String> trials(SearchResult r) {
        List<String> out = new ArrayList<>();
        r.trials().forEach(t -> out.add(t.recipe().summary() + (t.fullSet() ? " full " : " subset ")
                + t.measured().measurement().accuracy() + " " + t.measured().measurement().sizeBytes()));
        return out;
    }
}
