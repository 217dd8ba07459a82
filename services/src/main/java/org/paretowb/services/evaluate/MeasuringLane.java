package org.paretowb.services.evaluate;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.ComputeLane;
import org.paretowb.services.train.EpochListener;

/**
 * Measures recipes on the compute lane. The measurer (engine start, weights, data) is made on the lane
 * the first time it is needed, so the window can open before the engine has started.
 */
public final class MeasuringLane implements AutoCloseable {
    private final ComputeLane lane;
    private final Supplier<PointMeasurer> factory;
    private PointMeasurer measurer; // only touched on the lane's thread

    public MeasuringLane(Supplier<PointMeasurer> factory) {
        this.lane = new ComputeLane(() -> { });
        this.factory = factory;
    }

    /** Starts the engine, loads the model and warms it up, ahead of the first measurement. */
    public CompletableFuture<PointMeasurer> start() {
        return lane.submit(token -> {
            PointMeasurer m = measurer();
            m.warmUp(token);
            return m;
        });
    }

    /** Measures after whatever is queued; later requests do not cancel it. */
    public CompletableFuture<Measurement> measure(Recipe recipe) {
        return lane.submit(token -> measurer().measure(recipe, token));
    }

    /** Measures, cancelling the previous {@code measureLatest} still in flight (latest wins). */
    public CompletableFuture<Measurement> measureLatest(Recipe recipe) {
        return lane.submitLatest(token -> measurer().measure(recipe, token));
    }

    /** Runs other work with the measurer after whatever is queued (for example the int8 profile). */
    public <T> CompletableFuture<T> run(BiFunction<PointMeasurer, CancelToken, T> work) {
        return lane.submit(token -> work.apply(measurer(), token));
    }

    /** Runs a job with the measurer after whatever is queued; cancelling {@code token} stops it at its next batch. */
    public <T> CompletableFuture<T> run(CancelToken token, BiFunction<PointMeasurer, CancelToken, T> work) {
        return lane.submit(token, t -> work.apply(measurer(), t));
    }

    /**
     * A training job (distillation, fine-tuning): measures the recipe on the first {@code samples} images,
     * telling {@code progress} after every epoch; cancelling {@code token} stops it at the next batch.
     */
    public CompletableFuture<Measurement> train(Recipe recipe, int samples, EpochListener progress, CancelToken token) {
        return train(recipe, samples, progress, (epoch, epochs, m) -> { }, token);
    }

    /** As {@link #train(Recipe, int, EpochListener, CancelToken)}, measuring the network after each epoch but the last. */
    public CompletableFuture<Measurement> train(Recipe recipe, int samples, EpochListener progress,
                                                PointMeasurer.InterimPoints interim, CancelToken token) {
        return lane.submit(token, t -> measurer().measure(recipe, samples, progress, interim, t));
    }

    /** As {@link #measure(Recipe)}, on the first {@code samples} evaluation images (0: all of them). */
    public CompletableFuture<Measurement> measure(Recipe recipe, int samples) {
        return lane.submit(token -> measurer().measure(recipe, samples, token));
    }

    /** As {@link #measureLatest(Recipe)}, on the first {@code samples} evaluation images (0: all of them). */
    public CompletableFuture<Measurement> measureLatest(Recipe recipe, int samples) {
        return lane.submitLatest(token -> measurer().measure(recipe, samples, token));
    }

    /**
     * Measures with another measurer from now on (another model, its settings or data): cancels the latest-wins
     * request in flight, then makes the new measurer and warms it up on the lane after what is queued. When
     * making it fails, the measurer before stays in use.
     */
    public CompletableFuture<PointMeasurer> replace(Supplier<PointMeasurer> newFactory) {
        lane.cancelLatest();
        return lane.submit(token -> {
            PointMeasurer m = newFactory.get();
            measurer = m;
            m.warmUp(token);
            return m;
        });
    }

    public void cancel() {
        lane.cancelLatest();
    }

    private PointMeasurer measurer() {
        if (measurer == null) {
            measurer = factory.get();
        }
        return measurer;
    }

    @Override
    public void close() {
        lane.close();
    }
}
