package org.paretowb.services.train;

/** How an example network is trained: Adam with a cosine learning-rate decay over all steps. */
public record TrainingSettings(int epochs, int batchSize, float learningRate, long seed) {
    public TrainingSettings {
        if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0)) {
            throw new IllegalArgumentException("training needs positive epochs, batch size and learning rate");
        }
    }
}
