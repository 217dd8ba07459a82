package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paretowb.models.data.CsvTable;
import org.paretowb.models.data.DataLoader;
import org.paretowb.models.data.TableOptions;
import org.paretowb.models.data.TableSplit;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.input.ModelSettings;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.NetworkTrainer;
import org.paretowb.services.train.TableTrainer;
import org.paretowb.services.train.TrainingSettings;
import org.paretowb.services.usecase.ExampleSession;

/** An MLP trained on the wine table in the workbench, then compressed and measured like the examples. */
class TableDataIT {
    static final TableOptions SPLIT = new TableOptions("target", 0.2, 1);
    private static PyTorchRuntime runtime;
    private static Path wine;
    private static TableSplit split;
    private static WeightSet trained;

    static Path wine() throws Exception {
        return Path.of(TableDataIT.class.getResource("data/wine_data.csv").toURI());
    }

    @BeforeAll
    static void trainOnWine() throws Exception {
        wine = wine();
        runtime = new PyTorchRuntime();
        CsvTable table = CsvTable.read(wine, "target");
        split = TableSplit.of(table.rows(), SPLIT, table.classNames());
        trained = new TableTrainer(new NetworkTrainer(runtime)).train(split.training(), new int[] {32, 16}, 3,
                TableTrainer.Scaling.LAYER, new TrainingSettings(30, 16, 0.005f, 1),
                (epoch, epochs, loss, accuracy, millis) -> { }, CancelToken.NEVER);
        runtime.prepareInferenceThread();
    }

    @Test
    void theMlpScoresAtLeast85PercentOnTheRowsTrainingHeldOut() {
        try (LoadedNetwork network = LoadedNetwork.load(trained, runtime)) {
            double accuracy = new Evaluator(250).accuracy(network, split.evaluation(), CancelToken.NEVER);
            assertTrue(accuracy >= 0.85, "evaluation-split accuracy " + accuracy);
        }
        assertEquals(36, split.evaluation().size());
        assertEquals(142, split.training().size());
    }

    @Test
    void evaluationDataForTheModelAreTheRowsTrainingHeldOut() throws Exception {
        TableSplit forModel = new DataLoader(ModelSettings.of(trained.spec()), SPLIT).table(wine);

        assertArrayEquals(split.evaluation().features(), forModel.evaluation().features());
        assertArrayEquals(split.evaluation().labels(), forModel.evaluation().labels());
        assertArrayEquals(split.training().features(), forModel.training().features());
        assertEquals(List.of("class_0", "class_1", "class_2"), forModel.classNames());
    }

    @Test
    void prunedAndInt8PointsOfTheWineMlpAreMeasuredOnOnnxRuntime() {
        PointMeasurer measurer = ExampleSession.measurer(ExampleSession.onnxRuntime(split.evaluation()), trained, 0,
                ExampleSession.fineTuningApplier(runtime, (e, n, l, a, ms) -> { },
                        org.paretowb.models.data.TrainingData.of(split.training())),
                split.evaluation());
        Measurement baseline = measurer.measure(Recipe.BASELINE, CancelToken.NEVER);
        Measurement pruned = measurer.measure(Recipe.builder().pruning(new PruningSettings(0.5)).build(),
                CancelToken.NEVER);
        Measurement int8 = measurer.measure(Recipe.builder().quantization(new QuantizationSettings(
                QuantizationSettings.Mode.STATIC, 8, true, true, 100, QuantizationSettings.Observer.MIN_MAX)).build(),
                CancelToken.NEVER);

        for (Measurement m : List.of(baseline, pruned, int8)) {
            assertEquals(36, m.samples());
            assertTrue(m.accuracy() >= 0.8 && m.accuracy() <= 1, m.network() + ": " + m.accuracy());
        }
        assertTrue(pruned.nonZeros() < 0.6 * baseline.nonZeros(), pruned.nonZeros() + " of " + baseline.nonZeros());
        assertTrue(pruned.sizeBytes() < baseline.sizeBytes());
        assertTrue(int8.sizeBytes() < 0.5 * baseline.sizeBytes(), int8.sizeBytes() + " of " + baseline.sizeBytes());
        assertTrue(int8.how().realKernels(), int8.how().kernels());
    }
}
