package org.paretowb.services.evaluate;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.ComputeLane;
import org.paretowb.services.store.PointContext;

/**
 * What one window measures on, and the one lane it measures on: the current inputs (the model, its data as
 * read for its settings and split, and the context its points are saved under) with their measurers on the
 * main engine (ONNX Runtime in the window) and on the second engine (DJL's PyTorch), made on the lane when
 * first needed. {@link #replace} swaps all of them at once; every result comes back {@link Stamped} with the
 * inputs it was measured on, so whoever receives it can tell a stale one ({@link #isCurrent}).
 *
 * <p>One session per window, not per application: a window's inputs are its own (two windows may measure two
 * models on two data sets), so "current" and "stale" only mean something per window, and closing a window
 * must end its lane, its measurers and their native memory without touching the others. The price is that
 * two windows measuring at the same moment share the machine's cores. Each session's engines keep their own
 * thread counts, set on the session's lane thread for each measurement (ONNX Runtime per session, libtorch per
 * calling thread), and each measurement records the counts it ran with.
 */
public final class MeasuringSession implements AutoCloseable {
    /** The second engine's warm-up measures this many images (its first calls, not the data, need warming). */
    static final int SECOND_WARM_UP_IMAGES = 1000;

    /** How a job is queued: {@code LATEST} cancels the latest-wins job before it; {@code QUEUED} waits its turn. */
    public enum Order { LATEST, QUEUED }

    /** Work on the lane with the current inputs' measurers; it checks {@code cancel} between batches. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Measurers measurers, CancelToken cancel);
    }

    /** The inputs a result was measured on: which replacement of the inputs, and where its points are saved. */
    public record Stamp(long version, PointContext context) {
    }

    /** A result with the inputs it was measured on. */
    public record Stamped<T>(T value, Stamp inputs) {
    }

    /** A submitted job: its result, and a way to stop it at its next batch (or before it starts). */
    public static final class Handle<T> {
        private final CompletableFuture<Stamped<T>> result;
        private final CancelToken token;

        Handle(CompletableFuture<Stamped<T>> result, CancelToken token) {
            this.result = result;
            this.token = token;
        }

        public CompletableFuture<Stamped<T>> result() {
            return result;
        }

        public void cancel() {
            token.cancel();
        }
    }

    /** The current inputs' measurers, as a job sees them on the lane. */
    public final class Measurers {
        private final PointMeasurer main;
        private final Stamp stamp;
        private volatile PointMeasurer second;

        private Measurers(PointMeasurer main, Stamp stamp) {
            this.main = main;
            this.stamp = stamp;
        }

        /** The measurer on the session's main engine. */
        public PointMeasurer main() {
            return main;
        }

        /**
         * The same model, images and probes on the second engine, made and warmed up the first time it is asked
         * for on these inputs (a cancelled warm-up is done again next time): the first passes of an engine
         * overstate batch-1 latency by 1.3 to 2 times.
         */
        public PointMeasurer second(CancelToken cancel) {
            if (second == null) {
                PointMeasurer made = main.on(secondEngine.get());
                made.warmUp(SECOND_WARM_UP_IMAGES, cancel);
                second = made;
            }
            return second;
        }

        /** The inputs these measurers measure. */
        public Stamp stamp() {
            return stamp;
        }
    }

    private final ComputeLane lane = new ComputeLane(() -> { });
    private final Supplier<MeasuringEngine> secondEngine;
    private final Set<CancelToken> running = ConcurrentHashMap.newKeySet();
    private Supplier<PointMeasurer> pending; // the first inputs' measurer, made on the lane when first needed
    private volatile Measurers current; // written on the lane only
    private volatile Stamp stamp;
    private CancelToken latest;

    /**
     * @param context      where points of the first inputs are saved
     * @param measurer     makes the first inputs' measurer on the lane (engine start, weights, data), so the
     *                     window can open before the engine has started
     * @param secondEngine makes the second engine, on the lane, the first time a job asks for it
     */
    public MeasuringSession(PointContext context, Supplier<PointMeasurer> measurer,
                            Supplier<MeasuringEngine> secondEngine) {
        this.pending = measurer;
        this.secondEngine = secondEngine;
        this.stamp = new Stamp(0, context);
    }

    /** The inputs in use now (those of the last replacement that succeeded). */
    public Stamp current() {
        return stamp;
    }

    /** Whether a result measured on {@code inputs} is still a result of the inputs in use. */
    public boolean isCurrent(Stamp inputs) {
        return stamp.equals(inputs);
    }

    /** Whether the second engine is made and warmed up for the current inputs (its next job costs only itself). */
    public boolean secondReady() {
        Measurers m = current;
        return m != null && m.second != null;
    }

    /** Starts the engine, loads the model and warms it up, ahead of the first measurement. */
    public Handle<Stamp> start() {
        return submit(Order.QUEUED, (measurers, cancel) -> {
            measurers.main().warmUp(cancel);
            return measurers.stamp();
        });
    }

    public <T> Handle<T> submit(Order order, Job<T> job) {
        return submit(order, new CancelToken(), job);
    }

    /** As {@link #submit(Order, Job)}, cancelled through the caller's own {@code token} too. */
    public <T> Handle<T> submit(Order order, CancelToken token, Job<T> job) {
        if (order == Order.LATEST) {
            synchronized (this) {
                if (latest != null) {
                    latest.cancel();
                }
                latest = token;
            }
        }
        running.add(token);
        CompletableFuture<Stamped<T>> result = lane.submit(token, t -> {
            Measurers measurers = measurers();
            return new Stamped<>(job.run(measurers, t), measurers.stamp());
        });
        result.whenComplete((value, failure) -> running.remove(token));
        return new Handle<>(result, token);
    }

    /**
     * Measures other inputs from now on (the model's new settings, other data, another split): cancels every
     * job in flight (their results would be stale), then makes the new measurer and warms it up on the lane
     * after what is queued, and only then swaps the inputs and both engines' measurers at once. When making it
     * fails, the inputs before stay in use.
     */
    public Handle<Stamp> replace(PointContext context, Supplier<PointMeasurer> measurer) {
        cancelAll();
        CancelToken token = new CancelToken();
        CompletableFuture<Stamped<Stamp>> result = lane.submit(token, t -> {
            PointMeasurer made = measurer.get();
            made.warmUp(t);
            Stamp next = new Stamp(stamp.version() + 1, context);
            current = new Measurers(made, next);
            pending = null;
            stamp = next;
            return new Stamped<>(next, next);
        });
        return new Handle<>(result, token);
    }

    /** Cancels the latest-wins job in flight, if any. */
    public synchronized void cancelLatest() {
        if (latest != null) {
            latest.cancel();
        }
    }

    /** Cancels every job submitted and not yet finished. */
    public void cancelAll() {
        running.forEach(CancelToken::cancel);
    }

    private Measurers measurers() {
        if (current == null) {
            current = new Measurers(pending.get(), stamp);
            pending = null;
        }
        return current;
    }

    @Override
    public void close() {
        cancelAll();
        lane.close();
    }
}
