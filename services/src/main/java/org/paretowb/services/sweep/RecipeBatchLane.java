package org.paretowb.services.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.paretowb.services.lane.CancelToken;

/**
 * Measures a batch of recipes in one call: in this process ({@link InProcessLane}) or spread over a cluster (the
 * Spark lane of the {@code spark} module, found through {@link RemoteLanes}). A sweep hands it its grid; a search
 * hands it one generation of candidates at a time.
 */
public interface RecipeBatchLane extends AutoCloseable {
    /**
     * Measures every recipe of {@code recipes} once, handing each point to {@code sink} the moment it is back, in
     * whatever order the points finish (each carries its index in {@code recipes}). Returns when all are measured.
     *
     * @throws IllegalStateException when the batch cannot finish (the points already handed over stay handed over)
     */
    default void measure(List<org.paretowb.models.recipe.Recipe> recipes, PointSink sink, CancelToken cancel) {
        measure(recipes, 0, sink, cancel);
    }

    /**
     * As {@link #measure(List, PointSink, CancelToken)}, on the first {@code samples} images of the job's evaluation
     * images (0, or at least as many as it has: all of them), as a search's subset rung measures its candidates.
     */
    void measure(List<org.paretowb.models.recipe.Recipe> recipes, int samples, PointSink sink, CancelToken cancel);

    /** As {@link #measure(List, PointSink, CancelToken)}, the points returned in the order of {@code recipes}. */
    default List<MeasuredRecipe> measureAll(List<org.paretowb.models.recipe.Recipe> recipes, CancelToken cancel) {
        List<MeasuredRecipe> out = new ArrayList<>();
        measure(recipes, out::add, cancel);
        out.sort(Comparator.comparingInt(MeasuredRecipe::index));
        return out;
    }

    /** Where the lane's points are measured, for messages ("this process", "Spark at spark://host:7077"). */
    String describe();

    @Override
    default void close() {
    }

    /** Receives points as they are measured; called from one thread at a time. */
    @FunctionalInterface
    interface PointSink {
        void measured(MeasuredRecipe point);
    }
}
