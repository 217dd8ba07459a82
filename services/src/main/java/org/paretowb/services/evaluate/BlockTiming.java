package org.paretowb.services.evaluate;

import java.util.Arrays;
import java.util.function.Supplier;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.ConfidenceIntervals;
import org.paretowb.models.measure.Interval;
import org.paretowb.models.measure.Percentiles;
import org.paretowb.models.measure.Provenance;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/**
 * Batch-1 timing in blocks, each on sessions made afresh (and a fresh input tensor), whose interval comes from the
 * blocks' medians. Within one session, rounds of runs agree closely with each other; two processes timing the same
 * network often do not (measured: 20 CNN baselines and 20 pruned-30% CNNs in alternating processes, 4 to 8 of 20
 * pruned intervals from rounds missed the baseline's), because a session's memory placement, its threads' cores
 * and the caches' state differ from one session to the next and hold for its whole life. A block is one such
 * draw: {@value #ROUNDS_PER_BLOCK} rounds, alternating with the reference as {@link LatencyProbe#time} does, after
 * the warm-up; the 95% interval is the order-statistic interval of the median over the blocks' medians (at least
 * {@value #MIN_BLOCKS} blocks), so it covers the variation between sessions, not only within one. Blocks go on
 * until that interval is within ±{@value Provenance#LATENCY_TARGET_PERCENT}% or the time cap.
 */
final class BlockTiming {
    /** The fewest blocks: six medians give a 96.9% interval (their lowest and highest). */
    static final int MIN_BLOCKS = ConfidenceIntervals.MEDIAN_MIN_VALUES;
    static final int ROUNDS_PER_BLOCK = 4;
    static final int MAX_BLOCKS = 200;

    private BlockTiming() {
    }

    static LatencyProbe.Timed time(LatencyProbe probe, Supplier<InferenceNetwork> point,
                                   Supplier<InferenceNetwork> reference, LabeledImages data, CancelToken cancel) {
        float[] input = data.scaledPixels(0, 1);
        Runs a = new Runs();
        Runs b = reference == null ? null : new Runs();
        long deadline = System.nanoTime() + probe.capMillis() * 1_000_000L;
        int blocks = 0;
        while (true) {
            cancel.check();
            try (InferenceNetwork network = point.get();
                 InferenceNetwork base = reference == null ? null : reference.get();
                 InferenceNetwork.PreparedBatch pa = network.prepare(input, 1);
                 InferenceNetwork.PreparedBatch pb = base == null ? null : base.prepare(input, 1)) {
                for (int i = 0; i < probe.warmup(); i++) {
                    pa.run();
                    if (pb != null) {
                        pb.run();
                    }
                }
                for (int round = 0; round < ROUNDS_PER_BLOCK; round++) {
                    boolean baseFirst = pb != null && (blocks + round) % 2 == 1;
                    if (baseFirst) {
                        b.round(pb, probe.roundRuns());
                    }
                    a.round(pa, probe.roundRuns());
                    if (pb != null && !baseFirst) {
                        b.round(pb, probe.roundRuns());
                    }
                }
            }
            a.endBlock();
            if (b != null) {
                b.endBlock();
            }
            blocks++;
            if (blocks >= MIN_BLOCKS) {
                boolean reached = a.withinTarget() && (b == null || b.withinTarget());
                boolean capped = System.nanoTime() > deadline || blocks >= MAX_BLOCKS;
                if (reached || capped) {
                    return new LatencyProbe.Timed(a.timing(), b == null ? null : b.timing(),
                            blocks * ROUNDS_PER_BLOCK, !reached);
                }
            }
        }
    }

    /** Every run's time of one network, and the median of each block's runs. */
    private static final class Runs {
        private double[] runs = new double[1024];
        private int count;
        private int blockStart;
        private double[] medians = new double[MIN_BLOCKS * 2];
        private int blocks;

        void round(InferenceNetwork.PreparedBatch batch, int n) {
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                batch.run();
                if (count == runs.length) {
                    runs = Arrays.copyOf(runs, count * 2);
                }
                runs[count++] = (System.nanoTime() - start) / 1e6;
            }
        }

        void endBlock() {
            if (blocks == medians.length) {
                medians = Arrays.copyOf(medians, blocks * 2);
            }
            medians[blocks++] = new Percentiles(Arrays.copyOfRange(runs, blockStart, count)).at(50);
            blockStart = count;
        }

        boolean withinTarget() {
            LatencyProbe.Timing t = timing();
            return t.p50Interval().relativePlusMinus(t.p50Ms()) <= Provenance.LATENCY_TARGET_PERCENT / 100.0;
        }

        /** The p50 and p95 of every run; the interval of the blocks' medians, widened to hold the p50 of all. */
        LatencyProbe.Timing timing() {
            Percentiles all = new Percentiles(Arrays.copyOf(runs, count));
            double p50 = all.at(50);
            Interval interval = ConfidenceIntervals.median(Arrays.copyOf(medians, blocks)).including(p50);
            return new LatencyProbe.Timing(p50, all.at(95), interval, count);
        }
    }
}
