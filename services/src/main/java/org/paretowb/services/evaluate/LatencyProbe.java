package org.paretowb.services.evaluate;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Percentiles;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/**
 * Batch-1 inference time: {@code warmup} runs discarded, then {@code timed} runs, each from a ready
 * input to logits copied back to Java memory (what a caller of the deployed model waits for).
 */
public final class LatencyProbe {
    private final int warmup;
    private final int timed;
    private final int threads;

    /** @param threads the engine's intra-op threads while timing (1 is what a batch-1 caller should use) */
    public LatencyProbe(int warmup, int timed, int threads) {
        if (warmup < 0 || timed <= 0 || threads <= 0) {
            throw new IllegalArgumentException("latency needs warmup >= 0, timed > 0 runs and threads > 0");
        }
        this.warmup = warmup;
        this.timed = timed;
        this.threads = threads;
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

    /** Percentiles of the timed runs, in milliseconds. */
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
}
