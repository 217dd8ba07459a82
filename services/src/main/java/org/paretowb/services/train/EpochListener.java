package org.paretowb.services.train;

import java.util.function.Supplier;
import org.paretowb.models.network.WeightSet;

/** Told after each training epoch, and every few batches. */
@FunctionalInterface
public interface EpochListener {
    void epochDone(int epoch, int epochs, double trainLoss, double trainAccuracy, long millis);

    /**
     * Told every few batches (about {@value NetworkTrainer#REPORTS_PER_EPOCH} times an epoch) with the running
     * training loss and accuracy of the epoch so far, so that a curve moves before the first epoch ends. The
     * default ignores it.
     *
     * @param batch batches done in this epoch (1-based), of {@code batches}
     */
    default void batchesDone(int epoch, int epochs, int batch, int batches, double trainLoss, double trainAccuracy) {
    }

    /**
     * Called after {@link #epochDone}, on the training thread, with the network as it stands after this epoch
     * (a copy, made only when asked for). A listener that wants to measure the network mid-training
     * overrides it; the default ignores it.
     */
    default void trained(int epoch, int epochs, Supplier<WeightSet> weights) {
    }
}
