package org.paretowb.services.evaluate;

import java.util.Arrays;
import java.util.function.Supplier;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.ConfidenceIntervals;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.measure.Percentiles;
import org.paretowb.models.measure.Provenance;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/**
 * Batch-1 inference time, each run from a ready input to logits copied back to Java memory (what a caller of the
 * deployed model waits for).
 *
 * <p>{@link #measure} times a fixed number of runs (benches, the int8 planner). {@link #time} is how points are
 * timed: in rounds of consecutive runs, at least {@value #MIN_ROUNDS} of them, until the 95% interval of the p50
 * is within ±{@value Provenance#LATENCY_TARGET_PERCENT}% of it or the time cap is reached. The interval is the
 * order-statistic interval of the median ({@link ConfidenceIntervals#median}) over the rounds' medians: single
 * runs are not independent (a core taken by another process slows a stretch of them), rounds of them nearly are,
 * so a busy machine widens the interval instead of shifting the figure unnoticed. Given a reference network (the
 * session's baseline), the two are timed in alternating rounds (point, baseline, baseline, point, ...), so that
 * whatever the machine does meanwhile falls on both.
 */
public final class LatencyProbe {
    /** Rounds timed before the interval is looked at: 10 round medians give a 97.9% interval (ranks 2 and 9). */
    public static final int MIN_ROUNDS = 10;
    /** Timing stops here whatever the interval (with the cap, a bound on memory and time). */
    static final int MAX_ROUNDS = 1000;
    /** Default time cap of the rounds of one point (both networks together). */
    public static final long DEFAULT_CAP_MILLIS = 1500;

    private final int warmup;
    private final int timed;
    private final int threads;
    private final long capMillis;
    private final boolean blocks;

    /**
     * @param timed   runs of {@link #measure}; for {@link #time}, the runs of the first {@value #MIN_ROUNDS} rounds
     *                (each round is {@code timed / MIN_ROUNDS} runs, at least one)
     * @param threads the engine's intra-op threads while timing (1 is what a batch-1 caller should use)
     * @param capMillis how long {@link #time} may go on to reach its target
     */
    public LatencyProbe(int warmup, int timed, int threads, long capMillis) {
        this(warmup, timed, threads, capMillis, false);
    }

    /**
     * @param blocks whether {@link #time(Supplier, Supplier, LabeledImages, CancelToken)} times in blocks of fresh
     *               sessions ({@link BlockTiming}: an interval that covers session-to-session variation, for a
     *               figure compared across processes) rather than in rounds on one session (quicker, for points
     *               compared with a baseline timed in the same rounds)
     */
    public LatencyProbe(int warmup, int timed, int threads, long capMillis, boolean blocks) {
        if (warmup < 0 || timed <= 0 || threads <= 0 || capMillis <= 0) {
            throw new IllegalArgumentException("latency needs warmup >= 0, timed > 0 runs, threads > 0 and a time cap");
        }
        this.warmup = warmup;
        this.timed = timed;
        this.threads = threads;
        this.capMillis = capMillis;
        this.blocks = blocks;
    }

    /** The same probe, timing in blocks of fresh sessions (see {@link BlockTiming}). */
    public LatencyProbe inBlocks() {
        return new LatencyProbe(warmup, timed, threads, capMillis, true);
    }

    /** Whether points are timed in blocks of fresh sessions. */
    public boolean blocks() {
        return blocks;
    }

    /**
     * Times the networks {@code network} and {@code reference} (null: none) load: in blocks of fresh sessions where
     * this probe {@link #blocks() times in blocks}, else on one session of each as {@link #time(InferenceNetwork,
     * InferenceNetwork, LabeledImages, CancelToken)} does. The caller's supplier loads a new session per call.
     */
    public Timed time(Supplier<InferenceNetwork> network, Supplier<InferenceNetwork> reference, LabeledImages data,
                      CancelToken cancel) {
        if (blocks) {
            return BlockTiming.time(this, network, reference, data, cancel);
        }
        try (InferenceNetwork point = network.get(); InferenceNetwork base = reference == null ? null : reference.get()) {
            return time(point, base, data, cancel);
        }
    }

    public LatencyProbe(int warmup, int timed, int threads) {
        this(warmup, timed, threads, DEFAULT_CAP_MILLIS);
    }

    /** Single-threaded timing. */
    public LatencyProbe(int warmup, int timed) {
        this(warmup, timed, 1);
    }

    public int threads() {
        return threads;
    }

    public int warmup() {
        return warmup;
    }

    public int timed() {
        return timed;
    }

    public long capMillis() {
        return capMillis;
    }

