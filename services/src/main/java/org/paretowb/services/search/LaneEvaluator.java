package org.paretowb.services.search;

import java.util.ArrayList;
import java.util.List;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.sweep.MeasuredRecipe;
import org.paretowb.services.sweep.PointKey;
import org.paretowb.services.sweep.RecipeBatchLane;
import org.paretowb.services.usecase.UserError;

/**
 * Candidates measured by a {@link RecipeBatchLane} (a Spark cluster, or this process): each batch the search hands
 * over goes to the lane as one batch. Every measurement of the run gets the next index (the baselines first, then the
 * rounds in order), so its {@link PointKey} is unique in the run; with a workspace each point is saved under that key
 * the moment the lane hands it back, and a run started again with the same run id and seed finds its points by key
 * and measures only what is missing. The search is deterministic given its measurements, so the same index names
 * the same recipe on the same images again; a stored point whose images differ is refused, not reused.
 *
 * <p>The measurements reach the search's sink on the calling thread, in batch order, once the lane's batch is done
 * (or failed: those back by then are still reported).
 */
public final class LaneEvaluator implements CandidateEvaluator {
    private final RecipeBatchLane lane;
    private final int fullSetSize;
    private final Keys keys;
    private int next;

    /**
     * Points saved to a workspace under idempotent keys.
     *
     * @param runId names the run: a point's key starts with it
     * @param workspace where the points are saved; null to save none (and read none back)
     */
    public record Keys(String runId, PointContext context, Workspace workspace) {
        public Keys {
            if (runId == null || runId.isBlank() || context == null) {
                throw new IllegalArgumentException("keyed points need a run id and the model and data they are of");
            }
        }
    }

    /**
     * @param fullSetSize how many images the lane's job evaluates on when asked for all of them
     */
    public LaneEvaluator(RecipeBatchLane lane, int fullSetSize, Keys keys) {
        if (fullSetSize < 1) {
            throw new IllegalArgumentException("the lane's evaluation set is empty");
        }
        this.lane = lane;
        this.fullSetSize = fullSetSize;
        this.keys = keys;
    }

    @Override
    public int fullSetSize() {
        return fullSetSize;
    }

    /** How many measurements the run has asked for so far (the next point's index). */
    public int measurements() {
        return next;
    }

    @Override
    public void measure(List<Recipe> recipes, int samples, Sink sink, CancelToken cancel) {
        int images = samples > 0 && samples < fullSetSize ? samples : fullSetSize;
        int first = next;
        next += recipes.size();
        Measured[] done = new Measured[recipes.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            done[i] = stored(first + i, recipes.get(i), images);
            if (done[i] == null) {
                missing.add(i);
            }
        }
        try {
            if (!missing.isEmpty()) {
                List<Recipe> batch = missing.stream().map(recipes::get).toList();
                lane.measure(batch, images == fullSetSize ? 0 : images, point -> {
                    int i = missing.get(point.index());
                    done[i] = save(first + i, point);
                }, cancel);
            }
        } finally {
            for (int i = 0; i < done.length; i++) {
                if (done[i] != null) {
                    sink.measured(i, done[i]);
                }
            }
        }
    }

    private String key(int index, Recipe recipe) {
        return PointKey.of(keys.runId(), index, keys.context(), recipe);
    }

    /** The point this run saved at {@code index}, if the workspace holds it. */
    private Measured stored(int index, Recipe recipe, int images) {
        if (keys == null || keys.workspace() == null) {
            return null;
        }
        String key = key(index, recipe);
        StoredPoint held = keys.workspace().pointWithKey(key).orElse(null);
        if (held == null) {
            return null;
        }
        Measurement m = held.point().measurement();
        if (m.samples() != images) {
            throw new UserError("run " + keys.runId() + ": point " + held.point().id() + " (" + key + ") was measured"
                    + " on " + m.samples() + " images, and this search measures it on " + images + ": the run was made"
                    + " with other settings; give a new run id");
        }
        return new Measured(m, held.point().id(), true);
    }

    private Measured save(int index, MeasuredRecipe point) {
        if (keys == null || keys.workspace() == null) {
            return new Measured(point.measurement(), 0, false);
        }
        StoredPoint saved = keys.workspace().add(keys.context(), point.recipe(), point.measurement(), "",
                point.environment(), key(index, point.recipe()));
        return new Measured(saved.point().measurement(), saved.point().id(), false);
    }
}
