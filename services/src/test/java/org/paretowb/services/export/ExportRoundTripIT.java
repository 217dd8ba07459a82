package org.paretowb.services.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.measure.Measurement;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.models.recipe.FineTuneSettings;
import org.paretowb.models.recipe.Int8Layers;
import org.paretowb.models.recipe.LowRankSettings;
import org.paretowb.models.recipe.PruningSettings;
import org.paretowb.models.recipe.QuantizationSettings;
import org.paretowb.models.recipe.Recipe;
import org.paretowb.models.recipe.StructuredPruningSettings;
import org.paretowb.services.compress.RecipeApplier;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.evaluate.LatencyProbe;
import org.paretowb.services.evaluate.OrtMeasuringEngine;
import org.paretowb.services.evaluate.PointMeasurer;
import org.paretowb.services.evaluate.ThroughputProbe;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.InferenceNetwork;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.train.NetworkTrainer;

/**
 * Every technique on the example CNN: a point is measured on ONNX Runtime; its recipe is applied again (as
 * an export does), written as ONNX and as a DJL archive, read back, and evaluated on the same images: the
 * accuracy is the point's to within 0.1 points.
 */
class ExportRoundTripIT {
    private static PyTorchRuntime pytorch;
    private static OrtRuntime ort;
    private static LabeledImages test;
    private static LabeledImages training;
    private static WeightSet cnn;
    private static PointMeasurer measurer;

    @BeforeAll
    static void start() throws Exception {
        pytorch = new PyTorchRuntime();
        pytorch.prepareInferenceThread();
        ort = new OrtRuntime();
        FashionMnist data = new FashionMnist();
        test = data.testSet().first(1000);
        training = data.embeddedTrainingSubset().first(2000);
        cnn = new ExampleWeights().load(Architecture.CNN);
        measurer = new PointMeasurer(new OrtMeasuringEngine(ort, test.first(250)), cnn, test, true, applier(),
                new Evaluator(250), new LatencyProbe(2, 10), new ThroughputProbe(64, 1, 1));
    }

    private static RecipeApplier applier() {
        return new RecipeApplier(new NetworkTrainer(pytorch), training, (e, n, l, a, ms) -> { });
    }

    static Stream<Arguments> techniques() {
        QuantizationSettings staticAll = new QuantizationSettings(QuantizationSettings.Mode.STATIC, 8, true, true, 500,
                QuantizationSettings.Observer.MIN_MAX, Int8Layers.ALL);
        return Stream.of(
                Arguments.of("unstructured pruning", Recipe.builder().pruning(new PruningSettings(0.7)).build()),
                Arguments.of("structured pruning", Recipe.builder().structured(new StructuredPruningSettings(0.5,
                        StructuredPruningSettings.Norm.L1)).build()),
                Arguments.of("low-rank", Recipe.builder().lowRank(new LowRankSettings(0.4,
                        LowRankSettings.Criterion.PARAMETERS, LowRankSettings.Target.ALL)).build()),
                Arguments.of("int4 weights", quantized(new QuantizationSettings(QuantizationSettings.Mode.WEIGHT, 4,
                        true, true))),
                Arguments.of("dynamic int8", quantized(new QuantizationSettings(QuantizationSettings.Mode.DYNAMIC, 8,
                        true, true))),
                Arguments.of("static int8", quantized(staticAll)),
                Arguments.of("fine-tuning", Recipe.builder().pruning(new PruningSettings(0.8))
                        .fineTune(new FineTuneSettings(1, 5e-4)).build()),
                Arguments.of("distillation", Recipe.builder().distillation(new DistillationSettings("mlp:32", 4, 0.7,
                        1, 0.01, DistillationSettings.Optimizer.ADAM, 0, 128, 1)).build()));
    }

    private static Recipe quantized(QuantizationSettings q) {
        return Recipe.builder().quantization(q).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("techniques")
    void theExportedFileReloadsToThePointsAccuracy(String technique, Recipe recipe) throws Exception {
        Measurement point = measurer.measure(recipe, CancelToken.NEVER);
        WeightSet again = applier().apply(cnn, recipe, CancelToken.NEVER);
        Set<String> int8 = recipe.quantization().mode() == QuantizationSettings.Mode.STATIC
                ? new TreeSet<>(point.how().int8Layers()) : Set.of();
        ModelFiles files = new ModelFiles(pytorch, ort);
        for (ModelFormat format : ModelFormat.values()) {
            byte[] file = files.encode(again, format, int8);
            double accuracy;
            try (InferenceNetwork reloaded = files.reload(file, format, technique + "." + format.cliName(), again, int8,
                    true)) {
                accuracy = new Evaluator(250).accuracy(reloaded, test, CancelToken.NEVER);
            }
            assertEquals(point.accuracy(), accuracy, 0.001, technique + " as " + format + ": reloaded accuracy");
        }
    }

    @Test
    void aDjlArchiveLoadsIntoDjlAndAgreesWithItsPackedWeights() throws Exception {
        WeightSet quantized = applier().apply(cnn, quantized(new QuantizationSettings(QuantizationSettings.Mode.WEIGHT,
                4, true, true)), CancelToken.NEVER);
        DjlArchive archive = new DjlArchive(pytorch);
        byte[] bytes = archive.write(quantized);
        WeightSet back = archive.read(bytes, "cnn-int4.djl");
        assertEquals(quantized.spec().describe(), back.spec().describe());
        assertTrue(back.tensors().stream().anyMatch(t -> t.quantization() != null), "packed integer codes kept");

        WeightFileException notZip = assertThrows(WeightFileException.class,
                () -> archive.read("not a zip".getBytes(), "notes.djl"));
        assertTrue(notZip.getMessage().startsWith("notes.djl is not a zip archive"), notZip.getMessage());
    }
}
