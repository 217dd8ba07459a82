package org.paretowb.services.train;

import java.util.function.Supplier;
import org.paretowb.models.network.WeightSet;

/** Told after each training epoch. */
@FunctionalInterface
public interface EpochListener {
    void epochDone(int epoch, int epochs, double trainLoss, double trainAccuracy, long millis);

    /**
     * Called after {@link #epochDone}, on the training thread, with the network as it stands after this epoch
     * (a copy, made only when asked for). A listener that wants to measure the network mid-training
     * overrides it; the default ignores it.
     */
    default void trained(int epoch, int epochs, Supplier<WeightSet> weights) {
    }
}
