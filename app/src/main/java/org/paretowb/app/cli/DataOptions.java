package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.nio.file.Path;
import java.util.Arrays;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.ImageFolder;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TableSplit;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.input.SettingsText;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --data} and {@code --train-data} (with how a CSV file or images are split) and the model settings a file
 * may not state: input shape, normalisation, class names. The evaluation data and the training data are read for
 * the model's settings: converted to its channels and size, normalised as it wants.
 */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "Evaluation data: a folder of idx files (t10k-*, gzipped or not), one sub-folder of PNG/JPEG"
                    + " images per class, or a CSV file of numeric features and a label column, measured on its"
                    + " evaluation split while fine-tuning and calibration use its training split (default: the"
                    + " Fashion-MNIST test set). Images are converted to the model's channels and size as read.")
    Path data;

    @Option(names = "--train-data", paramLabel = "PATH",
            description = "Training data for fine-tuning, distillation and static int8 calibration: a folder of idx"
                    + " files (its train-* files, else its t10k files), one sub-folder of images per class, or a CSV"
                    + " file (all its rows). Default: the training part of --eval-share's split, else the train-*"
                    + " files beside --data's t10k files, else Fashion-MNIST's training set with its test set only.")
    Path trainData;

    @Mixin
    SplitOptions split;

    @Option(names = "--input-shape", split = ",", paramLabel = "C,H,W",
            description = "The model's input shape, checked against the model's own.")
    int[] inputShape;

    @Option(names = "--mean", paramLabel = "M[,M,M]", description = "Per-channel mean of the normalisation (x/255 - mean) / std.")
    String mean;

    @Option(names = "--std", paramLabel = "S[,S,S]", description = "Per-channel std of the normalisation.")
    String std;

    @Option(names = "--class-names", paramLabel = "A,B,...", description = "A name per class, in label order.")
    String classNames;

    /** {@code defaults} with the settings given on the command line (not yet checked against a network). */
    public ModelSettings settings(ModelSettings defaults) {
        ModelSettings s = defaults;
        try {
            if (inputShape != null) {
                if (inputShape.length != 3 || Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
                    throw new UserError("--input-shape must be three positive sizes C,H,W, such as 1,28,28");
                }
                s = s.withShape(inputShape[0], inputShape[1], inputShape[2]);
            }
            if (givesNormalisation()) {
                s = s.withNormalisation(SettingsText.normalisation(mean == null ? "0" : mean, std == null ? "1" : std));
            }
            if (classNames != null) {
                s = s.withClassNames(SettingsText.classNames(classNames));
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        return s;
    }

    /** Whether --mean or --std was given. */
    public boolean givesNormalisation() {
        return mean != null || std != null;
    }

    /** The model with the settings given on the command line; a message when they do not fit it. */
    private ModelSource apply(ModelSource model) {
        ModelSettings s = settings(model.settings());
        return givesNormalisation() ? model.withStated(s) : model.with(s);
    }

    /** Whether the built-in Fashion-MNIST test set is the evaluation data. */
    public boolean builtIn() {
        return data == null;
    }

    /**
     * What a command measures on.
     *
     * @param model the model, with the data's class names when it had only placeholders
     * @param training what fine-tuning, distillation and calibration use, fitted to the model, or why there is none
     */
    public record Loaded(ModelSource model, LabeledImages evaluation, TrainingData training) {
    }

    /** The evaluation and training data of a model of {@code settings} (class names from a CSV file's). */
    public record Inputs(ModelSettings settings, LabeledImages evaluation, TrainingData training) {
    }

    /**
     * The model with the command line's settings, and the evaluation and training data read for it; a split made
     * with {@code seed}. When the model's normalisation is assumed, one line on stderr says which.
     */
    public Loaded load(ModelSource given, long seed) {
        ModelSource model = apply(given);
        if (model.assumption() != null) {
            System.err.println("paretowb: " + model.assumption());
        }
        Inputs inputs = load(model.settings(), seed);
        return new Loaded(inputs.settings().equals(model.settings()) ? model : model.with(inputs.settings()),
                inputs.evaluation(), inputs.training());
    }

    /** The evaluation and training data for a model of {@code settings} (already with the command line's). */
    public Inputs load(ModelSettings settings, long seed) {
        try {
            if (data != null && DataLoader.isTable(data)) {
                TableSplit table = new DataLoader(settings, split.table(seed)).table(data);
                ModelSettings named = settings.withClassNames(table.classNames());
                return new Inputs(named, table.evaluation(), training(named, seed, TrainingData.of(table.training())));
            }
            LabeledImages all = data == null ? ExampleSession.evaluationData(settings)
                    : new DataLoader(settings).load(data, ImageFolder.Progress.NONE);
            Double share = split.imageShare();
            if (share == null) {
                return new Inputs(settings, all, training(settings, seed, null));
            }
            LabeledImages[] parts = Flags.settings("--eval-share", () -> all.split(share, seed));
            return new Inputs(settings, parts[1], training(settings, seed, TrainingData.of(parts[0])));
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * The training data, fitted to the model: --train-data, else the split's training part, else the training files
     * beside --data's t10k files, else (with the built-in test set only) Fashion-MNIST's training set.
     */
    private TrainingData training(ModelSettings settings, long seed, TrainingData splitPart) throws DatasetException {
        TrainingData found;
        if (trainData != null) {
            found = TrainingData.at(trainData, split.table(seed));
        } else if (splitPart != null) {
            found = splitPart;
        } else if (data == null) {
            found = TrainingData.fashionMnist();
        } else if (ImageFolder.idxFolder(data) != null) {
            found = TrainingData.besideIdx(data);
        } else {
            found = TrainingData.none(data + " is evaluation data and is not split");
        }
        return found.fittedTo(settings);
    }
}
