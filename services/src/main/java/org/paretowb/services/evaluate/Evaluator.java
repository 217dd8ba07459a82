package org.paretowb.services.evaluate;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Accuracy;
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

    public int batchSize() {
        return batchSize;
    }

    /** The fraction of images whose highest logit is their label. */
    public double accuracy(InferenceNetwork network, LabeledImages data, CancelToken cancel) {
        return evaluate(network, data, cancel).top1();
    }

    /** Top-1, top-5 and per-class accuracy. */
    public Accuracy evaluate(InferenceNetwork network, LabeledImages data, CancelToken cancel) {
        return evaluate(network, data, null, cancel);
    }

    /**
     * As {@link #evaluate(InferenceNetwork, LabeledImages, CancelToken)}, on {@code data}'s inputs as {@code scaled}
     * holds them already converted (its first {@code data.size()}); null converts them batch by batch.
     */
    public Accuracy evaluate(InferenceNetwork network, LabeledImages data, ScaledInputs scaled, CancelToken cancel) {
        if (scaled != null && scaled.size() < data.size()) {
            throw new IllegalArgumentException("the converted inputs hold " + scaled.size() + " of " + data.size());
        }
        int top1 = 0;
        int top5 = 0;
        int[] seen = new int[0];
        int[] right = new int[0];
        byte[] predictions = new byte[data.size()];
        for (int from = 0; from < data.size(); from += batchSize) {
            cancel.check();
            int count = Math.min(batchSize, data.size() - from);
            float[] logits = scaled == null ? network.logits(data.scaledPixels(from, count), count)
                    : network.logits(scaled.slice(from, count), count);
            int classes = logits.length / count;
            if (seen.length < classes) {
                seen = java.util.Arrays.copyOf(seen, classes);
                right = java.util.Arrays.copyOf(right, classes);
            }
            for (int i = 0; i < count; i++) {
                int label = data.label(from + i);
                int rank = rankOf(logits, i * classes, classes, label);
                predictions[from + i] = (byte) argMax(logits, i * classes, classes);
                if (label >= 0 && label < classes) {
                    seen[label]++;
                }
                if (rank == 0) {
                    top1++;
                    right[label]++;
                }
                if (rank < 5) {
                    top5++;
                }
            }
        }
        double[] perClass = new double[seen.length];
        for (int c = 0; c < seen.length; c++) {
            perClass[c] = seen[c] == 0 ? Double.NaN : (double) right[c] / seen[c];
        }
        return new Accuracy((double) top1 / data.size(), (double) top5 / data.size(), perClass, predictions);
    }

    /** The index of the highest value (the first of equal ones). */
    static int argMax(float[] values, int from, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }

    /** How many logits beat the label's (earlier ones win ties, as argmax does); the label's rank from 0. */
    static int rankOf(float[] values, int from, int count, int label) {
        if (label < 0 || label >= count) {
            return count;
        }
        float mine = values[from + label];
        int rank = 0;
        for (int k = 0; k < count; k++) {
            float v = values[from + k];
            if (v > mine || (v == mine && k < label)) {
                rank++;
            }
        }
        return rank;
    }
}
