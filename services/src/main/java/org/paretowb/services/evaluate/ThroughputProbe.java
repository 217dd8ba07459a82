package org.paretowb.services.evaluate;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

/**
 * Images per second at a fixed batch size: {@code warmup} batches discarded, then {@value #ROUNDS} rounds
 * of {@code timed} batches, each timed end to end (logits back in Java memory); the best round counts.
 * Interference (the window redrawing, other processes) only ever slows a round, and on 2 cores a single
 * short round of identical networks ranged from 1,297 to 5,163 images/s. On a small network throughput
 * says more about its cost than batch-1 latency, which an eager engine spends mostly in per-operator
 * overhead.
 */
public final class ThroughputProbe {
    public static final int ROUNDS = 3;

    private final int batch;
    private final int warmup;
    private final int timed;

    public ThroughputProbe(int batch, int warmup, int timed) {
        if (batch <= 0 || warmup < 0 || timed <= 0) {
            throw new IllegalArgumentException("throughput needs batch > 0, warmup >= 0 and timed > 0 batches");
        }
        this.batch = batch;
        this.warmup = warmup;
        this.timed = timed;
    }

    public int batch() {
        return batch;
    }

    public int timed() {
        return timed;
    }

    public double imagesPerSecond(InferenceNetwork network, LabeledImages data, CancelToken cancel) {
        int count = Math.min(batch, data.size());
        try (InferenceNetwork.PreparedBatch images = network.prepare(data.scaledPixels(0, count), count)) {
            runBatches(images, warmup, cancel);
            double best = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                runBatches(images, timed, cancel);
                best = Math.max(best, (double) count * timed / ((System.nanoTime() - start) / 1e9));
            }
            return best;
        }
    }

    private static void runBatches(InferenceNetwork.PreparedBatch images, int batches, CancelToken cancel) {
        for (int i = 0; i < batches; i++) {
            cancel.check();
            images.run();
        }
    }
}
