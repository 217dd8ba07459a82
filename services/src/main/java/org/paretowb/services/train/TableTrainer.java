package org.paretowb.services.train;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.Standardisation;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;

/**
 * Trains an MLP on rows of a table: standardised with the training rows' own mean and std, trained with
 * {@link NetworkTrainer}, then the standardisation put into the network, so the network it returns takes the
 * raw features.
 */
public final class TableTrainer {
    /** Where the standardisation goes (see {@link Standardisation} for why the layer is the default). */
    public enum Scaling {
        /** A BatchNorm layer in front of the first dense layer: compresses as well as the trained network. */
        LAYER,
        /** Folded into the first dense layer's weights and bias: no extra layer, but fragile under compression. */
        FOLDED
    }

    private final NetworkTrainer trainer;

    public TableTrainer(NetworkTrainer trainer) {
        this.trainer = trainer;
    }

    /** {@code 1x1xF flatten dense(h1) relu dense(h2) relu ... dense(K)}. */
    public static NetworkSpec mlp(int features, int[] hidden, int classes) {
        if (Arrays.stream(hidden).anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hidden layer widths must be positive, got "
                    + Arrays.toString(hidden));
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        String layers = Arrays.stream(hidden).mapToObj(h -> " dense" + h + " relu").collect(Collectors.joining());
        return NetworkSpec.parse("1x1x" + features + " flatten" + layers + " dense" + classes);
    }

    /**
     * @param training the training rows only: their mean and std standardise the features
     * @param classes the number of classes (the table's, not only those the training rows hold)
     */
    public WeightSet train(LabeledImages training, int[] hidden, int classes, Scaling scaling,
                           TrainingSettings settings, EpochListener listener, CancelToken cancel) {
        Standardisation standardisation = Standardisation.of(training);
        NetworkSpec spec = mlp(training.pixelsPerImage(), hidden, classes);
        WeightSet trained = trainer.train(spec, standardisation.apply(training), settings, listener, cancel);
        if (scaling == Scaling.FOLDED) {
            return standardisation.foldInto(trained);
        }
        WeightSet layered = standardisation.asLayer(trained);
        try (LoadedNetwork network = LoadedNetwork.load(layered, trainer.runtime())) {
            return LoadedNetwork.weightsOf(layered.spec(), network.block()); // the tensors named as DJL names them
        }
    }
}
