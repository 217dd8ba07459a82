package org.paretowb.services.train;

/** Told after each training epoch. */
@FunctionalInterface
public interface EpochListener {
    void epochDone(int epoch, int epochs, double trainLoss, double trainAccuracy, long millis);
}
