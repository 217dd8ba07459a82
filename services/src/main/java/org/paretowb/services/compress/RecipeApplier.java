package org.paretowb.services.compress;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.LayerRemovalSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.train.Distiller;
import org.paretowb.services.train.EpochListener;
import org.paretowb.services.train.NetworkTrainer;

/**
 * Applies a recipe's stages to a copy of the weights, in the recipe's fixed order: distillation, layer removal,
 * structured pruning, low-rank factorization, unstructured pruning, fine-tuning (with pruned weights held
 * at zero), weight quantization, then activation quantization (dynamic, or static calibrated on the
 * training images).
 */
public final class RecipeApplier {
    private static final long FINE_TUNE_SEED = 7;

    /** Training images on which layer removal ranks the layers by the accuracy left without each. */
    static final int REMOVAL_RANKING_IMAGES = 1000;

    private final LayerRemover remover = new LayerRemover();
    private final ChannelPruner channelPruner = new ChannelPruner();
    private final LowRankFactorizer factorizer = new LowRankFactorizer();
    private final MagnitudePruner magnitudePruner = new MagnitudePruner();
    private final WeightQuantizer quantizer = new WeightQuantizer();
    private final ActivationQuantizer activationQuantizer;
    private final NetworkTrainer trainer;
    private final TrainingData training;
    private final EpochListener listener;
    private LabeledImages trainingSet;

    /**
     * @param trainer trains for fine-tuning; null when fine-tuning is not offered
     * @param trainingSet the images fine-tuning trains on (already fitted to the model); null when fine-tuning is
     *     not offered
     */
    public RecipeApplier(NetworkTrainer trainer, LabeledImages trainingSet, EpochListener listener) {
        this(trainer, trainingSet == null ? TrainingData.none("none is loaded here") : TrainingData.of(trainingSet),
                listener);
    }

    /**
     * @param trainer trains for fine-tuning; null when fine-tuning is not offered
     * @param training the images fine-tuning, distillation and calibration use (fitted to the model when read), or
     *     why there are none
     */
    public RecipeApplier(NetworkTrainer trainer, TrainingData training, EpochListener listener) {
        this.trainer = trainer;
        this.training = training;
        this.listener = listener;
        this.activationQuantizer = new ActivationQuantizer(trainer == null ? null : trainer.runtime());
    }

    /** Pruning only; a recipe asking for fine-tuning is refused with a message. */
    public RecipeApplier() {
        this(null, TrainingData.none("none is loaded here"), (epoch, epochs, loss, accuracy, millis) -> { });
    }

    public WeightSet apply(WeightSet original, Recipe recipe, CancelToken cancel) {
        return apply(original, recipe, (epoch, epochs, loss, accuracy, millis) -> { }, cancel);
    }

    /**
     * As {@link #apply(WeightSet, Recipe, CancelToken)}, also telling {@code progress} after every training
     * epoch. The weights {@code progress} may ask for after an epoch are the recipe's network as it would be if
     * training stopped there: a distilled student mid-training goes through the compression stages (without
     * fine-tuning), a network mid-fine-tuning through quantization.
     */
    public WeightSet apply(WeightSet original, Recipe recipe, EpochListener progress, CancelToken cancel) {
        check(original, recipe);
        WeightSet weights = original;
        if (recipe.distillation().active()) {
            LabeledImages trainingSet = trainingImages("distillation");
            weights = new Distiller(trainer.runtime()).distil(original, trainingSet, recipe.distillation(),
                    relay(progress, student -> quantize(compress(student, recipe), recipe)), cancel);
        }
        weights = compress(weights, recipe);
        if (recipe.fineTune().active()) {
            LabeledImages trainingSet = trainingImages("fine-tuning");
            weights = trainer.fineTune(weights, true, trainingSet, recipe.fineTune(), FINE_TUNE_SEED,
                    relay(progress, tuned -> quantize(tuned, recipe)), cancel);
        }
        return quantize(weights, recipe);
    }

