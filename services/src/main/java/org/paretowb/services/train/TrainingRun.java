package org.paretowb.services.train;

import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.function.IntFunction;

/**
 * What one training run uses beyond the network and the data.
 *
 * @param optimizer the optimizer for a run of the given number of steps (its schedule spans them)
 * @param extraLabels a second label per image, {@code extraLabels.length / images} values each (the
 *     teacher's logits when distilling); null for none
 * @param l1 weight of the L1 norm of the dense and convolution weights added to the loss (0 for none)
 */
record TrainingRun(Loss loss, IntFunction<Optimizer> optimizer, int epochs, int batchSize, long seed,
                   float[] extraLabels, float l1) {
    TrainingRun(Loss loss, IntFunction<Optimizer> optimizer, int epochs, int batchSize, long seed, float[] extraLabels) {
        this(loss, optimizer, epochs, batchSize, seed, extraLabels, 0f);
    }
}
