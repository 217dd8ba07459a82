package org.paretowb.services.usecase;

import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.ImageFolder;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.train.EpochListener;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.MeasuringEngine;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.ContentHash;
import org.paretowb.services.store.PointContext;

/** Wires the built-in example: a trained example network, the Fashion-MNIST test set, and the measurer. */
public final class ExampleSession {
    private ExampleSession() {
    }

    /** ONNX Runtime as the measuring engine; its per-layer profile runs on test images. */
    public static MeasuringEngine onnxRuntime() {
        return onnxRuntime(testSet());
    }

    /** ONNX Runtime as the measuring engine; its per-layer profile runs on the first 1,000 of {@code data}. */
    public static MeasuringEngine onnxRuntime(LabeledImages data) {
        return new OrtMeasuringEngine(new OrtRuntime(), data.first(1000));
    }

    /**
     * @param samples how many test images to evaluate on; 0 or more than 10,000 means all of them
     * @param applier applies recipes (with or without a training set for fine-tuning)
     */
    public static PointMeasurer measurer(MeasuringEngine engine, Architecture architecture, int samples,
                                         RecipeApplier applier) {
        return measurer(engine, architecture, samples, applier, testSet());
    }

    /** As {@link #measurer(MeasuringEngine, Architecture, int, RecipeApplier)}, on other evaluation data. */
    public static PointMeasurer measurer(MeasuringEngine engine, Architecture architecture, int samples,
                                         RecipeApplier applier, LabeledImages test) {
        return measurer(engine, exampleWeights(architecture), samples, applier, test);
    }

    /** A measurer of any model's weights on {@code test}. */
    public static PointMeasurer measurer(MeasuringEngine engine, WeightSet model, int samples,
                                         RecipeApplier applier, LabeledImages test) {
        return measurer(engine, model, samples, applier, test, 64);
    }

    /** As {@link #measurer(MeasuringEngine, WeightSet, int, RecipeApplier, LabeledImages)}, throughput at another batch. */
    public static PointMeasurer measurer(MeasuringEngine engine, WeightSet model, int samples,
                                         RecipeApplier applier, LabeledImages test, int throughputBatch) {
        boolean subset = samples > 0 && samples < test.size();
        LabeledImages evaluation = subset ? test.first(samples) : test;
        return new PointMeasurer(engine, model, evaluation, subset, applier,
                new Evaluator(250), new LatencyProbe(20, 200), new ThroughputProbe(throughputBatch, 2, 10));
    }

    /**
     * A recipe applier for an example network: it fine-tunes, distils and calibrates on Fashion-MNIST's training set
     * (full when installed, else embedded), which the examples were trained on.
     */
    public static RecipeApplier fineTuningApplier(PyTorchRuntime runtime, EpochListener listener) {
        return fineTuningApplier(runtime, listener, TrainingData.fashionMnist());
    }

    /** A recipe applier that fine-tunes, distils and calibrates on {@code training} (fitted to the model when read). */
    public static RecipeApplier fineTuningApplier(PyTorchRuntime runtime, EpochListener listener,
                                                  TrainingData training) {
        return new RecipeApplier(new NetworkTrainer(runtime), training, listener);
    }

    /** What the example's points are measured on: the example network and the whole Fashion-MNIST test set. */
    public static PointContext context(Architecture architecture) {
        return context(title(architecture), exampleWeights(architecture), testSet(), true);
    }

    /** How the window, the workspace and reports name an example network. */
    public static String title(Architecture architecture) {
        return "Example " + architecture.title();
    }

    /** The example network a point was measured on, found by its weights' hash; a message when none is. */
    public static Architecture architectureOf(PointContext context) {
        for (Architecture a : Architecture.values()) {
            if (ContentHash.of(exampleWeights(a)).equals(context.modelHash())) {
                return a;
            }
        }
        throw new UserError("the point was measured on " + context.model() + ", which is not one of the built-in"
                + " examples of this version (their weights differ)");
    }

    /**
     * Evaluation data from a path: a folder holding the idx files as Fashion-MNIST and MNIST are distributed
     * (the t10k files, gzipped or not), or a folder with one sub-folder of PNG or JPEG images per class;
     * normalised and checked against the model's settings.
     */
    public static LabeledImages evaluationData(java.nio.file.Path path, ModelSettings settings) {
        try {
            return new DataLoader(settings).load(path, ImageFolder.Progress.NONE);
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** The built-in Fashion-MNIST test set, checked against and normalised for the model's settings. */
    public static LabeledImages evaluationData(ModelSettings settings) {
        try {
            return new DataLoader(settings).fitted(testSet());
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** The context of points of any model measured on any evaluation data ({@code builtIn}: the Fashion-MNIST test set). */
    public static PointContext context(String modelTitle, WeightSet model, LabeledImages data, boolean builtIn) {
        return context(modelTitle, ContentHash.of(model), data, builtIn);
    }

    /** As {@link #context(String, WeightSet, LabeledImages, boolean)}, for a model known by its file's hash. */
    public static PointContext context(String modelTitle, String modelHash, LabeledImages data, boolean builtIn) {
        return new PointContext(modelTitle, modelHash, builtIn ? builtInDataTitle(data)
                : data.name() + " (" + String.format(java.util.Locale.ROOT, "%,d", data.size())
                        + (data.isImages() ? " images)" : " rows)"),
                ContentHash.of(data));
    }

    private static String builtInDataTitle(LabeledImages test) {
        return "Fashion-MNIST test set (" + String.format(java.util.Locale.ROOT, "%,d", test.size()) + " images)";
    }

    public static WeightSet exampleWeights(Architecture architecture) {
        try {
            return new ExampleWeights().load(architecture);
        } catch (WeightFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    public static LabeledImages testSet() {
        try {
            return new FashionMnist().testSet();
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
