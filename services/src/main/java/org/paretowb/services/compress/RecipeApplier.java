package org.paretowb.services.compress;

import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.train.Distiller;
import org.paretowb.services.train.EpochListener;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.services.train.TrainingSettings;

/**
 * Applies a recipe's stages to a copy of the weights, in the recipe's fixed order: distillation,
 * structured pruning, low-rank factorization, unstructured pruning, fine-tuning (with pruned weights held
 * at zero), weight quantization, then activation quantization (dynamic, or static calibrated on the
 * training images).
 */
public final class RecipeApplier {
    private static final int FINE_TUNE_BATCH = 128;
    private static final long FINE_TUNE_SEED = 7;

    private final ChannelPruner channelPruner = new ChannelPruner();
    private final LowRankFactorizer factorizer = new LowRankFactorizer();
    private final MagnitudePruner magnitudePruner = new MagnitudePruner();
    private final WeightQuantizer quantizer = new WeightQuantizer();
    private final ActivationQuantizer activationQuantizer;
    private final NetworkTrainer trainer;
    private final LabeledImages trainingSet;
    private final EpochListener listener;

    /**
     * @param trainer trains for fine-tuning; null when fine-tuning is not offered
     * @param trainingSet the images fine-tuning trains on; null when fine-tuning is not offered
     */
    public RecipeApplier(NetworkTrainer trainer, LabeledImages trainingSet, EpochListener listener) {
        this.trainer = trainer;
        this.trainingSet = trainingSet;
        this.listener = listener;
        this.activationQuantizer = new ActivationQuantizer(trainer == null ? null : trainer.runtime());
    }

    /** Pruning only; a recipe asking for fine-tuning is refused with a message. */
    public RecipeApplier() {
        this(null, null, (epoch, epochs, loss, accuracy, millis) -> { });
    }

    public WeightSet apply(WeightSet original, Recipe recipe, CancelToken cancel) {
        return apply(original, recipe, (epoch, epochs, loss, accuracy, millis) -> { }, cancel);
    }

    /** As {@link #apply(WeightSet, Recipe, CancelToken)}, also telling {@code progress} after every training epoch. */
    public WeightSet apply(WeightSet original, Recipe recipe, EpochListener progress, CancelToken cancel) {
        EpochListener listener = (epoch, epochs, loss, accuracy, millis) -> {
            this.listener.epochDone(epoch, epochs, loss, accuracy, millis);
            progress.epochDone(epoch, epochs, loss, accuracy, millis);
        };
        WeightSet weights = original;
        if (recipe.distillation().active()) {
            requireTraining("distillation");
            weights = new Distiller(trainer.runtime()).distil(original, trainingSet, recipe.distillation(), listener,
                    cancel);
        }
        weights = channelPruner.prune(weights, recipe.structured());
        weights = factorizer.factorize(weights, recipe.lowRank());
        weights = magnitudePruner.prune(weights, recipe.pruning());
        if (recipe.fineTune().active()) {
            requireTraining("fine-tuning");
            TrainingSettings settings = new TrainingSettings(recipe.fineTune().epochs(), FINE_TUNE_BATCH,
                    (float) recipe.fineTune().learningRate(), FINE_TUNE_SEED);
            weights = trainer.fineTune(weights, true, trainingSet, settings, listener, cancel);
        }
        weights = quantizer.quantize(weights, recipe.quantization());
        return activationQuantizer.quantize(weights, recipe.quantization(), trainingSet);
    }

    private void requireTraining(String stage) {
        if (trainer == null || trainingSet == null) {
            throw new IllegalStateException(stage + " needs a training set, and none is loaded here");
        }
    }
}
