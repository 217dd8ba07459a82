package org.paretowb.models.recipe;

/** Training the compressed network further on the training set; pruned weights stay zero. */
public record FineTuneSettings(int epochs, double learningRate) {
    public static final FineTuneSettings NONE = new FineTuneSettings(0, 5e-4);

    public FineTuneSettings {
        if (epochs < 0) {
            throw new IllegalArgumentException("fine-tuning epochs must be 0 or more, got " + epochs);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("fine-tuning learning rate must be in (0, 1), got " + learningRate);
        }
    }

    public boolean active() {
        return epochs > 0;
    }
}
