package org.paretowb.models.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training the compressed network further on the training set; pruned weights stay zero.
 *
 * @param optimizer Adam, or SGD with {@code momentum}
 * @param schedule how the learning rate changes over the run's steps
 * @param momentum SGD's momentum (Adam ignores it)
 * @param l1 weight of the L1 norm of the dense and convolution weights added to the loss
 * @param l2 weight decay (L2 regularisation), applied by the optimizer
 * @param batchSize images per training step
 */
public record FineTuneSettings(int epochs, double learningRate, Optimizer optimizer, Schedule schedule,
                               double momentum, double l1, double l2, int batchSize) {
    public static final int DEFAULT_BATCH = 128;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final FineTuneSettings NONE = new FineTuneSettings(0, 5e-4);

    public enum Optimizer { ADAM, SGD }

    /**
     * COSINE decays to a hundredth of the rate over the run; STEP divides it by 10 at half and again at three
     * quarters of the run; CONSTANT keeps it.
     */
    public enum Schedule { COSINE, CONSTANT, STEP }

    /**
     * Missing fields of a recipe stored before they existed (null, 0) read as the defaults: Adam (momentum 0.9,
     * unused), cosine, batch 128.
     */
    public FineTuneSettings {
        if (optimizer == null) {
            optimizer = Optimizer.ADAM;
            momentum = momentum == 0 ? DEFAULT_MOMENTUM : momentum;
        }
        schedule = schedule == null ? Schedule.COSINE : schedule;
        batchSize = batchSize == 0 ? DEFAULT_BATCH : batchSize;
        if (epochs < 0) {
            throw new IllegalArgumentException("fine-tuning epochs must be 0 or more, got " + epochs);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("fine-tuning learning rate must be in (0, 1), got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("fine-tuning momentum must be in [0, 1), got " + momentum);
        }
        if (!(l1 >= 0 && l1 < 1) || !(l2 >= 0 && l2 < 1)) {
            throw new IllegalArgumentException("fine-tuning L1 and L2 weights must be in [0, 1), got " + l1 + " and " + l2);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("fine-tuning batch size must be 1 or more, got " + batchSize);
        }
    }

    /** Adam with a cosine decay, batch 128, no regularisation: what fine-tuning did before it had more settings. */
    public FineTuneSettings(int epochs, double learningRate) {
        this(epochs, learningRate, Optimizer.ADAM, Schedule.COSINE, DEFAULT_MOMENTUM, 0, 0, DEFAULT_BATCH);
    }

    public boolean active() {
        return epochs > 0;
    }

    public FineTuneSettings withEpochs(int newEpochs) {
        return new FineTuneSettings(newEpochs, learningRate, optimizer, schedule, momentum, l1, l2, batchSize);
    }

    /** The settings that differ from the defaults, for a summary: "sgd 0.01 step, L1 1e-05" ("" for the defaults). */
    public String details() {
        List<String> parts = new ArrayList<>();
        boolean defaultRate = learningRate == NONE.learningRate();
        if (optimizer == Optimizer.SGD) {
            parts.add(String.format(Locale.ROOT, "sgd m%s lr %s", trim(momentum), trim(learningRate)));
        } else if (!defaultRate) {
            parts.add("adam lr " + trim(learningRate));
        }
        if (schedule != Schedule.COSINE) {
            parts.add(schedule.name().toLowerCase(Locale.ROOT));
        }
        if (l1 > 0) {
            parts.add("L1 " + trim(l1));
        }
        if (l2 > 0) {
            parts.add("L2 " + trim(l2));
        }
        if (batchSize != DEFAULT_BATCH) {
            parts.add("batch " + batchSize);
        }
        return String.join(", ", parts);
    }

    private static String trim(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
