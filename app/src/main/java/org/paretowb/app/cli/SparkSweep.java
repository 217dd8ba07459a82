package org.paretowb.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.paretowb.models.measure.EvaluatedPoint;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.sweep.PointKey;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.sweep.RemoteLanes;
import org.paretowb.services.sweep.SweepJob;
import org.paretowb.services.usecase.AtomicFile;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.UserError;

/**
 * {@code sweep --spark MASTER}: the same grid, data and outputs as the in-process sweep, measured by a remote lane
 * (the Spark job jar's, found on the class path). Points are saved the moment each partition is back, under
 * idempotent keys (run id, recipe, model and data), so that a point delivered twice is saved once and a run
 * resumed with its id measures only what is missing.
 */
final class SparkSweep {
    private final SweepCommand c;

    SparkSweep(SweepCommand command) {
        this.c = command;
    }

    int run() throws Exception {
        List<Recipe> recipes = c.recipes();
        if (c.out == null && !c.workspace.given()) {
            throw new UserError("say where the points go: --out FILE, --workspace FILE or both");
        }
        if (c.out != null) {
            AtomicFile.requireWritableFolder(c.out);
        }
        if (!"onnxruntime".equals(c.engine)) {
            throw new UserError("--spark measures on onnxruntime; --engine " + c.engine + " runs in-process only");
        }
        if (recipes.stream().anyMatch(RecipeOptions::needsTraining)) {
            throw new UserError("--spark: recipes that fine-tune, distil or calibrate (static int8) need training data,"
                    + " which the Spark lane does not ship yet; sweep them without --spark");
        }
        DataOptions.Loaded data = c.dataOptions.load(c.model, c.seed);
        c.workspace.open();
        PointContext context = ExampleSession.context(data.model().title(), data.model().weights(), data.evaluation(),
                c.dataOptions.builtIn());
        String run = c.runId != null ? c.runId : UUID.randomUUID().toString();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            if (!c.workspace.holds(PointKey.of(run, i, context, recipes.get(i)))) {
                todo.add(i);
            }
        }
        if (todo.size() < recipes.size()) {
            System.err.printf(Locale.ROOT, "run %s: %d of %d points are already in the workspace; measuring the other %d%n",
                    run, recipes.size() - todo.size(), recipes.size(), todo.size());
        }
        List<Recipe> batch = todo.stream().map(recipes::get).toList();
        SweepJob job = new SweepJob(run, data.model().weights(), data.evaluation(), c.samples, c.engine);
        List<EvaluatedPoint> points = new ArrayList<>();
        long start = System.nanoTime();
        String where;
        try (RecipeBatchLane lane = RemoteLanes.open(c.spark, job)) {
            where = lane.describe();
            System.err.println("run " + run + ": " + batch.size() + " points on " + where);
            lane.measure(batch, p -> {
                int index = todo.get(p.index());
                Measurement m = p.measurement();
                StoredPoint saved = c.workspace.save(context, p.recipe(), m, p.environment(),
                        PointKey.of(run, index, context, p.recipe()));
                points.add(saved != null ? saved.point() : new EvaluatedPoint(index + 1, p.recipe(), m));
                System.err.printf(Locale.ROOT, "[%d/%d] #%d %s: %.2f%%, %,d bytes, p50 %.3f ms on %s%n", points.size(),
                        batch.size(), index + 1, p.recipe().summary(), m.accuracy() * 100, m.sizeBytes(),
                        m.latencyP50Ms(), m.how().machine());
            }, CancelToken.NEVER);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        c.workspace.close();
        points.sort(Comparator.comparingInt(EvaluatedPoint::id));
        if (c.out != null) {
            c.write(points);
        }
        System.err.printf(Locale.ROOT, "%d points in %.1f s on %s (%.1f points per minute)%s%s%n", points.size(),
                seconds, where, points.size() / seconds * 60, c.out == null ? "" : "; wrote " + c.out,
                c.workspace.given() ? "; saved to " + c.workspace.file : "");
        return 0;
    }
}
