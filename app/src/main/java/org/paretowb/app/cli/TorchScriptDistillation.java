package org.paretowb.app.cli;

import org.paretowb.services.usecase.UserError;
import java.util.List;
import java.util.Locale;
import org.paretowb.services.usecase.ExampleSession;
import org.paretowb.models.data.DatasetException;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.data.TrainingData;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Students;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.store.PointContext;
import org.paretowb.services.store.StoredPoint;
import org.paretowb.services.train.Distiller;
import org.paretowb.services.train.EpochListener;
import org.paretowb.services.runtime.TorchScriptNetwork;
import picocli.CommandLine.Option;

/**
 * The torchscript command's distillation: a workbench student trained on the TorchScript model's logits over the
 * training data (read for the model's input settings, as the evaluation data is), then measured as any workbench
 * network (on ONNX Runtime).
 */
public final class TorchScriptDistillation {
    @Option(names = "--distill-student", paramLabel = "mlp:64|cnn:8,16",
            description = "Distil the TorchScript model into this workbench student (trained on the training set)"
                    + " and measure the student on ONNX Runtime.")
    String student;

    @Option(names = "--distill-epochs", defaultValue = "10", paramLabel = "N",
            description = "Student epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--temperature", defaultValue = "4", description = "Distillation temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--alpha", defaultValue = "0.7",
            description = "Weight of the teacher's soft targets (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--distill-lr", defaultValue = "0.01",
            description = "Student's Adam learning rate, cosine-decayed (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the student's training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-samples", defaultValue = "0", paramLabel = "N",
            description = "Distil on the first N training images only (default: all of them).")
    int trainSamples;

    boolean given() {
        return student != null;
    }

    /** Refuses bad distillation flags before any work starts. */
    void validate() {
        if (given()) {
            settings();
            if (trainSamples < 0) {
                throw new UserError("--train-samples must be 0 (all) or a positive count, got " + trainSamples);
            }
        }
    }

    /** The distillation as a recipe (its only stage). */
    Recipe recipe() {
        return Recipe.builder().distillation(settings()).build();
    }

    private DistillationSettings settings() {
        return Flags.settings("--distill-student/--distill-epochs/--temperature/--alpha/--distill-lr",
                () -> new DistillationSettings(student, temperature, alpha, epochs, learningRate,
                        DistillationSettings.Optimizer.ADAM, 0, 128, seed));
    }

    /**
     * Trains the student on the teacher's logits over {@code training} (fitted to the teacher's input settings, as
     * {@code test} is), measures it on ONNX Runtime and saves it to the workspace.
     */
    TorchScriptCommand.Measured distilAndMeasure(PyTorchRuntime runtime, TorchScriptNetwork teacher, LabeledImages test,
                                                 TrainingData training, int samples, WorkspaceOption workspace,
                                                 PointContext context) {
        DistillationSettings settings = settings();
        int[] input = teacher.input();
        NetworkSpec inputs = new NetworkSpec(input[0], input[1], input[2], List.of());
        int classes = teacher.logits(test.scaledPixels(0, 1), 1).length;
        NetworkSpec studentSpec = Flags.settings("--distill-student",
                () -> Students.parse(settings.student(), inputs, classes));
        LabeledImages all;
        try {
            all = training.images();
        } catch (DatasetException e) {
            throw new UserError(e.getMessage(), e);
        }
        LabeledImages train = trainSamples > 0 && trainSamples < all.size() ? all.first(trainSamples) : all;
        System.err.printf(Locale.ROOT, "distilling into %s on %,d training images (%s)%n", studentSpec.describe(),
                train.size(), training.description());
        WeightSet weights = new Distiller(runtime).distil(teacher, studentSpec, train, settings, progress(),
                CancelToken.NEVER);
        PointMeasurer measurer = ExampleSession.measurer(ExampleSession.onnxRuntime(test), weights, samples,
                new RecipeApplier(), test);
        System.err.println("measuring the student on ONNX Runtime");
        measurer.warmUp(CancelToken.NEVER);
        Measurement m = measurer.measure(Recipe.BASELINE, CancelToken.NEVER);
        Recipe recipe = recipe();
        StoredPoint saved = workspace.save(context, recipe, m);
        if (saved != null) {
            System.err.printf(Locale.ROOT, "saved as point %d in %s%n", saved.point().id(), workspace.file);
        }
        return new TorchScriptCommand.Measured(recipe, m, null, saved == null ? null : saved.point().id());
    }

    private static EpochListener progress() {
        return (epoch, epochs, loss, accuracy, millis) -> System.err.printf(Locale.ROOT,
                "training epoch %d/%d  loss %.4f  train accuracy %.2f%%  %.1f s%n", epoch, epochs, loss, accuracy * 100,
                millis / 1000.0);
    }
}
