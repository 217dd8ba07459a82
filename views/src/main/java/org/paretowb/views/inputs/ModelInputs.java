package org.paretowb.views.inputs;

import java.util.Locale;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.PointContext;

/**
 * What a window measures on: the model (title, weights, settings) and its data, whole and as split into an
 * evaluation part (measured on) and a training part (null when nothing is split off), with the context its
 * points are saved under. Making one hashes the model and the evaluation data: do it off the FX thread.
 *
 * @param dataName how people name the data ("Fashion-MNIST test set", "shoes (image folder)")
 * @param source where the data came from (a path, or what the built-in data is)
 * @param normalisationAssumed whether the normalisation is assumed (the model file states none and nobody gave or
 *     confirmed one) rather than known
 * @param unsplitTraining what fine-tuning, distillation and calibration use when the data is not split (the training
 *     files beside an idx folder's t10k files, Fashion-MNIST's training set with its test set), or why there is none
 */
public record ModelInputs(String modelTitle, WeightSet weights, ModelSettings settings, LabeledImages data,
                          String dataName, String source, DataSplit split, LabeledImages evaluation,
                          LabeledImages training, PointContext context, boolean normalisationAssumed,
                          TrainingData unsplitTraining) {

    /** Inputs whose normalisation is known and whose data has no training part unless it is split. */
    public ModelInputs(String modelTitle, WeightSet weights, ModelSettings settings, LabeledImages data,
                       String dataName, String source, DataSplit split, LabeledImages evaluation,
                       LabeledImages training, PointContext context) {
        this(modelTitle, weights, settings, data, dataName, source, split, evaluation, training, context, false,
                notSplit(dataName));
    }

    /** {@code data} (already fitted to {@code settings}) split as {@code split} says. */
    public static ModelInputs of(String modelTitle, WeightSet weights, ModelSettings settings, LabeledImages data,
                                 String dataName, String source, DataSplit split) {
        return of(modelTitle, weights, settings, data, dataName, source, split, false, notSplit(dataName));
    }

    /**
     * {@code data} (already fitted to {@code settings}) split as {@code split} says; {@code unsplitTraining} is
     * what trains when it is not split.
     */
    public static ModelInputs of(String modelTitle, WeightSet weights, ModelSettings settings, LabeledImages data,
                                 String dataName, String source, DataSplit split, boolean normalisationAssumed,
                                 TrainingData unsplitTraining) {
        LabeledImages evaluation = data;
        LabeledImages training = null;
        if (split.active()) {
            LabeledImages[] parts = data.split(split.evaluationShare(), split.seed());
            training = parts[0];
            evaluation = parts[1];
        }
        String title = dataName + (split.active() ? ", evaluation split (seed " + split.seed() + ")" : "")
                + String.format(Locale.ROOT, " (%,d %s)", evaluation.size(), evaluation.isImages() ? "images" : "rows");
        PointContext context = new PointContext(modelTitle, ContentHash.of(weights), title, ContentHash.of(evaluation));
        return new ModelInputs(modelTitle, weights, settings, data, dataName, source, split, evaluation, training,
                context, normalisationAssumed, unsplitTraining);
    }

    /** Why data that is not split has no training part, and what the user can do. */
    public static TrainingData notSplit(String dataName) {
        return TrainingData.none(dataName + " is not split into evaluation and training parts: set an evaluation"
                + " share in the Data tab, or open an idx folder with its training files (train-images-idx3-ubyte"
                + " beside the t10k files)");
    }

    /** The same model on other data (read for these settings), split as before; {@code newTraining} when unsplit. */
    public ModelInputs withData(LabeledImages newData, String newName, String newSource, TrainingData newTraining) {
        return of(modelTitle, weights, settings, newData, newName, newSource, split, normalisationAssumed, newTraining);
    }

    /**
     * The same data read again for other settings (checked against the data and normalised as they say); the
     * normalisation stays assumed only while it is the one assumed.
     */
    public ModelInputs withSettings(ModelSettings newSettings) throws DatasetException {
        String misfit = newSettings.misfit(weights.spec());
        if (misfit != null) {
            throw new IllegalArgumentException(misfit);
        }
        boolean assumed = normalisationAssumed && newSettings.normalisation().equals(settings.normalisation());
        return of(modelTitle, weights, newSettings, new DataLoader(newSettings).fitted(data), dataName, source, split,
                assumed, unsplitTraining);
    }

    /** The same inputs with the normalisation confirmed by the user (no longer assumed). */
    public ModelInputs confirmed() {
        return new ModelInputs(modelTitle, weights, settings, data, dataName, source, split, evaluation, training,
                context, false, unsplitTraining);
    }

    public ModelInputs withSplit(DataSplit newSplit) {
        return of(modelTitle, weights, settings, data, dataName, source, newSplit, normalisationAssumed,
                unsplitTraining);
    }

    /**
     * What fine-tuning, distillation and static int8 calibration use, fitted to the model when read: the split's
     * training part, else the unsplit data's own training data, or why there is none.
     */
    public TrainingData trainingData() {
        return training != null ? TrainingData.of(training) : unsplitTraining.fittedTo(settings);
    }

    /** How the points of these inputs are titled, for the window's header. */
    /** Whether there is data to measure on (none when the built-in images do not fit the model and none was opened). */
    public boolean hasData() {
        return evaluation.size() > 0;
    }

    public String dataTitle() {
        return context.data();
    }

    public String modelHash() {
        return context.modelHash();
    }
}