    /**
     * Refuses, before any stage runs, a recipe that could not finish: settings that do not fit the network (see
     * {@link RecipeCheck}), and training images of another shape or fewer than a batch.
     *
     * @throws IllegalArgumentException or IllegalStateException with a message a user can act on
     */
    public void check(WeightSet original, Recipe recipe) {
        RecipeCheck.check(original, recipe);
        if (recipe.removal().active() && recipe.distillation().active()) {
            throw new IllegalArgumentException("layer removal and distillation do not go together: the student is"
                    + " a new network; remove layers from the model, or choose a smaller student");
        }
        if (!recipe.removal().layers().isEmpty()) {
            remover.remove(original, recipe.removal().layers());
        } else if (recipe.removal().count() >= remover.units(original.spec()).size() + 1) {
            throw new IllegalArgumentException("cannot remove " + recipe.removal().count() + " layers: the network has "
                    + remover.units(original.spec()).size() + " removable layers and blocks");
        }
        boolean trains = recipe.distillation().active() || recipe.fineTune().active() || recipe.removal().count() > 0;
        if (trains) {
            String stage = recipe.distillation().active() ? "distillation"
                    : recipe.fineTune().active() ? "fine-tuning" : "choosing the layers to remove by sensitivity";
            RecipeCheck.checkTraining(original, recipe, trainingImages(stage), stage);
        }
    }

    /** Layer removal, structured pruning, low-rank factorization and unstructured pruning. */
    private WeightSet compress(WeightSet weights, Recipe recipe) {
        if (recipe.removal().active()) {
            weights = remover.remove(weights, removedLayers(weights, recipe.removal()));
        }
        weights = channelPruner.prune(weights, recipe.structured());
        weights = factorizer.factorize(weights, recipe.lowRank());
        return magnitudePruner.prune(weights, recipe.pruning());
    }

    /** The named layers, or the {@code count} whose removal alone costs least accuracy on training images. */
    private List<String> removedLayers(WeightSet weights, LayerRemovalSettings removal) {
        if (!removal.layers().isEmpty()) {
            return removal.layers();
        }
        LabeledImages images = trainingImages("choosing the layers to remove by sensitivity");
        LabeledImages ranking = images.first(Math.min(REMOVAL_RANKING_IMAGES, images.size()));
        return new RemovalRanking(remover, trainer.runtime()).leastSensitive(weights, removal.count(), ranking);
    }

    private WeightSet quantize(WeightSet weights, Recipe recipe) {
        weights = quantizer.quantize(weights, recipe.quantization());
        boolean calibrates = recipe.quantization().mode() == org.paretowb.models.recipe.QuantizationSettings.Mode.STATIC;
        return activationQuantizer.quantize(weights, recipe.quantization(),
                calibrates ? trainingImages("static int8 calibration") : null);
    }

    /** Tells this applier's listener and {@code progress}; weights asked for mid-training go through {@code rest}. */
    private EpochListener relay(EpochListener progress, UnaryOperator<WeightSet> rest) {
        return new EpochListener() {
            @Override
            public void epochDone(int epoch, int epochs, double loss, double accuracy, long millis) {
                listener.epochDone(epoch, epochs, loss, accuracy, millis);
                progress.epochDone(epoch, epochs, loss, accuracy, millis);
            }

            @Override
            public void batchesDone(int epoch, int epochs, int batch, int batches, double loss, double accuracy) {
                listener.batchesDone(epoch, epochs, batch, batches, loss, accuracy);
                progress.batchesDone(epoch, epochs, batch, batches, loss, accuracy);
            }

            @Override
            public void trained(int epoch, int epochs, Supplier<WeightSet> weights) {
                progress.trained(epoch, epochs, () -> rest.apply(weights.get()));
            }
        };
    }

    /** The training images (read and fitted the first time); a message naming {@code stage} when there are none. */
    private synchronized LabeledImages trainingImages(String stage) {
        if (trainer == null || !training.available()) {
            throw new IllegalStateException(stage + " needs training data, and " + (training.available()
                    ? "this applier does not train" : "there is none: " + training.missing()));
        }
        if (trainingSet == null) {
            try {
                trainingSet = training.images();
            } catch (DatasetException e) {
                throw new IllegalStateException(stage + ": the training data cannot be used: " + e.getMessage(), e);
            }
        }
        return trainingSet;
    }
}
