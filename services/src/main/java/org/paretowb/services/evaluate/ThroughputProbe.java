package org.paretowb.services.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;

/**
 * Images per second at a fixed batch size: {@code warmup} batches discarded, then {@code timed} batches
 * timed end to end (logits back in Java memory). On a small network this says more about its cost than
 * batch-1 latency, which an eager engine spends mostly in per-operator overhead.
 */
public final class ThroughputProbe {
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

    public double imagesPerSecond(LoadedNetwork network, LabeledImages data, CancelToken cancel) {
        int count = Math.min(batch, data.size());
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray images = scope.create(data.scaledPixels(0, count), network.inputShape(count));
            long start = 0;
            for (int i = 0; i < warmup + timed; i++) {
                cancel.check();
                if (i == warmup) {
                    start = System.nanoTime();
                }
                try (NDManager call = scope.newSubManager()) {
                    NDArray logits = network.forward(images);
                    call.attachAll(logits);
                    logits.toFloatArray();
                }
            }
            return (double) count * timed / ((System.nanoTime() - start) / 1e9);
        }
    }
}
