package org.paretowb.app.cli;

import org.paretowb.app.UserError;
import java.nio.file.Path;
import java.util.Arrays;
import org.paretowb.app.ExampleSession;
import org.paretowb.app.ModelSource;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TableSplit;
import org.paretowb.models.network.ModelSettings;
import org.paretowb.models.network.SettingsText;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --data} (with how a CSV file is split) and the model settings a file may not state: input shape,
 * normalisation, class names.
 */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "Evaluation data: a folder of idx files (t10k-*, gzipped or not), one sub-folder of PNG/JPEG"
                    + " images per class, or a CSV file of numeric features and a label column, measured on its"
                    + " evaluation split while fine-tuning and calibration use its training split (default: the"
                    + " Fashion-MNIST test set).")
    Path data;

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

    /** The model with the settings given on the command line; a message when they do not fit it. */
    private ModelSource apply(ModelSource model) {
        ModelSettings s = model.settings();
        try {
            if (inputShape != null) {
                if (inputShape.length != 3 || Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
                    throw new UserError("--input-shape must be three positive sizes C,H,W, such as 1,28,28");
                }
                s = s.withShape(inputShape[0], inputShape[1], inputShape[2]);
            }
            if (mean != null || std != null) {
                s = s.withNormalisation(SettingsText.normalisation(mean == null ? "0" : mean,
                        std == null ? "1" : std));
            }
            if (classNames != null) {
                s = s.withClassNames(SettingsText.classNames(classNames));
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        return model.with(s);
    }

    /** Whether the built-in Fashion-MNIST test set is the evaluation data. */
    public boolean builtIn() {
        return data == null;
    }

    /**
     * What a command measures on.
     *
     * @param model the model, with the data's class names when it had only placeholders
     * @param training the rows fine-tuning and calibration use: a CSV file's training split; null for the
     *     Fashion-MNIST training set
     */
    public record Loaded(ModelSource model, LabeledImages evaluation, LabeledImages training) {
    }

    /**
     * The model with the command line's settings, and the evaluation data read and normalised for it; a CSV
     * file split with {@code seed}.
     */
    public Loaded load(ModelSource given, long seed) {
        ModelSource model = apply(given);
        if (data == null) {
            return new Loaded(model, ExampleSession.evaluationData(model.settings()), null);
        }
        if (!DataLoader.isTable(data)) {
            return new Loaded(model, ExampleSession.evaluationData(data, model.settings()), null);
        }
        try {
            TableSplit table = new DataLoader(model.settings(), split.table(seed)).table(data);
            return new Loaded(model.with(model.settings().withClassNames(table.classNames())), table.evaluation(),
                    table.training());
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
