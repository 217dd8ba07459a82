package org.paretowb.services.evaluate;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;

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
    public double accuracy(InferenceNetwork network, LabeledImages data, CancelToken cancel) {
        int correct = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            cancel.check();
            int count = Math.min(batchSize, data.size() - from);
            float[] logits = network.logits(data.scaledPixels(from, count), count);
            int classes = logits.length / count;
            for (int i = 0; i < count; i++) {
                if (argMax(logits, i * classes, classes) == data.label(from + i)) {
                    correct++;
                }
            }
        }
        return (double) correct / data.size();
    }

    /** Index of the largest of {@code count} values from {@code from}; the first one on ties. */
    static int argMax(float[] values, int from, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }
}