    /** Runs per round of {@link #time}. */
    int roundRuns() {
        return Math.max(1, timed / MIN_ROUNDS);
    }

    /** Percentiles of {@code timed} runs after {@code warmup}, in milliseconds. */
    public Percentiles measure(InferenceNetwork network, LabeledImages data, CancelToken cancel) {
        double[] millis = new double[timed];
        try (InferenceNetwork.PreparedBatch image = network.prepare(data.scaledPixels(0, 1), 1)) {
            for (int i = 0; i < warmup + timed; i++) {
                if (i % 20 == 0) {
                    cancel.check();
                }
                long start = System.nanoTime();
                image.run();
                long elapsed = System.nanoTime() - start;
                if (i >= warmup) {
                    millis[i - warmup] = elapsed / 1e6;
                }
            }
        }
        return new Percentiles(millis);
    }

    /** The timing of one network: p50, p95 and the p50's 95% interval, in milliseconds. */
    public record Timing(double p50Ms, double p95Ms, Interval p50Interval, int runs) {
        public Measurement.Timing median() {
            return new Measurement.Timing(p50Ms, p50Interval);
        }
    }

    /**
     * What {@link #time} found.
     *
     * @param point the network measured
     * @param reference the reference timed in the same rounds; null when there was none
     * @param rounds rounds timed (of each network)
     * @param capped whether the time cap ended the rounds before both intervals reached the target
     */
    public record Timed(Timing point, Timing reference, int rounds, boolean capped) {
    }

    /** Times {@code network} alone, as described in the class comment. */
    public Timed time(InferenceNetwork network, LabeledImages data, CancelToken cancel) {
        return time(network, null, data, cancel);
    }

    /** Times {@code network} and {@code reference} (null: none) in alternating rounds on the first image of {@code data}. */
    public Timed time(InferenceNetwork network, InferenceNetwork reference, LabeledImages data, CancelToken cancel) {
        float[] input = data.scaledPixels(0, 1);
        try (InferenceNetwork.PreparedBatch a = network.prepare(input, 1);
             InferenceNetwork.PreparedBatch b = reference == null ? null : reference.prepare(input, 1)) {
            Series point = new Series();
            Series base = b == null ? null : new Series();
            for (int i = 0; i < warmup; i++) {
                a.run();
                if (b != null) {
                    b.run();
                }
            }
            long deadline = System.nanoTime() + capMillis * 1_000_000L;
            int rounds = 0;
            while (true) {
                cancel.check();
                boolean baseFirst = base != null && rounds % 2 == 1;
                if (baseFirst) {
                    base.round(b, roundRuns());
                }
                point.round(a, roundRuns());
                if (base != null && !baseFirst) {
                    base.round(b, roundRuns());
                }
                rounds++;
                if (rounds >= MIN_ROUNDS) {
                    boolean reached = point.withinTarget() && (base == null || base.withinTarget());
                    boolean capped = System.nanoTime() > deadline || rounds >= MAX_ROUNDS;
                    if (reached || capped) {
                        return new Timed(point.timing(), base == null ? null : base.timing(), rounds, !reached);
                    }
                }
            }
        }
    }

    /** The runs of one network: every run's time and each round's median. */
    private static final class Series {
        private double[] runs = new double[256];
        private int count;
        private double[] medians = new double[MIN_ROUNDS * 2];
        private int rounds;

        void round(InferenceNetwork.PreparedBatch batch, int n) {
            int from = count;
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                batch.run();
                add((System.nanoTime() - start) / 1e6);
            }
            if (rounds == medians.length) {
                medians = Arrays.copyOf(medians, rounds * 2);
            }
            medians[rounds++] = new Percentiles(Arrays.copyOfRange(runs, from, count)).at(50);
        }

        private void add(double millis) {
            if (count == runs.length) {
                runs = Arrays.copyOf(runs, count * 2);
            }
            runs[count++] = millis;
        }

        boolean withinTarget() {
            Timing t = timing();
            return t.p50Interval().relativePlusMinus(t.p50Ms()) <= Provenance.LATENCY_TARGET_PERCENT / 100.0;
        }

        /**
         * The p50 and p95 of every run, and the interval of the rounds' medians; should the p50 of all runs fall
         * outside it (possible, rarely, since the median of medians is not the median of all), the interval is
         * widened to hold it: wider, never narrower, than the rounds say.
         */
        Timing timing() {
            Percentiles all = new Percentiles(Arrays.copyOf(runs, count));
            double p50 = all.at(50);
            Interval interval = ConfidenceIntervals.median(Arrays.copyOf(medians, rounds)).including(p50);
            return new Timing(p50, all.at(95), interval, count);
        }
    }
}
