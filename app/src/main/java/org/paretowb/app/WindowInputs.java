package org.paretowb.app;

import java.nio.file.Path;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.ModelSettings;
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
                    .map(settings -> new Remembered(source.with(settings), true, null))
                    .orElse(new Remembered(source, false, null));
        } catch (WorkspaceException e) {
            return new Remembered(source, false, null); // the window reports the workspace it cannot open
        } catch (UserError e) {
            return new Remembered(source, false, "The input settings " + workspace.getFileName()
                    + " remembers for this model do not fit it (" + e.getMessage() + "); the model file's are used.");
        }
    }

    /** The built-in test set fitted to the model, or no data when it does not fit (the user opens some). */
    static ModelInputs initial(ModelSource source) {
        ModelSettings settings = source.settings();
        try {
            LabeledImages test = new DataLoader(settings).fitted(ExampleSession.testSet());
            return ModelInputs.of(source.title(), source.weights(), settings, test, BUILT_IN,
                    "the workbench itself: Fashion-MNIST's 10,000 test images", DataSplit.NONE);
        } catch (DatasetException e) {
            LabeledImages none = new LabeledImages("no data", new byte[0], new byte[0], settings.channels(),
                    settings.height(), settings.width(), settings.normalisation(), null);
            return ModelInputs.of(source.title(), source.weights(), settings, none, "no data",
                    "nowhere yet: the built-in Fashion-MNIST images do not fit this model (" + e.getMessage()
                            + "). Open data: File › Open data folder…", DataSplit.NONE);
        }
    }

    /** Whether the window has data to measure on. */
    static boolean hasData(ModelInputs inputs) {
        return inputs.evaluation().size() > 0;
    }

    /**
     * A measurer of the inputs on ONNX Runtime: the evaluation part measured, the training part (else the
     * Fashion-MNIST training set, where it fits the model) for fine-tuning, distillation and calibration.
     * Called on the lane.
     */
    static PointMeasurer measurer(ModelInputs inputs) {
        if (!hasData(inputs)) {
            throw new UserError("there is no data to measure " + inputs.modelTitle() + " on: open data with File ›"
                    + " Open data folder…");
        }
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        RecipeApplier applier = new RecipeApplier(new NetworkTrainer(runtime), training(inputs),
                (epoch, epochs, loss, accuracy, millis) -> { });
        return ExampleSession.measurer(new OrtMeasuringEngine(new OrtRuntime(), inputs.evaluation().first(1000)),
                inputs.weights(), 0, applier, inputs.evaluation());
    }

    private static LabeledImages training(ModelInputs inputs) {
        if (inputs.training() != null) {
            return inputs.training();
        }
        try {
            return new DataLoader(inputs.settings()).fitted(new FashionMnist().trainingSet());
        } catch (DatasetException e) {
            return null; // fine-tuning and calibration then say that no training set is loaded
        }
    }

    /** Whether a model file said nothing of its settings (then the window asks). */
    static boolean statesNothing(ModelSource source) {
        return source.settings().equals(ModelSettings.of(source.weights().spec()));
    }

}
