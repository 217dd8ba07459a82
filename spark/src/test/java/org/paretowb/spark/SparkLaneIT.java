package org.paretowb.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.sweep.InProcessLane;
import org.paretowb.services.sweep.MeasuredRecipe;
import org.paretowb.services.sweep.PointKey;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.sweep.RemoteLanes;
import org.paretowb.services.sweep.SweepJob;
import org.paretowb.services.usecase.ExampleSession;

/** A small sweep on Spark in local mode (two task slots) against the in-process lane. */
class SparkLaneIT {
    private static final int SAMPLES = 500;

    @TempDir
    Path dir;

    @Test
    void aSweepOnLocalSparkMeasuresEveryPointOnceWithTheInProcessLanesAccuracyAndSize() {
        WeightSet model = ExampleSession.exampleWeights(Architecture.CNN);
        LabeledImages test = ExampleSession.testSet();
        List<Recipe> recipes = grid();
        PointContext context = ExampleSession.context("Example CNN", model, test, true);
        SweepJob job = new SweepJob("test-run", model, test, SAMPLES, "onnxruntime");

        List<MeasuredRecipe> arrived = new ArrayList<>();
        Path file = dir.resolve("spark.pwws");
        try (Workspace workspace = Workspace.open(file); RecipeBatchLane lane = RemoteLanes.open("local[2]", job)) {
            assertTrue(lane.describe().startsWith("Spark at local[2]"), lane.describe());
            lane.measure(recipes, p -> {
                arrived.add(p);
                workspace.add(context, p.recipe(), p.measurement(), "", p.environment(),
                        PointKey.of(job.runId(), p.index(), context, p.recipe()));
            }, CancelToken.NEVER);
            // the same batch again, as a retried task would deliver it: the keys keep one row per point
            for (MeasuredRecipe p : arrived.subList(0, 3)) {
                workspace.add(context, p.recipe(), p.measurement(), "", p.environment(),
                        PointKey.of(job.runId(), p.index(), context, p.recipe()));
            }
            List<StoredPoint> stored = workspace.points();
            assertEquals(recipes.size(), stored.size(), "every point once in the workspace");
            assertTrue(stored.get(0).machine().startsWith("Spark executor "), stored.get(0).machine());
            assertTrue(stored.get(0).environment().get("measuredOn").startsWith("Spark executor "));
        }
        Set<Integer> indices = new HashSet<>();
        arrived.forEach(p -> indices.add(p.index()));
        assertEquals(recipes.size(), arrived.size(), "every point handed over once");
        assertEquals(recipes.size(), indices.size());

        PointMeasurer local = ExampleSession.measurer(ExampleSession.onnxRuntime(test), model, SAMPLES,
                new RecipeApplier(), test);
        List<MeasuredRecipe> inProcess = new InProcessLane(local).measureAll(recipes, CancelToken.NEVER);
        arrived.sort(java.util.Comparator.comparingInt(MeasuredRecipe::index));
        for (int i = 0; i < recipes.size(); i++) {
            Measurement spark = arrived.get(i).measurement();
            Measurement here = inProcess.get(i).measurement();
            String what = recipes.get(i).summary();
            assertEquals(here.accuracy(), spark.accuracy(), what);
            assertEquals(here.sizeBytes(), spark.sizeBytes(), what);
            assertEquals(here.nonZeros(), spark.nonZeros(), what);
            assertArrayEquals(here.predictions(), spark.predictions(), what);
            assertEquals(SAMPLES, spark.samples(), what);
        }
    }

    private static List<Recipe> grid() {
        List<Recipe> recipes = new ArrayList<>();
        for (double prune : new double[] {0, 0.5, 0.8}) {
            for (int bits : new int[] {32, 8}) {
                recipes.add(Recipe.builder().pruning(new PruningSettings(prune))
                        .quantization(bits == 32 ? QuantizationSettings.NONE
                                : new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, bits, true, true))
                        .build());
            }
        }
        return recipes;
    }
}
