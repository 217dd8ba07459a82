package org.paretowb.services.onnx;

import java.util.List;
import org.paretowb.models.network.Tensor;

/**
 * Folds a batch normalisation into the convolution before it: w' = w g / sqrt(v + eps), b' = (b - m) g / sqrt(v + eps)
 * + beta, which computes the same function.
 */
final class BatchNormFold {
    private BatchNormFold() {
    }

    /** Folds the norm's gamma, beta, running mean and running variance into {@code weights} and {@code bias}, in place. */
    static void fold(float[] weights, float[] bias, List<Tensor> norm) {
        float[] gamma = norm.get(0).values();
        float[] beta = norm.get(1).values();
        float[] mean = norm.get(2).values();
        float[] variance = norm.get(3).values();
        int per = weights.length / bias.length;
        for (int c = 0; c < bias.length; c++) {
            double factor = gamma[c] / Math.sqrt(variance[c] + (double) OnnxExporter.BATCH_NORM_EPSILON);
            for (int k = 0; k < per; k++) {
                weights[c * per + k] = (float) (weights[c * per + k] * factor);
            }
            bias[c] = (float) ((bias[c] - mean[c]) * factor + beta[c]);
        }
    }
}
