package org.paretowb.app;

import java.nio.file.Path;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.Workspace;
import org.paretowb.services.store.WorkspaceException;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.views.inputs.DataSplit;
import org.paretowb.views.inputs.ModelInputs;

/** What a window measures on at first, the settings its workspace remembers, and a measurer of any inputs. */
final class WindowInputs {
    static final String BUILT_IN = "Fashion-MNIST test set";

    private WindowInputs() {
    }

    /** A model with the settings the workspace remembers for it, and a note when they could not be used. */
    record Remembered(ModelSource source, boolean found, String note) {
    }

    /** {@code source} with the settings {@code workspace} remembers for its weights (the file's own when none). */
    static Remembered remembered(ModelSource source, Path workspace) {
        if (workspace == null || !java.nio.file.Files.isRegularFile(workspace)) {
            return new Remembered(source, false, null);
        }
        try (Workspace w = Workspace.open(workspace)) {
            return w.settings(ContentHash.of(source.weights()))
                    .map(settings -> new Remembered(source.withStated(settings), true, null))
                    .orElse(new Remembered(source, false, null));
        } catch (WorkspaceException e) {
            return new Remembered(source, false, null); // the window reports the workspace it cannot open
        } catch (UserError e) {
            return new Remembered(source, false, "The input settings " + workspace.getFileName()
                    + " remembers for this model do not fit it (" + e.getMessage() + "); the model file's are used.");
        }
    }

    /**
     * The built-in test set fitted to the model (converted to its channels and size, normalised), with
     * Fashion-MNIST's training set to train on; or no data when it does not fit (the user opens some).
     */
    static ModelInputs initial(ModelSource source) {
        ModelSettings settings = source.settings();
        boolean assumed = source.normalisationAssumed();
        try {
            LabeledImages test = new DataLoader(settings).fitted(ExampleSession.testSet());
            return ModelInputs.of(source.title(), source.weights(), settings, test, BUILT_IN,
                    "the workbench itself: Fashion-MNIST's 10,000 test images" + (test.converted()
                            ? ", converted " + test.conversion() : ""), DataSplit.NONE, assumed,
                    TrainingData.fashionMnist());
        } catch (DatasetException e) {
            LabeledImages none = new LabeledImages("no data", new byte[0], new byte[0], settings.channels(),
                    settings.height(), settings.width(), settings.normalisation(), null);
            return ModelInputs.of(source.title(), source.weights(), settings, none, "no data",
                    "nowhere yet: the built-in Fashion-MNIST images do not fit this model (" + e.getMessage()
                            + "). Open data: File › Open data folder…", DataSplit.NONE, assumed,
                    TrainingData.none("there is no data yet: open some (File › Open data folder…)"));
        }
    }

    /** Whether the window has data to measure on. */
    static boolean hasData(ModelInputs inputs) {
        return inputs.evaluation().size() > 0;
    }

    /**
     * A measurer of the inputs on ONNX Runtime: the evaluation part measured; fine-tuning, distillation and
     * calibration on the training part, else the data's own training data (the files beside an idx folder's t10k
     * files; Fashion-MNIST's training set with its test set), read when first needed and fitted to the model; where
     * there is none, they are refused with the reason. Called on the lane.
     */
    static PointMeasurer measurer(ModelInputs inputs) {
        if (!hasData(inputs)) {
            throw new UserError("there is no data to measure " + inputs.modelTitle() + " on: open data with File ›"
                    + " Open data folder…");
        }
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        RecipeApplier applier = new RecipeApplier(new NetworkTrainer(runtime), inputs.trainingData(),
                (epoch, epochs, loss, accuracy, millis) -> { });
        return ExampleSession.measurer(new OrtMeasuringEngine(new OrtRuntime(), inputs.evaluation().first(1000)),
                inputs.weights(), 0, applier, inputs.evaluation());
    }

    /** Whether a model file said nothing of its settings, or nothing of its normalisation (then the window asks). */
    static boolean statesNothing(ModelSource source) {
        return source.normalisationAssumed() || source.settings().equals(ModelSettings.of(source.weights().spec()));
    }

}
