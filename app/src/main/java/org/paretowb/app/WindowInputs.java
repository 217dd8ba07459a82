package org.paretowb.app;

import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.views.inputs.DataSplit;
import org.paretowb.views.inputs.ModelInputs;
import org.paretowb.services.usecase.UserError;
import org.paretowb.services.usecase.ModelSource;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.input.ModelSettings;

/** What a window measures on at first, and a measurer of any inputs. */
final class WindowInputs {
    static final String BUILT_IN = "Fashion-MNIST test set";

    private WindowInputs() {
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

    /**
     * A measurer of the inputs on ONNX Runtime: the evaluation part measured; fine-tuning, distillation and
     * calibration on the training part, else the data's own training data (the files beside an idx folder's t10k
     * files; Fashion-MNIST's training set with its test set), read when first needed and fitted to the model; where
     * there is none, they are refused with the reason. Called on the lane.
     */
    static PointMeasurer measurer(ModelInputs inputs) {
        if (!inputs.hasData()) {
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
}
