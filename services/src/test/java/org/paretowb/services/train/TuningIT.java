package org.paretowb.services.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityTechnique;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.LayerRemovalSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.compress.LayerRemover;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.compress.RemovalRanking;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.TechniqueSensitivity;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.usecase.ExampleSession;

/**
 * Fine-tuning's hyper-parameters, layer removal and int8 sensitivity on the engines, on small slices of the
 * embedded data so that the class runs in seconds.
 */
class TuningIT {
    private final PyTorchRuntime runtime = new PyTorchRuntime();
    private static final EpochListener QUIET = (epoch, epochs, loss, accuracy, millis) -> { };

    private static FineTuneSettings settings(FineTuneSettings.Optimizer optimizer, double rate, double l1) {
        return new FineTuneSettings(1, rate, optimizer, FineTuneSettings.Schedule.CONSTANT, 0.9, l1, 0, 100);
    }

    private static double l1Norm(WeightSet w) {
        double sum = 0;
        for (Tensor t : w.tensors()) {
            if (t.prunable()) {
                for (float v : t.values()) {
                    sum += Math.abs(v);
                }
            }
        }
        return sum;
    }

    @Test
    void theOptimizerChosenChangesTrainingAndL1ShrinksTheWeights() throws Exception {
        WeightSet start = new ExampleWeights().load(Architecture.MLP);
        LabeledImages data = new FashionMnist().embeddedTrainingSubset().first(1000);
        NetworkTrainer trainer = new NetworkTrainer(runtime);

        WeightSet adam = trainer.fineTune(start, false, data, settings(FineTuneSettings.Optimizer.ADAM, 1e-3, 0), 7,
                QUIET, CancelToken.NEVER);
        WeightSet sgd = trainer.fineTune(start, false, data, settings(FineTuneSettings.Optimizer.SGD, 1e-3, 0), 7,
                QUIET, CancelToken.NEVER);
        WeightSet adamL1 = trainer.fineTune(start, false, data, settings(FineTuneSettings.Optimizer.ADAM, 1e-3, 1e-4),
                7, QUIET, CancelToken.NEVER);

        float[] a = adam.tensors().get(0).values();
        float[] s = sgd.tensors().get(0).values();
        assertFalse(Arrays.equals(a, start.tensors().get(0).values()));
        double apart = 0;
        for (int i = 0; i < a.length; i++) {
            apart = Math.max(apart, Math.abs(a[i] - s[i]));
        }
        assertTrue(apart > 1e-3, "Adam and SGD end at other weights from one start and seed: " + apart);
        assertTrue(l1Norm(adamL1) < 0.97 * l1Norm(adam),
                "L1 shrinks the weights: " + l1Norm(adamL1) + " against " + l1Norm(adam));
    }

    @Test
    void removingTheLeastSensitiveLayerRewiresANetworkThatRunsAndFineTunes() throws Exception {
        WeightSet cnn = new ExampleWeights().load(Architecture.CNN);
        LabeledImages test = new FashionMnist().testSet().first(300);
        RemovalRanking ranking = new RemovalRanking(new LayerRemover(), runtime);
        WeightSet removed = new LayerRemover().remove(cnn, List.of("conv2"));
        double accuracy = ranking.accuracy(removed, test);
        assertTrue(accuracy >= 0 && accuracy <= 1, "the rebuilt network runs: " + accuracy);

        WeightSet mlp = new ExampleWeights().load(Architecture.MLP);
        LabeledImages training = new FashionMnist().embeddedTrainingSubset().first(1500);
        RecipeApplier applier = new RecipeApplier(new NetworkTrainer(runtime), training, QUIET);
        WeightSet tuned = applier.apply(mlp, Recipe.builder().removal(new LayerRemovalSettings(1, List.of()))
                .fineTune(new FineTuneSettings(1, 5e-4)).build(), CancelToken.NEVER);
        assertEquals(mlp.spec().nodes().size() - 2, tuned.spec().nodes().size(), "a dense layer and its ReLU went");
        assertTrue(ranking.accuracy(tuned, test) > 0.7, "still classifies after removal and fine-tuning");
    }

    @Test
    void int8SensitivityPutsEachLayerAloneOnRealInt8Kernels() throws Exception {
        WeightSet mlp = new ExampleWeights().load(Architecture.MLP);
        LabeledImages test = new FashionMnist().testSet().first(500);
        RecipeApplier applier = new RecipeApplier(new NetworkTrainer(runtime),
                new FashionMnist().embeddedTrainingSubset().first(1000), QUIET);
        TechniqueSensitivity analysis = TechniqueSensitivity.on(ExampleSession.onnxRuntime(test), new Evaluator(250),
                test, (recipe, cancel) -> applier.apply(mlp, recipe, cancel));

        List<LayerSensitivity> rows = analysis.analyse(SensitivityTechnique.INT8, mlp, done -> { }, CancelToken.NEVER);

        assertFalse(rows.isEmpty());
        for (LayerSensitivity row : rows) {
            assertTrue(Math.abs(row.accuracy()[0] - row.baseline()) < 0.03, row.layer() + ": " + row.accuracy()[0]);
            assertTrue(row.baselineCost() > 0 && row.cost()[0] > 0, "kernel times of " + row.layer());
        }
    }
}
