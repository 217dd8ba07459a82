package org.paretowb.services.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;

/** Top-1 accuracy of a network over labelled images, in batches; cancellable between batches. */
public final class Evaluator {
    private final int batchSize;

    public Evaluator(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The fraction of images whose highest logit is their label. */
    public double accuracy(LoadedNetwork network, LabeledImages data, CancelToken cancel) {
        int correct = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            cancel.check();
            int count = Math.min(batchSize, data.size() - from);
            long[] predicted = predict(network, data, from, count);
            for (int i = 0; i < count; i++) {
                if (predicted[i] == data.label(from + i)) {
                    correct++;
                }
            }
        }
        return (double) correct / data.size();
    }

    private static long[] predict(LoadedNetwork network, LabeledImages data, int from, int count) {
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray input = scope.create(data.scaledPixels(from, count), network.inputShape(count));
            return network.forward(input).argMax(1).toLongArray();
        }
    }
}
